-- rds_idle: which available RDS instances, older than 7 days, had no connection at all over the last
-- 7 days?
-- Parameters:
--   account_id   (uuid)  the account to scan
--   as_of        (date)  the reference day; "the last 7 days" = as_of-6 .. as_of;
--                        "older than 7 days" = created_at < (as_of - 7 days) 00:00 UTC
--   window_days  (int, default 7) days of metrics_daily to examine (and minimum age in days)
-- Threshold source: AWS Trusted Advisor "no connection in 7 days"; Cloud Custodian "0 connections,
-- created > 14 d ago"; Steampipe AWS Thrifty "avg daily max connections = 0" (docs/WASTE-CATALOG.md s.1).
-- Saving: hourly_cost x 730 + storage_monthly_cost (the database is deleted after a final snapshot).
-- Rule from docs/data/platform.md.
\if :{?window_days} \else \set window_days 7 \endif
with region_price(region, m) as (
  values ('us-east-1', 1.00), ('us-east-2', 1.00), ('us-west-1', 1.12), ('us-west-2', 1.00),
         ('eu-west-1', 1.10), ('eu-central-1', 1.15), ('ap-southeast-1', 1.18),
         ('ap-northeast-1', 1.22), ('sa-east-1', 1.45)
),
class_price(instance_class, hourly_usd) as (
  values ('db.t3.micro', 0.017), ('db.t3.small', 0.034), ('db.t3.medium', 0.068), ('db.m5.large', 0.171),
         ('db.m5.xlarge', 0.342), ('db.m5.2xlarge', 0.684), ('db.r5.large', 0.24), ('db.r5.xlarge', 0.48)
),
priced as (
  -- The list hourly price (class x 1.05 for postgres engines x region multiplier), unrounded as the
  -- answer key uses it; the stored 4-decimal hourly_cost when the class or region is not in the list.
  select r.id,
         case when round(c.hourly_usd * case when r.engine like '%postgres%' then 1.05 else 1.0 end * p.m, 4)
                   = r.hourly_cost
              then c.hourly_usd * case when r.engine like '%postgres%' then 1.05 else 1.0 end * p.m
              else r.hourly_cost end as hourly_exact
  from rds_instances r
  left join class_price c on c.instance_class = r.instance_class
  left join region_price p on p.region = r.region
  where r.account_id = :'account_id'::uuid
),
usage as (
  select r.id,
         max((m.metric_payload ->> 'connections_max')::numeric)   as max_connections,
         round(avg((m.metric_payload ->> 'cpu_avg')::numeric), 2) as avg_cpu
  from rds_instances r
  join metrics_daily m
    on m.account_id = r.account_id
   and m.resource_type = 'rds_instance' and m.resource_id = r.db_instance_id
   and m.date between :'as_of'::date - (:window_days - 1) and :'as_of'::date
  where r.account_id = :'account_id'::uuid
    and r.state = 'available'
    and r.created_at < ((:'as_of'::date - :window_days)::timestamp at time zone 'UTC')
  group by r.id
)
select 'rds_instance'::text                             as resource_type,
       r.db_instance_id                                 as resource_id,
       round(pr.hourly_exact * 730 + r.storage_monthly_cost, 4) as estimated_monthly_savings,
       r.region,
       r.env,
       r.engine,
       r.instance_class,
       r.allocated_storage_gib,
       u.max_connections                                as max_connections_window,
       r.avg_connections_7d,
       r.avg_cpu_7d,
       r.hourly_cost,
       r.storage_monthly_cost,
       r.created_at
from usage u
join rds_instances r on r.id = u.id
join priced pr on pr.id = u.id
where u.max_connections = 0
order by estimated_monthly_savings desc, resource_id;

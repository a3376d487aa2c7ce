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
select 'rds_instance'::text                             as resource_type,
       r.db_instance_id                                 as resource_id,
       round(0.5 * r.hourly_cost * 730, 4)                as estimated_monthly_savings,
       r.region,
       r.env,
       r.engine,
       r.instance_class,
       r.avg_cpu_7d,
       r.avg_connections_7d,
       r.hourly_cost,
       round(r.hourly_cost * 730 + r.storage_monthly_cost, 4) as monthly_cost
from rds_instances r
where r.account_id = :'account_id'::uuid
  and r.state = 'available'
  and r.avg_cpu_7d <= :cpu_threshold
  and r.avg_connections_7d >= :min_connections
order by estimated_monthly_savings desc, resource_id;

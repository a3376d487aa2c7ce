-- managed_service_idle: which managed services (OpenSearch domains, feature stores, SageMaker
-- endpoints) averaged under 5 % CPU over the last 7 days?
-- Parameters:
--   account_id     (uuid)  the account to scan
--   as_of          (date)  the reference day; avg_cpu_7d covers as_of-6 .. as_of
--   cpu_threshold  (numeric, default 5) idle if avg_cpu_7d < this
-- Threshold source: AWS Compute Optimizer's idle rule (peak CPU < 5 %) (docs/WASTE-CATALOG.md s.1).
-- Saving: hourly_cost x 730 (the service is deleted). Rule from docs/data/platform.md.
\if :{?cpu_threshold} \else \set cpu_threshold 5 \endif
with region_price(region, m) as (
  values ('us-east-1', 1.00), ('us-east-2', 1.00), ('us-west-1', 1.12), ('us-west-2', 1.00),
         ('eu-west-1', 1.10), ('eu-central-1', 1.15), ('ap-southeast-1', 1.18),
         ('ap-northeast-1', 1.22), ('sa-east-1', 1.45)
),
type_price(instance_type, hourly_usd) as (
  -- search_instance_types; the ML services (ml.<size>) are priced as <size>.search
  values ('t3.small.search', 0.036), ('m5.large.search', 0.142), ('r6g.large.search', 0.167),
         ('r6g.xlarge.search', 0.335)
),
priced as (
  -- the unrounded list price (type price x region multiplier x node_count) when it matches the stored
  -- 4-decimal hourly_cost, else hourly_cost as stored
  select s.id,
         case when round(t.hourly_usd * p.m * s.node_count, 4) = s.hourly_cost
              then t.hourly_usd * p.m * s.node_count else s.hourly_cost end as hourly_exact
  from managed_services s
  left join type_price t
    on t.instance_type = case when s.instance_type like 'ml.%'
                              then substr(s.instance_type, 4) || '.search' else s.instance_type end
  left join region_price p on p.region = s.region
  where s.account_id = :'account_id'::uuid
)
select 'managed_service'::text                          as resource_type,
       s.id::text                                       as resource_id,
       round(pr.hourly_exact * 730, 4)                  as estimated_monthly_savings,
       s.name,
       s.region,
       s.env,
       s.service_type,
       s.instance_type,
       s.node_count,
       s.avg_cpu_7d,
       s.avg_memory_7d,
       s.hourly_cost
from managed_services s
join priced pr on pr.id = s.id
where s.account_id = :'account_id'::uuid
  and s.avg_cpu_7d < :cpu_threshold
order by estimated_monthly_savings desc, resource_id;

-- managed_service_idle: which managed services (OpenSearch domains, feature stores, SageMaker
-- endpoints) averaged under 5 % CPU over the last 7 days?
-- Parameters:
--   account_id     (uuid)  the account to scan
--   as_of          (date)  the reference day; avg_cpu_7d covers as_of-6 .. as_of
--   cpu_threshold  (numeric, default 5) idle if avg_cpu_7d < this
-- Threshold source: AWS Compute Optimizer's idle rule (peak CPU < 5 %) (docs/WASTE-CATALOG.md s.1).
-- Saving: hourly_cost x 730 (the service is deleted). Rule from docs/data/platform.md.
\if :{?cpu_threshold} \else \set cpu_threshold 5 \endif
select 'managed_service'::text                          as resource_type,
       s.id::text                                       as resource_id,
       round(s.hourly_cost * 730, 4)                    as estimated_monthly_savings,
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
where s.account_id = :'account_id'::uuid
  and s.avg_cpu_7d < :cpu_threshold
order by estimated_monthly_savings desc, resource_id;

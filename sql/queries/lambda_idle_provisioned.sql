-- lambda_idle_provisioned: Which Lambda functions pay for provisioned concurrency they barely use (mean
--   daily provisioned_concurrency_utilization under 5 % over the last 7 days, as_of-6 .. as_of)?
-- Parameters: account_id (uuid), as_of (date); utilization_threshold (default 5, %).
-- Threshold source: the waste catalog's Lambda provisioned-concurrency rule (~5 % of functions
--   provisioned, a quarter idle), in the spirit of AWS Compute Optimizer's idle recommendations (< 5 %).
-- Saving: the provisioned concurrency charge, provisioned_concurrency x memory_mb / 1024 x 2,628,000 s x
--   lambda.provisioned_gb_second in the function's region (seedgen.prices).
\if :{?utilization_threshold} \else \set utilization_threshold 5 \endif
select 'lambda_function'::text as resource_type,
       l.id::text as resource_id,
       round(l.provisioned_concurrency * l.memory_mb / 1024.0 * 2628000 * min(p.usd), 4)
         as estimated_monthly_savings,
       l.name, l.region, l.env, l.memory_mb, l.provisioned_concurrency,
       round(avg((m.metric_payload->>'provisioned_concurrency_utilization')::numeric), 2)
         as provisioned_utilization_7d,
       l.invocations_7d, l.avg_duration_ms_7d, l.estimated_monthly_cost
from lambda_functions l
join metrics_daily m on m.resource_type = 'lambda_function' and m.resource_id = l.id::text and m.account_id = l.account_id
 and m.date between :'as_of'::date - 6 and :'as_of'::date
left join seedgen.prices p on p.sku = 'lambda.provisioned_gb_second' and p.region = l.region
where l.account_id = :'account_id'::uuid and l.provisioned_concurrency > 0
group by l.account_id, l.id
having avg((m.metric_payload->>'provisioned_concurrency_utilization')::numeric) < :utilization_threshold
order by estimated_monthly_savings desc, resource_id;

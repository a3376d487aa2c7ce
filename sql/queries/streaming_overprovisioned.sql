-- streaming_overprovisioned: which streaming clusters (Kinesis, MSK, Kafka) used less than 20 % of
-- their provisioned throughput on average over the last 7 days?
-- Parameters:
--   account_id     (uuid)  the account to scan
--   as_of          (date)  the reference day; avg_usage_mbps_7d covers as_of-6 .. as_of
--   usage_ratio    (numeric, default 0.2) over-provisioned if avg_usage_mbps_7d < this x provisioned
-- Threshold source: the waste catalog's streaming plant (docs/WASTE-CATALOG.md s.2/s.3), in the spirit of the
-- Compute Optimizer / Thrifty utilisation checks; the 20 % cut is docs/data/platform.md's rule.
-- Saving: (1 - avg_usage_mbps_7d / provisioned_throughput_mbps) x hourly_cost x 730, the unused share.
\if :{?usage_ratio} \else \set usage_ratio 0.2 \endif
select 'streaming_cluster'::text                        as resource_type,
       s.id::text                                       as resource_id,
       round((1 - s.avg_usage_mbps_7d / s.provisioned_throughput_mbps) * s.hourly_cost * 730, 4)
                                                        as estimated_monthly_savings,
       s.name,
       s.region,
       s.env,
       s.engine,
       s.shard_count,
       s.provisioned_throughput_mbps,
       s.avg_usage_mbps_7d,
       round(100 * s.avg_usage_mbps_7d / s.provisioned_throughput_mbps, 2) as usage_pct,
       s.hourly_cost
from streaming_clusters s
where s.account_id = :'account_id'::uuid
  and s.provisioned_throughput_mbps > 0
  and s.avg_usage_mbps_7d < :usage_ratio * s.provisioned_throughput_mbps
order by estimated_monthly_savings desc, resource_id;

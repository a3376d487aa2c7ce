-- cache_underutilized: which ElastiCache clusters averaged under 10 % CPU and under 30 % memory over
-- the last 7 days?
-- Parameters:
--   account_id        (uuid)  the account to scan
--   as_of             (date)  the reference day; avg_cpu_7d / avg_memory_7d cover as_of-6 .. as_of
--   cpu_threshold     (numeric, default 10) under-used if avg_cpu_7d < this
--   memory_threshold  (numeric, default 30) ... and avg_memory_7d < this
-- Threshold source: the waste catalog's question 18 (CPU < 10 % and memory < 30 %), in line with the
-- Trusted Advisor / Compute Optimizer low-utilisation checks (docs/WASTE-CATALOG.md s.1 and s.3).
-- Saving: keep one node, hourly_cost x 730 x (num_nodes - 1) / num_nodes, when num_nodes > 1; else one
-- size down, 0.5 x hourly_cost x 730. Rule from docs/data/platform.md.
\if :{?cpu_threshold} \else \set cpu_threshold 10 \endif
\if :{?memory_threshold} \else \set memory_threshold 30 \endif
select 'cache_cluster'::text                            as resource_type,
       c.cluster_id                                     as resource_id,
       round(case when c.num_nodes > 1
                  then c.hourly_cost * 730 * (c.num_nodes - 1) / c.num_nodes
                  else 0.5 * c.hourly_cost * 730 end, 4) as estimated_monthly_savings,
       c.region,
       c.env,
       c.engine,
       c.node_type,
       c.num_nodes,
       c.avg_cpu_7d,
       c.avg_memory_7d,
       c.hourly_cost,
       round(c.hourly_cost * 730, 4)                    as monthly_cost
from cache_clusters c
where c.account_id = :'account_id'::uuid
  and c.avg_cpu_7d < :cpu_threshold
  and c.avg_memory_7d < :memory_threshold
order by estimated_monthly_savings desc, resource_id;

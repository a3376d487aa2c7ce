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
with region_price(region, m) as (
  values ('us-east-1', 1.00), ('us-east-2', 1.00), ('us-west-1', 1.12), ('us-west-2', 1.00),
         ('eu-west-1', 1.10), ('eu-central-1', 1.15), ('ap-southeast-1', 1.18),
         ('ap-northeast-1', 1.22), ('sa-east-1', 1.45)
),
node_price(node_type, hourly_usd) as (
  values ('cache.t3.micro', 0.017), ('cache.t3.small', 0.034), ('cache.m5.large', 0.156),
         ('cache.m5.xlarge', 0.311), ('cache.r5.large', 0.216)
),
priced as (
  -- the unrounded list price (node price x region multiplier x num_nodes) when it matches the stored
  -- 4-decimal hourly_cost, else hourly_cost as stored
  select c.id,
         case when round(n.hourly_usd * p.m * c.num_nodes, 4) = c.hourly_cost
              then n.hourly_usd * p.m * c.num_nodes else c.hourly_cost end as hourly_exact
  from cache_clusters c
  left join node_price n on n.node_type = c.node_type
  left join region_price p on p.region = c.region
  where c.account_id = :'account_id'::uuid
)
select 'cache_cluster'::text                            as resource_type,
       c.cluster_id                                     as resource_id,
       round(case when c.num_nodes > 1
                  then pr.hourly_exact * 730 * (c.num_nodes - 1) / c.num_nodes
                  else 0.5 * pr.hourly_exact * 730 end, 4) as estimated_monthly_savings,
       c.region,
       c.env,
       c.engine,
       c.node_type,
       c.num_nodes,
       c.avg_cpu_7d,
       c.avg_memory_7d,
       c.hourly_cost,
       round(pr.hourly_exact * 730, 4)                  as monthly_cost
from cache_clusters c
join priced pr on pr.id = c.id
where c.account_id = :'account_id'::uuid
  and c.avg_cpu_7d < :cpu_threshold
  and c.avg_memory_7d < :memory_threshold
order by estimated_monthly_savings desc, resource_id;

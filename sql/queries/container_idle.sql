-- container_idle: Which container nodes are idle, and which clusters run over-requested services?
--   (a) container_node rows: running nodes under 10 % CPU and 35 % memory over the last 7 days
--       (as_of-6 .. as_of, stored avg_cpu_7d / avg_memory_7d).
--   (b) container_cluster rows: clusters with at least one service using under 5 % of its requested CPU
--       with 2+ replicas (its replicas can be consolidated).
-- Parameters: account_id (uuid), as_of (date, the window of the stored 7-day columns);
--   node_cpu_threshold (default 10, %), node_memory_threshold (default 35, %),
--   service_cpu_threshold (default 5, % of request), min_replicas (default 2), target_util (default 25, %).
-- Threshold source: AWS Trusted Advisor's idle EC2 CPU line (10 %) for nodes, memory < 35 % = only daemon
--   sets and kubelet reservation resident; service requests per the CAST AI Kubernetes reports (clusters
--   use 8-13 % of requested CPU). Thrifty's ECS rule is cluster-level and not used.
-- Saving: (a) hourly_cost x 730; (b) busy (non-idle) node cost x 730 x the share of requested CPU freed by
--   right-sizing each over-requested service to 4 x its use (1 - avg_cpu_7d / 25).
\if :{?node_cpu_threshold} \else \set node_cpu_threshold 10 \endif
\if :{?node_memory_threshold} \else \set node_memory_threshold 35 \endif
\if :{?service_cpu_threshold} \else \set service_cpu_threshold 5 \endif
\if :{?min_replicas} \else \set min_replicas 2 \endif
\if :{?target_util} \else \set target_util 25 \endif
with nodes as (
  select n.*, c.name as cluster_name, c.env,
         (n.state = 'running' and n.avg_cpu_7d < :node_cpu_threshold
          and n.avg_memory_7d < :node_memory_threshold) as idle
  from container_nodes n join container_clusters c on c.id = n.cluster_id
\if :{?citus}
                                                   and c.account_id = n.account_id
\endif
  where c.account_id = :'account_id'::uuid
),
busy as (
  select c.id as cluster_id, c.name, c.region, c.env,
         coalesce(sum(n.hourly_cost) filter (where not n.idle), 0) * 730 as busy_monthly,
         count(n.id) as nodes, count(n.id) filter (where n.idle) as idle_nodes
  from container_clusters c left join nodes n on n.cluster_id = c.id
\if :{?citus}
                                                    and n.account_id = c.account_id
\endif
  where c.account_id = :'account_id'::uuid
  group by c.id, c.name, c.region, c.env
),
req as (
  select s.cluster_id,
         sum(s.requested_cpu * s.replica_count) as requested_vcpu,
         sum(s.requested_cpu * s.replica_count * (1 - s.avg_cpu_7d / :target_util))
           filter (where s.avg_cpu_7d < :service_cpu_threshold and s.replica_count >= :min_replicas) as freed_vcpu,
         count(*) filter (where s.avg_cpu_7d < :service_cpu_threshold and s.replica_count >= :min_replicas)
           as over_requested_services,
         string_agg(s.name, ', ' order by s.name)
           filter (where s.avg_cpu_7d < :service_cpu_threshold and s.replica_count >= :min_replicas)
           as over_requested_service_names
  from container_services s
  where s.cluster_id in (select cluster_id from busy)
\if :{?citus}
    and s.account_id = :'account_id'::uuid
\endif
  group by s.cluster_id
)
select 'container_node'::text as resource_type,
       n.id::text as resource_id,
       round(n.hourly_cost * 730, 4) as estimated_monthly_savings,
       n.cluster_name as name, n.region, n.env,
       'idle node ' || n.instance_id || ' (' || n.instance_type || ')' as finding,
       n.hourly_cost, n.avg_cpu_7d, n.avg_memory_7d,
       null::bigint as over_requested_services, null::text as over_requested_service_names
from nodes n
where n.idle
union all
select 'container_cluster'::text,
       b.cluster_id::text,
       round(b.busy_monthly * r.freed_vcpu / r.requested_vcpu, 4),
       b.name, b.region, b.env,
       'over-requested services: ' || r.over_requested_services || ' of its services, '
         || round(r.freed_vcpu, 3) || ' of ' || round(r.requested_vcpu, 3) || ' requested vCPU freed',
       round(b.busy_monthly / 730, 4), null::numeric, null::numeric,
       r.over_requested_services, r.over_requested_service_names
from req r join busy b using (cluster_id)
where r.freed_vcpu is not null
order by estimated_monthly_savings desc, resource_id;

-- account_sizes: every account with its rows over the 14 resource tables (container nodes count through
-- their cluster), ascending by size then id, so that picking an account by rank is deterministic. The nodes
-- are counted per cluster first: on the citus layout the cluster and its nodes then meet in one small
-- intermediate result instead of a join Citus cannot place (the spec's nodes have no account_id).
with owned as (
  select account_id, 1 as resources from public.instances
  union all select account_id, 1 from public.volumes
  union all select account_id, 1 from public.snapshots
  union all select account_id, 1 from public.s3_buckets
  union all select account_id, 1 from public.rds_instances
  union all select account_id, 1 from public.cache_clusters
  union all select account_id, 1 from public.load_balancers
  union all select account_id, 1 from public.elastic_ips
  union all select account_id, 1 from public.lambda_functions
  union all select account_id, 1 from public.container_clusters
  union all select account_id, 1 from public.streaming_clusters
  union all select account_id, 1 from public.managed_services
  union all select account_id, 1 from public.log_groups
  union all select c.account_id, n.nodes
              from public.container_clusters c
              join (select cluster_id, count(*) as nodes from public.container_nodes group by cluster_id) n
                on n.cluster_id = c.id
)
select a.id::text as account_id, coalesce(sum(o.resources), 0)::bigint as resources
from public.cloud_accounts a
left join owned o on o.account_id = a.id
group by a.id
order by 2, 1

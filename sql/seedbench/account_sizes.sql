-- account_sizes: every account with its rows over the 14 resource tables (container nodes count through
-- their cluster), ascending by size then id, so that picking an account by rank is deterministic.
with owned as (
  select account_id from public.instances
  union all select account_id from public.volumes
  union all select account_id from public.snapshots
  union all select account_id from public.s3_buckets
  union all select account_id from public.rds_instances
  union all select account_id from public.cache_clusters
  union all select account_id from public.load_balancers
  union all select account_id from public.elastic_ips
  union all select account_id from public.lambda_functions
  union all select account_id from public.container_clusters
  union all select account_id from public.streaming_clusters
  union all select account_id from public.managed_services
  union all select account_id from public.log_groups
  union all select c.account_id from public.container_nodes n join public.container_clusters c on c.id = n.cluster_id
)
select a.id::text as account_id, count(o.account_id) as resources
from public.cloud_accounts a
left join owned o on o.account_id = a.id
group by a.id
order by 2, 1

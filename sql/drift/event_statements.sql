-- event_statements.sql: how drift records table $1's changes in seedgen.drift_events for run $2 on day $3,
-- three statements run while the day's rows and keys are staged (table_statements.sql): the inserted rows
-- (before or after inserting), the updated rows (before updating: it compares the stored row with the new
-- one) and the deleted keys (before deleting). No rows when the table's changes make no events (the daily
-- usage tables, resource_tags, the bookkeeping of accounts, clients and actions). resource_type and
-- resource_id follow the resource_id convention of docs/DATA.md; container nodes and services take their
-- account from their cluster.
with subject(table_name, resource_type, resource_id, account_id) as (values
  ('public.instances', '''instance''', '%1$s.instance_id', '%1$s.account_id'),
  ('public.volumes', '''volume''', '%1$s.volume_id', '%1$s.account_id'),
  ('public.snapshots', '''snapshot''', '%1$s.snapshot_id', '%1$s.account_id'),
  ('public.s3_buckets', '''s3_bucket''', '%1$s.name', '%1$s.account_id'),
  ('public.rds_instances', '''rds_instance''', '%1$s.db_instance_id', '%1$s.account_id'),
  ('public.cache_clusters', '''cache_cluster''', '%1$s.cluster_id', '%1$s.account_id'),
  ('public.load_balancers', '''load_balancer''', '%1$s.lb_arn', '%1$s.account_id'),
  ('public.elastic_ips', '''elastic_ip''', '%1$s.allocation_id', '%1$s.account_id'),
  ('public.lambda_functions', '''lambda_function''', '%1$s.id::text', '%1$s.account_id'),
  ('public.container_clusters', '''container_cluster''', '%1$s.id::text', '%1$s.account_id'),
  ('public.container_nodes', '''container_node''', '%1$s.id::text',
   '(select c.account_id from public.container_clusters c where c.id = %1$s.cluster_id)'),
  ('public.container_services', '''container_service''', '%1$s.id::text',
   '(select c.account_id from public.container_clusters c where c.id = %1$s.cluster_id)'),
  ('public.streaming_clusters', '''streaming_cluster''', '%1$s.id::text', '%1$s.account_id'),
  ('public.managed_services', '''managed_service''', '%1$s.id::text', '%1$s.account_id'),
  ('public.log_groups', '''log_group''', '%1$s.id::text', '%1$s.account_id'),
  ('public.autoscaling_groups', '''autoscaling_group''', '%1$s.id::text', '%1$s.account_id'),
  ('public.commitments', '''commitment''', '%1$s.id::text', '%1$s.account_id'),
  ('seedgen.planted_waste', '%1$s.resource_type', '%1$s.resource_id', '%1$s.account_id')
), s as (
  select format(resource_type, 'u') as type_u, format(resource_type, 't') as type_t,
         format(resource_id, 'u') as id_u, format(resource_id, 't') as id_t,
         format(account_id, 'u') as account_u, format(account_id, 't') as account_t,
         table_name = 'seedgen.planted_waste' as is_key
    from subject where table_name = $1::text
), target as (
  select 'insert into seedgen.drift_events (run_id, day, account_id, resource_type, resource_id, event, details) select '
         || format('%s::bigint, %L::date, ', $2::bigint, $3::text) as head
), keys as (
  select string_agg(format('t.%1$I = d.%1$I', trim(c)), ' and ' order by n) as on_keys,
         string_agg(format('t.%1$I = u.%1$I', trim(c)), ' and ' order by n) as on_rows
    from unnest(string_to_array($4::text, ',')) with ordinality as k(c, n) where n <= $5::int
)
select head || format('%s, %s, %s, %L, %s from seedgen_drift_rows u', account_u, type_u, id_u,
                      case when is_key then 'finding_appeared' else 'created' end,
                      case when is_key then 'jsonb_build_object(''pattern'', u.pattern, ''estimated_monthly_savings'', u.estimated_monthly_savings)'
                           else 'seedgen.drift_fields(to_jsonb(u))' end),
       case when not is_key then
         head || format('%s, %s, %s, e.event, e.details from %s t join seedgen_drift_rows u on %s '
                        'cross join lateral seedgen.drift_change(to_jsonb(t), to_jsonb(u)) e where e.event is not null',
                        account_t, type_t, id_t, $1::text, on_rows)
       end,
       head || format('%s, %s, %s, %L, %s from %s t join seedgen_drift_keys d on %s', account_t, type_t, id_t,
                      case when is_key then 'finding_cleared' else 'deleted' end,
                      case when is_key then 'jsonb_build_object(''pattern'', t.pattern)' else '''{}''::jsonb' end,
                      $1::text, on_keys)
  from s, target, keys

-- 016_add_agent_query_indexes.sql: indexes the agent query catalog (sql/queries/) needs beyond the spec's,
-- chosen from seedbench's plan analysis at profile large (docs/PERFORMANCE.md, "Query catalog"). The
-- spec's own indexes stay. Every index here carries a comment starting "agent query catalog:", which is
-- how seedbench tells them apart and shows the "before" (all of them hidden) next to the "after".

-- Running/stopped instances of one account. The spec has account_id and state separately; the planner
-- combined them with a BitmapAnd that read every running instance of the fleet's state index.
create index idx_instances_account_state on instances (account_id, state);
comment on index idx_instances_account_state is
  'agent query catalog: ec2_idle, ec2_oversized, ec2_idle_4_of_14, ec2_stopped_30d, nonprod_24x7, ec2_prev_gen, '
  'ec2_uncommitted_steady, gpu_idle';

-- The idle days of an instance (Trusted Advisor: CPU <= 10 % and network <= 5 MB a day). Counting them
-- becomes an index-only scan instead of 14 heap fetches and two jsonb extractions per instance. A query
-- whose thresholds are at or below these defaults can use it (the planner proves the implication when it
-- sees the values, i.e. in custom plans).
create index idx_metrics_daily_idle_instance_days on metrics_daily (resource_id, date)
  where resource_type = 'instance'
    and (metric_payload->>'cpu_avg')::numeric <= 10
    and (metric_payload->>'network_mb')::numeric <= 5;
comment on index idx_metrics_daily_idle_instance_days is
  'agent query catalog: ec2_idle_4_of_14, ec2_oversized, ec2_uncommitted_steady (idle days of 14)';

-- The owner and cost-center tags of one account, read from the index alone (the spec indexes account_id
-- and key separately, so the planner read every tag row of the account: ~150k for large's largest).
create index idx_resource_tags_account_key on resource_tags (account_id, key) include (resource_type, resource_id);
comment on index idx_resource_tags_account_key is
  'agent query catalog: hygiene_missing_tags (owner / cost-center per resource of an account)';

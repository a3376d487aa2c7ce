-- 001_distribute_by_account.sql: layout "citus" (seedgen migrate --layout citus): the fleet becomes Citus
-- distributed tables, every table of one account on one worker, so that an account's questions are router
-- queries to that worker and the whole estate's run on every worker at once. Needs the citus extension in
-- the database and its workers registered (scripts/citus start does both); docs/CITUS.md lists every catalog
-- fact that differs from the spec layout and why.
--   * cloud_accounts is distributed by id, the 26 other fleet tables (the spec's 25 and
--     optimization_actions), waste_findings and seedgen.planted_waste by account_id, all co-located.
--   * The five tables the spec keys by their parent (container_nodes, container_services,
--     s3_bucket_usage_daily, log_group_usage_daily, commitment_utilization_daily) get an account_id, the
--     parent's; a load appends it to the generated rows.
--   * Citus enforces a unique key or a foreign key only when it holds the distribution column: every primary
--     key and unique constraint gets account_id in front (cloud_accounts keeps (id)), and every foreign key
--     to a parent other than cloud_accounts becomes (account_id, x) -> parent(account_id, id). Citus refuses
--     ON DELETE SET NULL on such a key, so the two that had it (an instance's autoscaling group, an action's
--     API client) now refuse to delete a parent still named (ON DELETE NO ACTION). Names stay.
--   * seedgen.prices, seedgen.waste_patterns and seedgen.agent_action_types become reference tables (a copy
--     on every node): read-only lookups that functions and queries join with the fleet on any worker.
--     seedgen.runs and the ledgers stay on the coordinator.
--   * Citus refuses subqueries in policies: the tenant policies compare account_id with
--     public.current_account_id() directly, and the restrictive *_tenant_references policies (migrations
--     018, 020), whose checks read other tables, are dropped (see docs/CITUS.md).
--   * Citus reaches the workers as the session's current role, so a tenant session (SET ROLE authenticated,
--     as PostgREST does) works only if that role may log in there: authenticated and service_role get LOGIN
--     (propagated to every node; pg_hba decides from where, see docs/CITUS.md).
--   * A policy is evaluated on the worker, which sees the tenant's request.jwt.claims only when the session
--     sets it with SET LOCAL and citus.propagate_set_commands is 'local' (set for this database; set_config()
--     is not propagated).
--   * Triggers on distributed tables need citus.enable_unsafe_triggers (the updated_at trigger touches only
--     its own row): set for this database, so that every load's sessions can recreate them.
--   * A global question joins a cost view (local) with cloud_accounts: citus.local_table_join_policy =
--     prefer-distributed (set for this database) brings the few accounts to the coordinator instead of
--     sending the view's rows to every shard.
--   * The cost views stay on the coordinator, as materialized views refreshed by each load from
--     resource_monthly_costs(), whose joins also match account_id (co-located: pushed down to the workers),
--     now in PL/pgSQL (Citus cannot plan the parameters of a SQL function).

do $check$
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'citus') then
    raise exception 'the citus layout needs the citus extension in this database (Citus 13.x for PostgreSQL 15 '
                    'installed on the coordinator and every worker, then create extension citus and '
                    'citus_add_node for each worker; scripts/citus start does both)';
  end if;
end
$check$;

set local citus.enable_unsafe_triggers = on;
set local citus.multi_shard_modify_mode = 'sequential';
do $setting$
begin
  execute format('alter database %I set citus.enable_unsafe_triggers = on', current_database());
  execute format('alter database %I set citus.propagate_set_commands = local', current_database());
  execute format('alter database %I set citus.local_table_join_policy = %L', current_database(), 'prefer-distributed');
end
$setting$;

alter role authenticated login;
alter role service_role login;

do $layout$
declare
  fleet constant regclass[] := array[
    'cloud_accounts', 'autoscaling_groups', 'instances', 'container_clusters', 'container_nodes',
    'lambda_functions', 'volumes', 'snapshots', 's3_buckets', 's3_bucket_usage_daily', 'rds_instances',
    'cache_clusters', 'load_balancers', 'elastic_ips', 'data_transfer_daily', 'managed_services',
    'streaming_clusters', 'log_groups', 'log_group_usage_daily', 'commitments', 'commitment_utilization_daily',
    'resource_tags', 'metrics_daily', 'container_services', 'api_clients', 'optimization_actions',
    'waste_findings', 'seedgen.planted_waste']::regclass[];
  children constant text[] := array['container_nodes', 'container_services', 's3_bucket_usage_daily',
                                    'log_group_usage_daily', 'commitment_utilization_daily'];
  reference constant regclass[] := array['seedgen.prices', 'seedgen.waste_patterns',
                                         'seedgen.agent_action_types']::regclass[];
  item record;
  table_name text;
begin
  create temp table layout_views on commit drop as
    select * from pg_temp.seedgen_fleet_objects(fleet) where relkind = 'm'
       and kind in ('matview', 'index', 'comment', 'grant', 'owner');
  create temp table layout_keys on commit drop as
    select c.conrelid::regclass as table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) as definition,
           c.confrelid::regclass as parent
      from pg_constraint c where c.conrelid = any(fleet) and c.contype in ('p', 'u', 'f');
  create temp table layout_policies on commit drop as
    select p.polrelid::regclass as table_name, p.polname, pg_get_expr(p.polqual, p.polrelid) as qual
      from pg_policy p where p.polrelid = any(fleet);

  -- Out of the way: the views (rebuilt last), the policies (rewritten), every key (rebuilt with account_id).
  for item in select * from layout_views where kind = 'matview' order by ordinal desc loop
    execute format('drop materialized view %I', item.table_name);
  end loop;
  for item in select * from layout_policies loop
    execute format('drop policy %I on %s', item.polname, item.table_name);
  end loop;
  for item in select * from layout_keys order by contype = 'f' desc loop
    execute format('alter table %s drop constraint %I', item.table_name, item.conname);
  end loop;

  -- The distribution column where the spec has none: last, where a load appends it.
  foreach table_name in array children loop
    execute format('alter table %I add column account_id uuid not null', table_name);
    execute format('comment on column %I.account_id is %L', table_name,
                   'Account of the parent row (layout citus: the distribution column)');
  end loop;

  perform create_distributed_table('cloud_accounts', 'id');
  for item in select t from unnest(fleet) t where t <> 'cloud_accounts'::regclass loop
    perform create_distributed_table(item.t, 'account_id', colocate_with => 'cloud_accounts');
  end loop;
  for item in select t from unnest(reference) t loop
    perform create_reference_table(item.t);
    perform truncate_local_data_after_distributing_table(item.t);   -- its rows now live in the shards
  end loop;

  -- Keys with account_id in front, then foreign keys through it.
  for item in select * from layout_keys where contype in ('p', 'u') loop
    execute format('alter table %s add constraint %I %s', item.table_name, item.conname,
                   case when item.definition ~ '\maccount_id\M' or item.table_name = 'cloud_accounts'::regclass
                        then item.definition
                        else regexp_replace(item.definition, '\(', '(account_id, ') end);
  end loop;
  for item in select * from layout_keys where contype = 'f' loop
    execute format('alter table %s add constraint %I %s', item.table_name, item.conname,
                   case when item.parent = 'cloud_accounts'::regclass then item.definition
                        else regexp_replace(regexp_replace(replace(item.definition, ' ON DELETE SET NULL', ''),
                               'FOREIGN KEY \((\w+)\)', 'FOREIGN KEY (account_id, \1)'),
                               'REFERENCES (\S+)\((\w+)\)', 'REFERENCES \1(account_id, \2)') end);
  end loop;

  -- Policies: the service role's as they were; a tenant's by its account_id; no reference checks.
  for item in select * from layout_policies loop
    if item.polname like '%\_tenant\_references' then
      continue;
    elsif item.polname like '%\_tenant\_all' then
      execute format('create policy %I on %s for all to authenticated using (%3$s) with check (%3$s)',
                     item.polname, item.table_name,
                     case when item.table_name = 'cloud_accounts'::regclass then 'id' else 'account_id' end
                       || ' = public.current_account_id()');
    elsif item.polname like '%\_service\_role\_all' then
      execute format('create policy %I on %s for all to service_role using (true) with check (true)',
                     item.polname, item.table_name);
    else
      raise exception 'layout citus does not know policy % on %', item.polname, item.table_name;
    end if;
  end loop;
end
$layout$;

-- resource_monthly_costs: the same query, with account_id in every join between two fleet tables (the rows
-- agree: a child's account is its parent's), run by PL/pgSQL's EXECUTE ... USING: Citus cannot plan this
-- query with as_of as a parameter (a SQL function's, or a PL/pgSQL variable's), but a value EXECUTE binds
-- is planned as a constant. For a null as_of it returns no rows.
do $costs$
declare
  definition text := pg_get_functiondef('public.resource_monthly_costs(date)'::regprocedure);
  head text := split_part(definition, '$function$', 1);
  body text := split_part(definition, '$function$', 2);
  change text[];
begin
  foreach change slice 1 in array array[
    ['where n.cluster_id = c.id)', 'where n.cluster_id = c.id and n.account_id = c.account_id)'],
    ['on c.id = n.cluster_id', 'on c.id = n.cluster_id and c.account_id = n.account_id'],
    ['on u.bucket_id = b.id and', 'on u.bucket_id = b.id and u.account_id = b.account_id and'],
    ['where u.log_group_id = g.id and', 'where u.log_group_id = g.id and u.account_id = g.account_id and'],
    ['where d.commitment_id = c.id and', 'where d.commitment_id = c.id and d.account_id = c.account_id and']] loop
    if position(change[1] in body) = 0 then
      raise exception 'layout citus: resource_monthly_costs has no "%" any more', change[1];
    end if;
    body := replace(body, change[1], change[2]);
  end loop;
  if position(' LANGUAGE sql' in head) = 0 then
    raise exception 'layout citus: resource_monthly_costs is no longer a SQL function';
  end if;
  -- A null as_of (an empty fleet's max(date)) folds the joins' date conditions away, which Citus cannot plan;
  -- it prices nothing.
  execute replace(head, ' LANGUAGE sql', ' LANGUAGE plpgsql')
          || E'$function$\nbegin\n  if as_of is null then\n    return;\n  end if;\n  return query execute $query$'
          || replace(body, 'as_of', '$1') || E'$query$ using as_of;\nend\n$function$';
end
$costs$;

do $views$
declare
  item record;
begin
  for item in select * from layout_views order by ordinal loop
    execute item.statement;
  end loop;
end
$views$;

-- 020_create_agent_api.sql: the agent API (issue 13). An agent connected as a tenant (the account_id claim
-- of its JWT, as in 013) and as one of that account's API clients (the client_id claim) requests
-- optimization actions, cancels them, reads them, and reports waste findings, through four functions that
-- PostgREST exposes as RPC. They run as the caller (SECURITY INVOKER), so the RLS of 013/018 applies on top
-- of their own checks; every refusal is one error with a documented SQLSTATE (docs/AGENTS.md).
--
-- The functions name the account explicitly in every lookup (not only through RLS), so that a
-- service_role caller, which RLS does not restrict, is held to the account of its claims as well.
--
-- waste_findings has no foreign keys: a load replaces the fleet tables (cloud_accounts, api_clients, ...)
-- and refuses while a table outside the fleet holds a foreign key to them (sql/loader/foreign_dependents.sql).
-- Its references are checked instead by the restrictive policy below (tenants) and by the functions.

-- ---------------------------------------------------------------- optimization_actions: the lifecycle
-- pending -> approved -> executing -> completed | failed | rolled_back, or cancelled from pending/approved.
-- Rows loaded before this migration move to the new words: applied ones completed, proposals that never
-- ran (proposed, simulated) cancelled. The generator writes only completed, failed and rolled_back history.
alter table optimization_actions drop constraint optimization_actions_status_check;
alter table optimization_actions drop constraint optimization_actions_action_type_check;
alter table optimization_actions alter column status set default 'pending';
update optimization_actions set status = case status when 'applied' then 'completed' else 'cancelled' end
 where status in ('applied', 'proposed', 'simulated');
alter table optimization_actions
  add constraint optimization_actions_status_check check (status in (
    'pending', 'approved', 'executing', 'completed', 'failed', 'rolled_back', 'cancelled')),
  add constraint optimization_actions_action_type_check check (action_type in (
    'stop', 'start', 'terminate', 'resize', 'delete_volume', 'delete_snapshot', 'modify_volume_type',
    'release_eip', 'delete_load_balancer', 'set_log_retention', 'add_s3_lifecycle', 'scale_asg', 'downsize_rds',
    'downsize_cache',
    'delete', 'release', 'set_retention', 'add_lifecycle', 'purchase_commitment', 'schedule', 'rightsize', 'other')),
  add column approved_at timestamptz,
  add column started_at timestamptz,
  add column completed_at timestamptz,
  add column reason text,
  add column params jsonb not null default '{}',
  add column error text;

comment on column optimization_actions.action_type is
  'What the action does. Requestable through request_optimization_action: stop, start, terminate, resize, delete_volume, delete_snapshot, modify_volume_type, release_eip, delete_load_balancer, set_log_retention, add_s3_lifecycle, scale_asg, downsize_rds, downsize_cache (seedgen.agent_action_types says on which resource types); delete, release, set_retention, add_lifecycle, purchase_commitment, schedule, rightsize and other appear in history rows only';
comment on column optimization_actions.status is
  'Lifecycle: pending -> approved (service_role) -> executing -> completed | failed | rolled_back; cancelled from pending or approved';
comment on column optimization_actions.approved_at is 'When service_role approved the action; null until then';
comment on column optimization_actions.started_at is 'When execution started (status executing); null until then';
comment on column optimization_actions.completed_at is 'When execution ended as completed, failed or rolled_back; null until then';
comment on column optimization_actions.reason is 'Why the requester wants the action (free text from the agent)';
comment on column optimization_actions.params is
  'Parameters of the action as a JSON object, e.g. {"instance_type": "m5.large"} for resize, {"retention_days": 30} for set_log_retention';
comment on column optimization_actions.error is 'Why execution failed or was rolled back (e.g. VolumeInUse); null otherwise';

-- ---------------------------------------------------------------- what the API knows: patterns and action types
create table seedgen.waste_patterns (
  id text primary key
);
comment on table seedgen.waste_patterns is
  'The pattern ids of the waste catalog (seedgen patterns lists the same ids); report_waste_finding accepts these only';
insert into seedgen.waste_patterns (id) values
  ('ec2_idle'), ('ec2_idle_4_of_14'), ('ec2_oversized'), ('gpu_idle'), ('ec2_stopped_30d'), ('nonprod_24x7'),
  ('ec2_prev_gen'), ('ec2_uncommitted_steady'), ('asg_overprovisioned'), ('ebs_unattached'), ('ebs_gp2'),
  ('ebs_piops_overprovisioned'), ('snapshot_stale'), ('eip_unassociated'), ('lb_idle'), ('rds_idle'),
  ('rds_oversized'), ('cache_underutilized'), ('managed_service_idle'), ('streaming_overprovisioned'),
  ('lambda_idle_provisioned'), ('logs_no_retention'), ('s3_cold_no_lifecycle'), ('transfer_avoidable'),
  ('commitment_underutilized'), ('commitment_expiring'), ('container_idle');

create table seedgen.agent_action_types (
  action_type text not null,
  resource_type text not null,
  primary key (action_type, resource_type)
);
comment on table seedgen.agent_action_types is
  'The action types request_optimization_action accepts, and the resource types each applies to';
insert into seedgen.agent_action_types (action_type, resource_type) values
  ('stop', 'instance'), ('stop', 'rds_instance'), ('start', 'instance'), ('start', 'rds_instance'),
  ('terminate', 'instance'), ('resize', 'instance'), ('delete_volume', 'volume'), ('delete_snapshot', 'snapshot'),
  ('modify_volume_type', 'volume'), ('release_eip', 'elastic_ip'), ('delete_load_balancer', 'load_balancer'),
  ('set_log_retention', 'log_group'), ('add_s3_lifecycle', 's3_bucket'), ('scale_asg', 'autoscaling_group'),
  ('downsize_rds', 'rds_instance'), ('downsize_cache', 'cache_cluster');

-- Reference data, like seedgen.prices: every role that may call the API may read it.
grant select on seedgen.waste_patterns, seedgen.agent_action_types to authenticated, service_role;

-- ---------------------------------------------------------------- waste_findings, the 27th table
create table waste_findings (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null,
  resource_type text not null,
  resource_id text not null,
  pattern text not null,
  estimated_monthly_savings numeric(12,4) check (estimated_monthly_savings >= 0),
  reason text,
  reported_by_client_id uuid,
  reported_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index idx_waste_findings_account_id on waste_findings(account_id);
create index idx_waste_findings_account_pattern on waste_findings(account_id, pattern);
create index idx_waste_findings_client_id on waste_findings(reported_by_client_id) where reported_by_client_id is not null;
alter table waste_findings enable row level security;

create trigger update_waste_findings_updated_at before update on waste_findings
  for each row execute function update_updated_at_column();

comment on table waste_findings is
  'Waste an agent reports without acting (report_waste_finding); seedgen score compares them with the answer key';
comment on column waste_findings.account_id is
  'Account the finding belongs to (cloud_accounts.id); not a foreign key, because loads replace cloud_accounts';
comment on column waste_findings.resource_type is
  'Kind of the wasteful resource: the resource_type vocabulary of resource_tags, plus autoscaling_group, commitment and data_transfer as in seedgen.planted_waste';
comment on column waste_findings.resource_id is
  'Provider-style id of the resource (instances.instance_id, volumes.volume_id, ..., a uuid, or SOURCE->DEST:direction for data_transfer); polymorphic, not a foreign key';
comment on column waste_findings.pattern is 'Waste pattern id, one of seedgen.waste_patterns (seedgen patterns lists them)';
comment on column waste_findings.estimated_monthly_savings is 'The agent''s estimate of the saving in USD per month; null when it gives none';
comment on column waste_findings.reason is 'Why the agent thinks the resource is waste (free text)';
comment on column waste_findings.reported_by_client_id is
  'API client (api_clients.id) that reported the finding; null when reported otherwise or after the client was deleted';
comment on column waste_findings.reported_at is 'When the finding was reported (time to detect = reported_at against the waste''s first day)';

revoke all on table waste_findings from anon, authenticated, service_role;
grant select, insert, update, delete on table waste_findings to authenticated, service_role;

create policy waste_findings_service_role_all on waste_findings
  for all to service_role using (true) with check (true);
create policy waste_findings_tenant_all on waste_findings
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

-- ---------------------------------------------------------------- resolving names within one account
-- account_has_resource: whether account `account_id` has the resource (resource_type, resource_id) names,
-- by the resource_id convention of docs/DATA.md, including the answer key's autoscaling_group, commitment
-- and data_transfer subjects. SECURITY INVOKER: a tenant's RLS applies as well. Unknown types name nothing.
create function public.account_has_resource(account_id uuid, resource_type text, resource_id text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select case
    when account_has_resource.resource_type = 'instance' then exists (select 1 from public.instances r
      where r.account_id = account_has_resource.account_id and r.instance_id = account_has_resource.resource_id)
    when account_has_resource.resource_type = 'volume' then exists (select 1 from public.volumes r
      where r.account_id = account_has_resource.account_id and r.volume_id = account_has_resource.resource_id)
    when account_has_resource.resource_type = 'snapshot' then exists (select 1 from public.snapshots r
      where r.account_id = account_has_resource.account_id and r.snapshot_id = account_has_resource.resource_id)
    when account_has_resource.resource_type = 's3_bucket' then exists (select 1 from public.s3_buckets r
      where r.account_id = account_has_resource.account_id and r.name = account_has_resource.resource_id)
    when account_has_resource.resource_type = 'rds_instance' then exists (select 1 from public.rds_instances r
      where r.account_id = account_has_resource.account_id and r.db_instance_id = account_has_resource.resource_id)
    when account_has_resource.resource_type = 'cache_cluster' then exists (select 1 from public.cache_clusters r
      where r.account_id = account_has_resource.account_id and r.cluster_id = account_has_resource.resource_id)
    when account_has_resource.resource_type = 'load_balancer' then exists (select 1 from public.load_balancers r
      where r.account_id = account_has_resource.account_id and r.lb_arn = account_has_resource.resource_id)
    when account_has_resource.resource_type = 'elastic_ip' then exists (select 1 from public.elastic_ips r
      where r.account_id = account_has_resource.account_id and r.allocation_id = account_has_resource.resource_id)
    when account_has_resource.resource_type = 'data_transfer' then exists (select 1 from public.data_transfer_daily r
      where r.account_id = account_has_resource.account_id
        and r.source_region || '->' || r.dest_region || ':' || r.direction = account_has_resource.resource_id)
    -- The other types are named by their uuid: anything else names nothing (and is never cast).
    when account_has_resource.resource_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then false
    when account_has_resource.resource_type = 'lambda_function' then exists (select 1 from public.lambda_functions r
      where r.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    when account_has_resource.resource_type = 'container_cluster' then exists (select 1 from public.container_clusters r
      where r.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    when account_has_resource.resource_type = 'container_node' then exists (select 1 from public.container_nodes r
      join public.container_clusters c on c.id = r.cluster_id
      where c.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    when account_has_resource.resource_type = 'streaming_cluster' then exists (select 1 from public.streaming_clusters r
      where r.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    when account_has_resource.resource_type = 'managed_service' then exists (select 1 from public.managed_services r
      where r.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    when account_has_resource.resource_type = 'log_group' then exists (select 1 from public.log_groups r
      where r.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    when account_has_resource.resource_type = 'autoscaling_group' then exists (select 1 from public.autoscaling_groups r
      where r.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    when account_has_resource.resource_type = 'commitment' then exists (select 1 from public.commitments r
      where r.account_id = account_has_resource.account_id and r.id = account_has_resource.resource_id::uuid)
    else false
  end
$$;

comment on function public.account_has_resource(uuid, text, text) is
  'Whether the account has the resource named by (resource_type, resource_id), per the resource_id convention and the answer key''s subjects; RLS of the caller applies too';

-- resource_visible (018) now asks the same question for the caller's account, so that one function knows
-- how every resource type is named; for authenticated (the only role whose policies call it) that is the
-- same answer, extended to the three answer-key subjects.
create or replace function public.resource_visible(resource_type text, resource_id text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select public.account_has_resource(public.current_account_id(), resource_visible.resource_type, resource_visible.resource_id)
$$;

comment on function public.resource_visible(text, text) is
  'Whether the caller''s account (JWT claim account_id) has the resource named by (resource_type, resource_id); RLS applies, so another account''s resources are not visible';

-- account_has_client: whether api_clients row `client_id` belongs to account `account_id` (RLS applies).
create function public.account_has_client(account_id uuid, client_id uuid)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.api_clients c
                  where c.id = account_has_client.client_id and c.account_id = account_has_client.account_id)
$$;

comment on function public.account_has_client(uuid, uuid) is
  'Whether the API client belongs to the account; RLS of the caller applies too';

-- The references a tenant writes name its own resources and clients, and another account's fail like
-- ones that exist nowhere (as 018). Functions, not subqueries, so that no policy of a table outside the
-- fleet depends on a fleet table (a load could not replace it).
drop policy optimization_actions_tenant_references on optimization_actions;
create policy optimization_actions_tenant_references on optimization_actions
  as restrictive for all to authenticated
  using (true)
  with check (public.account_has_resource(account_id, resource_type, resource_id)
              and (requested_by_client_id is null or public.account_has_client(account_id, requested_by_client_id)));

create policy waste_findings_tenant_references on waste_findings
  as restrictive for all to authenticated
  using (true)
  with check (public.account_has_resource(account_id, resource_type, resource_id)
              and (reported_by_client_id is null or public.account_has_client(account_id, reported_by_client_id)));

-- ---------------------------------------------------------------- the caller: account, client and scopes
-- jwt_claim_uuid: a claim of request.jwt.claims as uuid, or null when there is no such claim, the setting is
-- not valid JSON, or the claim is not a uuid. current_account_id (013) and current_api_client_id read it.
create function public.jwt_claim_uuid(claim text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
begin
  return (nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> claim)::uuid;
exception
  when invalid_text_representation then
    return null;
end;
$$;

comment on function public.jwt_claim_uuid(text) is
  'A claim of request.jwt.claims as uuid, or null when missing or invalid';

create or replace function public.current_account_id()
returns uuid
language sql
stable
set search_path = ''
as $$ select public.jwt_claim_uuid('account_id') $$;

-- current_api_client_id: the API client of the request, named by the client_id claim.
create function public.current_api_client_id()
returns uuid
language sql
stable
set search_path = ''
as $$ select public.jwt_claim_uuid('client_id') $$;

comment on function public.current_api_client_id() is
  'API client of the current request: the client_id claim of request.jwt.claims as uuid, or null when missing or invalid';

-- require_api_scope: the calling client's id when the claims name an account and one of its API clients
-- that holds `scope` (or "<prefix>:*", or "*"); otherwise raises 28000 (no account or client) or 42501.
create function public.require_api_scope(scope text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
declare
  account uuid := public.current_account_id();
  client uuid := public.current_api_client_id();
  scopes jsonb;
begin
  if account is null or client is null then
    raise exception 'the request names no % (JWT claim "%")',
        case when account is null then 'account' else 'API client' end,
        case when account is null then 'account_id' else 'client_id' end
      using errcode = '28000',
            hint = 'Agents call the API with the claims {"account_id": "<cloud_accounts.id>", "client_id": "<api_clients.id>"}.';
  end if;
  select c.scopes into scopes from public.api_clients c where c.id = client and c.account_id = account;
  if not found then
    raise exception 'API client % is not a client of account %', client, account
      using errcode = '28000', hint = 'The client_id claim must name an api_clients row of the account_id claim''s account.';
  end if;
  if not (scopes ? scope or scopes ? (pg_catalog.split_part(scope, ':', 1) || ':*') or scopes ? '*') then
    raise exception 'API client % lacks scope "%"', client, scope
      using errcode = '42501', hint = 'service_role grants it: update api_clients set scopes = scopes || ''["' || scope || '"]'' where id = ...';
  end if;
  return client;
end;
$$;

comment on function public.require_api_scope(text) is
  'The calling API client''s id if the claims name an account and one of its clients holding the scope; raises 28000 or 42501 otherwise';

-- require_account_resource: the caller's account, when it has the resource (resource_type, resource_id);
-- otherwise raises PT404, alike for another account's resource and one that exists nowhere.
create function public.require_account_resource(resource_type text, resource_id text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
declare
  account uuid := public.current_account_id();
begin
  if not public.account_has_resource(account, require_account_resource.resource_type, require_account_resource.resource_id) then
    raise exception 'no % "%" in this account', require_account_resource.resource_type, require_account_resource.resource_id
      using errcode = 'PT404';
  end if;
  return account;
end;
$$;

comment on function public.require_account_resource(text, text) is
  'The caller''s account if it has the resource named by (resource_type, resource_id); raises PT404 otherwise';

-- ---------------------------------------------------------------- the API
create function public.request_optimization_action(resource_type text, resource_id text, action_type text,
                                                   params jsonb default '{}', reason text default null)
returns uuid
language plpgsql
volatile
set search_path = ''
as $$
declare
  client uuid := public.require_api_scope('actions:request');
  account uuid;
  fits text[];
  action_id uuid;
begin
  select pg_catalog.array_agg(t.resource_type order by t.resource_type) into fits
    from seedgen.agent_action_types t where t.action_type = request_optimization_action.action_type;
  if fits is null then
    raise exception 'unknown action type "%"', request_optimization_action.action_type
      using errcode = '22023', hint = 'select distinct action_type from seedgen.agent_action_types lists them.';
  end if;
  if not request_optimization_action.resource_type = any (fits) then
    raise exception 'action % does not apply to resource type "%"', request_optimization_action.action_type,
        request_optimization_action.resource_type
      using errcode = '22023',
            hint = request_optimization_action.action_type || ' applies to: ' || pg_catalog.array_to_string(fits, ', ') || '.';
  end if;
  if pg_catalog.jsonb_typeof(coalesce(request_optimization_action.params, '{}')) <> 'object' then
    raise exception 'params must be a JSON object, not %', pg_catalog.jsonb_typeof(request_optimization_action.params)
      using errcode = '22023';
  end if;
  account := public.require_account_resource(request_optimization_action.resource_type, request_optimization_action.resource_id);
  insert into public.optimization_actions (account_id, resource_type, resource_id, action_type, status,
                                           estimated_monthly_savings, requested_by_client_id, params, reason)
  values (account, request_optimization_action.resource_type, request_optimization_action.resource_id,
          request_optimization_action.action_type, 'pending', null, client,
          coalesce(request_optimization_action.params, '{}'), request_optimization_action.reason)
  returning id into action_id;
  return action_id;
end;
$$;

comment on function public.request_optimization_action(text, text, text, jsonb, text) is
  'Requests an action on a resource of the caller''s account (scope actions:request); returns the new pending action''s id';

create function public.cancel_optimization_action(action_id uuid)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  account uuid;
  current_status text;
begin
  perform public.require_api_scope('actions:cancel');
  account := public.current_account_id();
  select a.status into current_status from public.optimization_actions a
   where a.id = cancel_optimization_action.action_id and a.account_id = account
     for update;
  if not found then
    raise exception 'no optimization action % in this account', cancel_optimization_action.action_id using errcode = 'PT404';
  end if;
  if current_status not in ('pending', 'approved') then
    raise exception 'optimization action % is %; only pending or approved actions can be cancelled',
        cancel_optimization_action.action_id, current_status
      using errcode = 'PT409';
  end if;
  update public.optimization_actions a set status = 'cancelled' where a.id = cancel_optimization_action.action_id;
end;
$$;

comment on function public.cancel_optimization_action(uuid) is
  'Cancels a pending or approved action of the caller''s account (scope actions:cancel)';

-- my_optimization_actions returns a type of its own rather than setof optimization_actions: a function
-- whose type depends on a fleet table's row type would stop loads from replacing that table.
create type public.agent_optimization_action as (
  id uuid, resource_type text, resource_id text, action_type text, status text, params jsonb, reason text,
  estimated_monthly_savings numeric, realized_monthly_savings numeric, requested_by_client_id uuid, error text,
  created_at timestamptz, approved_at timestamptz, started_at timestamptz, completed_at timestamptz,
  updated_at timestamptz);

comment on type public.agent_optimization_action is
  'A row of optimization_actions as my_optimization_actions returns it (the account is the caller''s)';

create function public.my_optimization_actions(status text default null)
returns setof public.agent_optimization_action
language plpgsql
stable
set search_path = ''
as $$
declare
  wanted text := my_optimization_actions.status;
  account uuid;
begin
  perform public.require_api_scope('actions:read');
  account := public.current_account_id();
  if wanted is not null and wanted not in ('pending', 'approved', 'executing', 'completed', 'failed', 'rolled_back',
                                           'cancelled') then
    raise exception 'unknown action status "%"', wanted
      using errcode = '22023', hint = 'pending, approved, executing, completed, failed, rolled_back or cancelled.';
  end if;
  return query
    select a.id, a.resource_type, a.resource_id, a.action_type, a.status, a.params, a.reason,
           a.estimated_monthly_savings::numeric, a.realized_monthly_savings::numeric, a.requested_by_client_id,
           a.error, a.created_at, a.approved_at, a.started_at, a.completed_at, a.updated_at
      from public.optimization_actions a
     where a.account_id = account and (wanted is null or a.status = wanted)
     order by a.created_at, a.id;
end;
$$;

comment on function public.my_optimization_actions(text) is
  'The optimization actions of the caller''s account, oldest first, optionally of one status (scope actions:read)';

create function public.report_waste_finding(resource_type text, resource_id text, pattern text,
                                            estimated_monthly_savings numeric default null, reason text default null)
returns uuid
language plpgsql
volatile
set search_path = ''
as $$
declare
  client uuid := public.require_api_scope('findings:write');
  account uuid;
  finding_id uuid;
begin
  if not exists (select 1 from seedgen.waste_patterns p where p.id = report_waste_finding.pattern) then
    raise exception 'unknown waste pattern "%"', report_waste_finding.pattern
      using errcode = '22023', hint = 'seedgen patterns (or select id from seedgen.waste_patterns) lists them.';
  end if;
  if report_waste_finding.estimated_monthly_savings < 0 then
    raise exception 'estimated_monthly_savings must not be negative' using errcode = '22023';
  end if;
  account := public.require_account_resource(report_waste_finding.resource_type, report_waste_finding.resource_id);
  insert into public.waste_findings (account_id, resource_type, resource_id, pattern, estimated_monthly_savings,
                                     reason, reported_by_client_id)
  values (account, report_waste_finding.resource_type, report_waste_finding.resource_id, report_waste_finding.pattern,
          report_waste_finding.estimated_monthly_savings, report_waste_finding.reason, client)
  returning id into finding_id;
  return finding_id;
end;
$$;

comment on function public.report_waste_finding(text, text, text, numeric, text) is
  'Records a waste finding on a resource of the caller''s account without acting (scope findings:write); returns its id';

-- ---------------------------------------------------------------- tenants cannot approve their own actions
-- A tenant may write its account's actions directly (013), but only service_role moves them through the
-- lifecycle: a tenant inserts pending actions only, changes an action's status only to cancel a pending or
-- approved one, never touches the lifecycle columns, cannot change what an action does once it has left
-- pending, and deletes only pending or cancelled actions. service_role, the table owner and superusers
-- (anyone with service_role's privileges) are not restricted.
create function public.optimization_actions_tenant_lifecycle()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not pg_catalog.pg_has_role('authenticated', 'USAGE') or pg_catalog.pg_has_role('service_role', 'USAGE') then
    return coalesce(new, old);
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'pending' or new.approved_at is not null or new.started_at is not null
       or new.completed_at is not null or new.applied_at is not null or new.error is not null
       or new.realized_monthly_savings is not null then
      raise exception 'a tenant can only create pending optimization actions'
        using errcode = '42501', hint = 'service_role approves and executes them.';
    end if;
    return new;
  end if;
  if tg_op = 'DELETE' then
    if old.status not in ('pending', 'cancelled') then
      raise exception 'optimization action % is %; a tenant can delete only pending or cancelled actions', old.id, old.status
        using errcode = '42501';
    end if;
    return old;
  end if;
  if (new.status is distinct from old.status
      and not (old.status in ('pending', 'approved') and new.status = 'cancelled'))
     or (new.approved_at, new.started_at, new.completed_at, new.applied_at, new.error, new.realized_monthly_savings)
        is distinct from (old.approved_at, old.started_at, old.completed_at, old.applied_at, old.error, old.realized_monthly_savings)
     or (old.status <> 'pending'
         and (new.resource_type, new.resource_id, new.action_type, new.params)
             is distinct from (old.resource_type, old.resource_id, old.action_type, old.params)) then
    raise exception 'a tenant can only cancel pending or approved optimization actions (action % is %)', old.id, old.status
      using errcode = '42501', hint = 'service_role approves and executes them.';
  end if;
  return new;
end;
$$;

comment on function public.optimization_actions_tenant_lifecycle() is
  'Trigger: tenants create pending actions and cancel pending or approved ones; only service_role moves actions through the lifecycle';

create trigger optimization_actions_tenant_lifecycle before insert or update or delete on optimization_actions
  for each row execute function public.optimization_actions_tenant_lifecycle();

-- ---------------------------------------------------------------- privileges: authenticated and service_role, never anon
revoke all on function public.account_has_resource(uuid, text, text), public.account_has_client(uuid, uuid),
  public.jwt_claim_uuid(text), public.current_api_client_id(), public.require_api_scope(text), public.require_account_resource(text, text),
  public.request_optimization_action(text, text, text, jsonb, text), public.cancel_optimization_action(uuid),
  public.my_optimization_actions(text), public.report_waste_finding(text, text, text, numeric, text),
  public.optimization_actions_tenant_lifecycle()
  from public, anon;
grant execute on function public.account_has_resource(uuid, text, text), public.account_has_client(uuid, uuid),
  public.jwt_claim_uuid(text), public.current_api_client_id(), public.require_api_scope(text), public.require_account_resource(text, text),
  public.request_optimization_action(text, text, text, jsonb, text), public.cancel_optimization_action(uuid),
  public.my_optimization_actions(text), public.report_waste_finding(text, text, text, numeric, text)
  to authenticated, service_role;

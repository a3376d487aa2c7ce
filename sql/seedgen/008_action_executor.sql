-- Carrying out the agents' approved optimization actions, and keeping them carried out (docs/AGENTS.md,
-- "Execution"). seedgen act, and every drift day before the model's changes, call
-- seedgen.execute_approved_actions; every drift day calls seedgen.reapply_actions after them. Idempotent file.
set check_function_bodies = off;

-- action_effect: the effect of action `a` on the estate, by resource type (005-007). Returns {} or
-- {"projected_cpu": n} when applied, {"error": "Code: message"} when refused (first run only), null when
-- the resource is gone on a later run.
create or replace function seedgen.action_effect(a seedgen.executed_actions, p_first boolean) returns jsonb
language plpgsql as $$
begin
  return case a.resource_type
    when 'instance' then seedgen.instance_effect(a, p_first)
    when 'volume' then seedgen.volume_effect(a, p_first)
    when 'snapshot' then seedgen.removal_effect(a, p_first)
    when 'elastic_ip' then seedgen.removal_effect(a, p_first)
    when 'load_balancer' then seedgen.removal_effect(a, p_first)
    when 'log_group' then seedgen.setting_effect(a, p_first)
    when 's3_bucket' then seedgen.setting_effect(a, p_first)
    when 'autoscaling_group' then seedgen.asg_effect(a, p_first)
    else seedgen.database_effect(a, p_first)
  end;
end
$$;

-- clear_findings: the key's findings of resource (p_type, p_id) with one of p_patterns (null: every one)
-- cleared, and recorded as resolved by action `a`.
create or replace function seedgen.clear_findings(a seedgen.executed_actions, p_type text, p_id text,
                                                  p_patterns text[] default null) returns void
language sql as $$
  with gone as (
    delete from seedgen.planted_waste w
     where w.account_id = a.account_id and w.resource_type = p_type and w.resource_id = p_id
       and (p_patterns is null or w.pattern = any (p_patterns))
    returning w.*)
  insert into seedgen.resolved_findings (run_id, account_id, resource_type, resource_id, pattern,
                                         estimated_monthly_savings, action_id, day)
  select a.run_id, g.account_id, g.resource_type, g.resource_id, g.pattern, g.estimated_monthly_savings, a.action_id, a.day
    from gone g
  on conflict do nothing
$$;

-- clear_action_findings: the findings of its own resource that action `a` clears: every one when the
-- resource is gone, else the patterns of seedgen.action_patterns.
create or replace function seedgen.clear_action_findings(a seedgen.executed_actions) returns void
language sql as $$
  select seedgen.clear_findings(a, a.resource_type, a.resource_id,
           case when exists (select from seedgen.action_kinds k
                              where k.action_type = a.action_type and k.resource_type = a.resource_type and k.removes)
                then null
                else array(select p.pattern from seedgen.action_patterns p
                            where p.action_type = a.action_type and p.resource_type = a.resource_type) end)
$$;

-- resource_cost: a resource's monthly cost (0 when it is gone) and its env, as resource_monthly_costs prices it.
create or replace function seedgen.resource_cost(p_account uuid, p_type text, p_id text, p_day date,
                                                 out monthly_cost numeric, out env text)
language sql stable as $$
  select coalesce(sum(c.monthly_cost), 0), max(c.env)
    from public.resource_monthly_costs(p_day) c
   where c.account_id = p_account and c.resource_type = p_type and c.resource_id = p_id
$$;

-- switch_effect_triggers: the updated_at triggers of the tables actions change, off (an effect stamps the
-- estate's time, not the wall clock's) or on again; inside the caller's transaction, as drift does.
create or replace function seedgen.switch_effect_triggers(p_on boolean) returns void
language plpgsql as $$
declare
  t record;
begin
  for t in select c.oid::regclass as name, g.tgname
             from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and not g.tgisinternal
              and g.tgfoid = 'public.update_updated_at_column()'::regprocedure
              and c.relname in ('instances', 'volumes', 'elastic_ips', 'load_balancers', 'autoscaling_groups',
                                'rds_instances', 'cache_clusters')
            order by c.relname loop
    execute format('alter table %s %s trigger %I', t.name, case when p_on then 'enable' else 'disable' end, t.tgname);
  end loop;
end
$$;

-- record_incidents: the harm of completed action `a` on a resource of env `p_env` (docs/AGENTS.md,
-- "Incidents"): a disruptive action the key does not justify, and a size too small for the workload.
create or replace function seedgen.record_incidents(a seedgen.executed_actions, p_env text, p_justified boolean,
                                                    p_projected_cpu numeric) returns void
language sql as $$
  insert into seedgen.incidents (run_id, action_id, kind, day, account_id, resource_type, resource_id, estimated_cost, details)
  select a.run_id, a.action_id, why.kind, a.day, a.account_id, a.resource_type, a.resource_id, c.usd,
         jsonb_build_object('action_type', a.action_type, 'env', coalesce(p_env, 'untagged'), 'reason', why.reason)
    from (select k.incident_kind as kind, 'the answer key holds no finding that justifies ' || a.action_type as reason
            from seedgen.action_kinds k
           where k.action_type = a.action_type and k.resource_type = a.resource_type and k.disruptive and not p_justified
          union all
          select 'saturation', 'projected CPU ' || p_projected_cpu || ' % after the action'
           where p_projected_cpu > 90) why
    join seedgen.incident_costs c on c.kind = why.kind and c.production = (coalesce(p_env, '') = 'prod')
  on conflict do nothing
$$;

-- execute_action: runs approved action p_action as the p_position-th of the end of day p_day of run p_run.
-- (It takes the action's id, not its row: a function typed by a fleet table would stop loads replacing it.)
create or replace function seedgen.execute_action(p_action uuid, p_run bigint, p_day date, p_position integer)
returns seedgen.executed_actions
language plpgsql as $$
declare
  at timestamptz := (p_day + 1)::timestamp at time zone 'UTC';
  x record;
  a seedgen.executed_actions;
  before_cost numeric;
  env text;
  justified boolean;
  result jsonb;
begin
  select * into x from public.optimization_actions o where o.id = p_action;
  select c.monthly_cost, c.env into before_cost, env from seedgen.resource_cost(x.account_id, x.resource_type, x.resource_id, p_day) c;
  justified := exists (select from seedgen.planted_waste w
                         join seedgen.action_patterns p on p.pattern = w.pattern and p.resource_type = w.resource_type
                        where p.action_type = x.action_type and w.account_id = x.account_id
                          and w.resource_type = x.resource_type and w.resource_id = x.resource_id);
  a := row(p_run, x.id, p_day, p_position, x.account_id, x.resource_type, x.resource_id, x.action_type, x.params, at,
           'completed', null, before_cost, null)::seedgen.executed_actions;
  if not exists (select from seedgen.action_kinds k where k.action_type = x.action_type and k.resource_type = x.resource_type) then
    result := seedgen.refusal('UnsupportedOperation', x.action_type || ' is not an action seedgen carries out on a ' || x.resource_type);
  else
    result := coalesce(seedgen.action_effect(a, true), '{}');
  end if;
  if result ? 'error' then
    a.outcome := 'failed';
    a.error := result ->> 'error';
  else
    perform seedgen.clear_action_findings(a);
    a.monthly_cost_after := (seedgen.resource_cost(x.account_id, x.resource_type, x.resource_id, p_day)).monthly_cost;
    perform seedgen.record_incidents(a, env, justified, (result ->> 'projected_cpu')::numeric);
  end if;
  insert into seedgen.executed_actions select a.*;
  update public.optimization_actions o
     set status = a.outcome, started_at = at, completed_at = at, error = a.error,
         applied_at = case when a.outcome = 'completed' then at end,
         realized_monthly_savings = round(a.monthly_cost_before - a.monthly_cost_after, 4)
   where o.id = x.id;
  insert into seedgen.drift_events (run_id, day, account_id, resource_type, resource_id, event, details)
  values (p_run, p_day, x.account_id, x.resource_type, x.resource_id, 'action_' || a.outcome,
          jsonb_strip_nulls(jsonb_build_object('action_id', x.id, 'action_type', x.action_type, 'params', x.params,
                                               'error', a.error, 'monthly_cost_before', a.monthly_cost_before,
                                               'monthly_cost_after', a.monthly_cost_after)));
  return a;
end
$$;

-- execute_approved_actions: approves the pending actions first when asked, then carries out every
-- approved action of the estate, oldest approval first, at the end of day p_day (the estate's clock, not
-- the wall clock's), in the caller's transaction. Returns one row per action.
create or replace function seedgen.execute_approved_actions(p_run bigint, p_day date, p_approve_pending boolean)
returns table (action_id uuid, action_type text, resource_type text, resource_id text, outcome text, error text)
language plpgsql as $$
declare
  at timestamptz := (p_day + 1)::timestamp at time zone 'UTC';
  x record;
  a seedgen.executed_actions;
  position integer;
begin
  perform seedgen.switch_effect_triggers(false);
  if p_approve_pending then
    update public.optimization_actions o set status = 'approved', approved_at = at where o.status = 'pending';
  end if;
  select coalesce(max(e.position), 0) into position from seedgen.executed_actions e where e.run_id = p_run and e.day = p_day;
  for x in select * from public.optimization_actions o where o.status = 'approved'
            order by o.approved_at nulls first, o.created_at, o.id for update loop
    update public.optimization_actions o set status = 'executing' where o.id = x.id;
    position := position + 1;
    a := seedgen.execute_action(x.id, p_run, p_day, position);
    action_id := a.action_id; action_type := a.action_type; resource_type := a.resource_type;
    resource_id := a.resource_id; outcome := a.outcome; error := a.error;
    return next;
  end loop;
  perform seedgen.switch_effect_triggers(true);
end
$$;

-- reapply_actions: every completed action of run p_run imposed again, in the order they ran, after a drift
-- day's own changes (which know nothing of them), with the findings they cleared cleared again; returns how
-- many. With p_table (a trickled day's step on that table), only the actions whose resource rows live
-- there: the step's readers see them kept, and the day's last transaction imposes them all.
create or replace function seedgen.reapply_actions(p_run bigint, p_table text default null) returns integer
language plpgsql as $$
declare
  a seedgen.executed_actions;
  done integer := 0;
begin
  if not exists (select from seedgen.executed_actions e where e.run_id = p_run and e.outcome = 'completed') then
    return 0;
  end if;
  perform seedgen.switch_effect_triggers(false);
  for a in select * from seedgen.executed_actions e
            where e.run_id = p_run and e.outcome = 'completed'
              and (p_table is null or p_table = 'public.' || case e.resource_type
                     when 'instance' then 'instances' when 'volume' then 'volumes' when 'snapshot' then 'snapshots'
                     when 'elastic_ip' then 'elastic_ips' when 'load_balancer' then 'load_balancers'
                     when 'log_group' then 'log_groups' when 's3_bucket' then 's3_buckets'
                     when 'autoscaling_group' then 'autoscaling_groups' when 'rds_instance' then 'rds_instances'
                     else 'cache_clusters' end)
            order by e.day, e.position loop
    perform seedgen.action_effect(a, false);
    perform seedgen.clear_action_findings(a);
    done := done + 1;
  end loop;
  perform seedgen.switch_effect_triggers(true);
  return done;
end
$$;

-- drop_overridden_events: day p_day's events of the model's own changes to what a completed action controls
-- (an acted resource's state, size, attachments, retention), which re-imposing the action undid in the same
-- transaction: the log tells what the estate became, not what the model would have made of it.
create or replace function seedgen.drop_overridden_events(p_run bigint, p_day date) returns void
language sql as $$
  delete from seedgen.drift_events e
   using seedgen.executed_actions x
   where e.run_id = p_run and e.day = p_day and x.run_id = p_run and x.outcome = 'completed' and x.day < p_day
     and e.account_id = x.account_id and e.resource_type = x.resource_type and e.resource_id = x.resource_id
     and e.event in ('state_changed', 'resized', 'attached', 'detached', 'retention_changed')
$$;

-- accrue_action_savings: the saving of day p_day for every action completed before it: the monthly saving
-- measured at execution, per day of a month (24/730).
create or replace function seedgen.accrue_action_savings(p_run bigint, p_day date) returns void
language sql as $$
  insert into seedgen.action_savings_daily (run_id, action_id, day, saved_usd)
  select e.run_id, e.action_id, p_day, round((e.monthly_cost_before - e.monthly_cost_after) * 24 / 730, 4)
    from seedgen.executed_actions e
   where e.run_id = p_run and e.outcome = 'completed' and e.day < p_day
  on conflict do nothing
$$;

-- Only seedgen (the owner) carries actions out: no other role may call the executor's functions (the
-- schema is usable by tenants for seedgen.prices, and functions are executable by PUBLIC by default).
revoke all on function seedgen.price_of(text, text), seedgen.drop_metrics_after(uuid, text, text, date),
  seedgen.silence_metrics_after(uuid, text, text, date),
  seedgen.rescale_metrics_after(uuid, text, text, date, numeric, numeric, text),
  seedgen.key_waste_addresses(uuid, text[]), seedgen.disassociate_addresses(seedgen.executed_actions, text, text),
  seedgen.refusal(text, text), seedgen.new_size(seedgen.executed_actions, boolean, text, text, text, text),
  seedgen.instance_effect(seedgen.executed_actions, boolean),
  seedgen.volume_effect(seedgen.executed_actions, boolean), seedgen.removal_effect(seedgen.executed_actions, boolean),
  seedgen.setting_effect(seedgen.executed_actions, boolean), seedgen.asg_effect(seedgen.executed_actions, boolean),
  seedgen.database_effect(seedgen.executed_actions, boolean), seedgen.action_effect(seedgen.executed_actions, boolean),
  seedgen.clear_findings(seedgen.executed_actions, text, text, text[]),
  seedgen.clear_action_findings(seedgen.executed_actions), seedgen.resource_cost(uuid, text, text, date),
  seedgen.switch_effect_triggers(boolean), seedgen.record_incidents(seedgen.executed_actions, text, boolean, numeric),
  seedgen.execute_action(uuid, bigint, date, integer), seedgen.execute_approved_actions(bigint, date, boolean),
  seedgen.reapply_actions(bigint, text), seedgen.drop_overridden_events(bigint, date),
  seedgen.accrue_action_savings(bigint, date), seedgen.estate_day_at(bigint, timestamptz)
  from public;

reset check_function_bodies;

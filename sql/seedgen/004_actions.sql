-- Executing the agents' optimization actions (seedgen act, and every drift day before its own changes;
-- docs/AGENTS.md, "Execution"): what each action does to the estate and to the answer key, when it harms,
-- and what seedgen remembers of it. Idempotent: seedgen runs it before every migrate.

-- What each requestable action is. removes: the resource is gone afterwards (every finding of it clears).
-- disruptive: done to a resource that is not waste, it hurts (an incident of incident_kind).
create table if not exists seedgen.action_kinds (
  action_type text not null,
  resource_type text not null,
  removes boolean not null,
  disruptive boolean not null,
  incident_kind text,
  primary key (action_type, resource_type)
);
comment on table seedgen.action_kinds is
  'Per requestable action and resource type: whether the resource is gone afterwards, whether acting on a resource that is not waste is an incident, and of which kind';

-- The findings of the key that justify an action (acting on a resource the key holds with one of them is
-- not an incident) and that the action clears.
create table if not exists seedgen.action_patterns (
  action_type text not null,
  resource_type text not null,
  pattern text not null,
  primary key (action_type, resource_type, pattern)
);
comment on table seedgen.action_patterns is
  'The answer key''s patterns that justify an action on a resource type and that it clears';

-- The estimated cost of an incident, by kind and by whether the resource serves production.
create table if not exists seedgen.incident_costs (
  kind text not null,
  production boolean not null,
  usd numeric(12,2) not null,
  primary key (kind, production)
);
comment on table seedgen.incident_costs is 'Estimated cost in USD of one incident, by kind, for a production resource and for any other';

-- Rebuilt on every run of this file, so a new version's rules replace the old ones.
delete from seedgen.action_kinds;
insert into seedgen.action_kinds (action_type, resource_type, removes, disruptive, incident_kind) values
  ('stop', 'instance', false, true, 'outage'),
  ('start', 'instance', false, false, null),
  ('terminate', 'instance', true, true, 'outage'),
  ('resize', 'instance', false, true, 'degradation'),
  ('delete_volume', 'volume', true, true, 'data_loss'),
  ('modify_volume_type', 'volume', false, false, null),
  ('delete_snapshot', 'snapshot', true, true, 'data_loss'),
  ('release_eip', 'elastic_ip', true, true, 'outage'),
  ('delete_load_balancer', 'load_balancer', true, true, 'outage'),
  ('set_log_retention', 'log_group', false, false, null),
  ('add_s3_lifecycle', 's3_bucket', false, false, null),
  ('scale_asg', 'autoscaling_group', false, true, 'degradation'),
  ('stop', 'rds_instance', false, true, 'outage'),
  ('start', 'rds_instance', false, false, null),
  ('downsize_rds', 'rds_instance', false, true, 'degradation'),
  ('downsize_cache', 'cache_cluster', false, true, 'degradation');

delete from seedgen.action_patterns;
insert into seedgen.action_patterns (action_type, resource_type, pattern) values
  ('stop', 'instance', 'ec2_idle'), ('stop', 'instance', 'ec2_idle_4_of_14'), ('stop', 'instance', 'gpu_idle'),
  ('stop', 'instance', 'nonprod_24x7'),
  ('start', 'instance', 'ec2_stopped_30d'),
  ('terminate', 'instance', 'ec2_idle'), ('terminate', 'instance', 'ec2_idle_4_of_14'),
  ('terminate', 'instance', 'gpu_idle'), ('terminate', 'instance', 'ec2_stopped_30d'),
  ('resize', 'instance', 'ec2_oversized'), ('resize', 'instance', 'ec2_prev_gen'),
  ('delete_volume', 'volume', 'ebs_unattached'),
  ('modify_volume_type', 'volume', 'ebs_gp2'), ('modify_volume_type', 'volume', 'ebs_piops_overprovisioned'),
  ('delete_snapshot', 'snapshot', 'snapshot_stale'),
  ('release_eip', 'elastic_ip', 'eip_unassociated'),
  ('delete_load_balancer', 'load_balancer', 'lb_idle'),
  ('set_log_retention', 'log_group', 'logs_no_retention'),
  ('add_s3_lifecycle', 's3_bucket', 's3_cold_no_lifecycle'),
  ('scale_asg', 'autoscaling_group', 'asg_overprovisioned'),
  ('stop', 'rds_instance', 'rds_idle'),
  ('downsize_rds', 'rds_instance', 'rds_oversized'), ('downsize_rds', 'rds_instance', 'rds_idle'),
  ('downsize_cache', 'cache_cluster', 'cache_underutilized');

delete from seedgen.incident_costs;
insert into seedgen.incident_costs (kind, production, usd) values
  ('outage', true, 5000), ('outage', false, 500),
  ('data_loss', true, 10000), ('data_loss', false, 1000),
  ('degradation', true, 1000), ('degradation', false, 100),
  ('saturation', true, 2000), ('saturation', false, 200);

-- One row per action seedgen carried out (completed) or refused (failed), in the order it ran: the estate
-- day at whose end it ran, and the resource's monthly cost just before and just after it. Every drift day
-- re-imposes the completed ones, in this order, after the model's own changes (seedgen.reapply_actions).
create table if not exists seedgen.executed_actions (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  action_id uuid not null,
  day date not null,
  position integer not null,
  account_id uuid not null,
  resource_type text not null,
  resource_id text not null,
  action_type text not null,
  params jsonb not null default '{}',
  executed_at timestamptz not null,
  outcome text not null check (outcome in ('completed', 'failed')),
  error text,
  monthly_cost_before numeric(14,4),
  monthly_cost_after numeric(14,4),
  primary key (run_id, action_id),
  unique (run_id, day, position)
);
comment on table seedgen.executed_actions is
  'Each optimization action seedgen carried out or refused, in order, with the resource''s monthly cost before and after';

-- The findings of the key an action cleared, with the key's saving at the time (seedgen score counts a
-- reported finding that an action cleared as true, and its saving as found).
create table if not exists seedgen.resolved_findings (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  account_id uuid not null,
  resource_type text not null,
  resource_id text not null,
  pattern text not null,
  estimated_monthly_savings numeric(12,4) not null,
  action_id uuid not null,
  day date not null,
  primary key (run_id, account_id, resource_type, resource_id, pattern)
);
comment on table seedgen.resolved_findings is 'Findings of the answer key that an executed action cleared, with their saving and the day';

-- The harm an action did (docs/AGENTS.md, "Incidents").
create table if not exists seedgen.incidents (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  action_id uuid not null,
  kind text not null,
  day date not null,
  account_id uuid not null,
  resource_type text not null,
  resource_id text not null,
  estimated_cost numeric(12,2) not null,
  details jsonb not null default '{}',
  primary key (run_id, action_id, kind)
);
comment on table seedgen.incidents is
  'Disruptions caused by executed actions: outage, data_loss, degradation or saturation, with an estimated cost';

-- The saving each completed action realised on each drifted day after it ran: its monthly saving at
-- execution spread over the month's days, for every day the estate moved on.
create table if not exists seedgen.action_savings_daily (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  action_id uuid not null,
  day date not null,
  saved_usd numeric(14,4) not null,
  primary key (run_id, action_id, day)
);
comment on table seedgen.action_savings_daily is 'USD each completed action saved on each day the estate drifted after it ran';

revoke all on seedgen.executed_actions, seedgen.resolved_findings, seedgen.incidents, seedgen.action_savings_daily
  from public;
do $$
begin
  if exists (select from pg_roles where rolname = 'service_role') then
    grant select on seedgen.action_kinds, seedgen.action_patterns, seedgen.incident_costs, seedgen.executed_actions,
                    seedgen.resolved_findings, seedgen.incidents, seedgen.action_savings_daily to service_role;
  end if;
end
$$;

-- estate_day_at: the estate's day at wall-clock time p_at for run p_run: the last day drifted by then, else
-- the load's as_of (an agent's report is timed by the estate's clock: seedgen score's time to detect).
create or replace function seedgen.estate_day_at(p_run bigint, p_at timestamptz) returns date
language sql stable as $$
  select coalesce((select max(d.day) from seedgen.drift_days d where d.run_id = p_run and d.finished_at <= p_at),
                  (select r.as_of from seedgen.runs r where r.run_id = p_run))
$$;

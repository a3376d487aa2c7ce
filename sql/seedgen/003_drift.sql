-- Drift bookkeeping (seedgen drift, docs/DRIFT.md): the days a load was moved forward, and when each
-- finding of the answer key held. Idempotent: seedgen runs it before every migrate.

-- The profile overrides a load ran with (--accounts, --scale), so that drift regenerates the same fleet.
alter table seedgen.runs add column if not exists profile_overrides jsonb not null default '{}';
comment on column seedgen.runs.profile_overrides is 'The overrides of the profile the load ran with: {"accounts": n, "scale": x} when given';

-- One row per drifted day, written in the day's own transaction: a day is applied exactly when its row
-- exists. checksums are the sha256 of each table's generated COPY text for the day, as seedgen.runs keeps
-- them for a load, so a drifted day can be compared with a direct load of the same day.
create table if not exists seedgen.drift_days (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  day date not null,
  seedgen_version text not null,
  started_at timestamptz not null,
  finished_at timestamptz not null default clock_timestamp(),
  rows_inserted jsonb not null default '{}',
  rows_updated jsonb not null default '{}',
  rows_deleted jsonb not null default '{}',
  checksums jsonb not null default '{}',
  monthly_cost numeric(16,4),
  planted_savings numeric(16,4),
  primary key (run_id, day)
);
comment on table seedgen.drift_days is 'One row per day seedgen drift moved a load forward: rows inserted, updated and deleted per table, the day''s sha256 per table and its cost and answer-key total';

-- The answer key through time: the first and last day each finding held, for the load's day and every
-- drifted day (a finding that clears and returns keeps its first day).
create table if not exists seedgen.finding_history (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  account_id uuid not null,
  resource_type text not null,
  resource_id text not null,
  pattern text not null,
  first_seen date not null,
  last_seen date not null,
  primary key (run_id, account_id, resource_type, resource_id, pattern)
);
comment on table seedgen.finding_history is 'Each finding of seedgen.planted_waste with the first and last day it held, over the load''s day and every drifted day';

-- What drift changed, resource by resource, so a person can see why a finding appeared: a resource
-- created, deleted, stopped, resized, detached, its tags or retention changed; a finding of the key
-- appearing or clearing. The daily usage tables and the rolling averages (avg_*, *_7d, last_*_at) change
-- every day for every resource and are left out; cost columns are listed in details but alone make no event.
-- Readable by service_role only (the grant is at the end of this file).
create table if not exists seedgen.drift_events (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  day date not null,
  account_id uuid not null,
  resource_type text not null,
  resource_id text not null,
  event text not null,
  details jsonb not null default '{}'
);
create index if not exists idx_drift_events_day on seedgen.drift_events(run_id, day);
create index if not exists idx_drift_events_resource on seedgen.drift_events(account_id, resource_type, resource_id);
comment on table seedgen.drift_events is 'One row per change seedgen drift made to a resource or to the answer key on a day: created, deleted, state_changed, resized, attached, detached, retention_changed, tags_changed, changed, finding_appeared, finding_cleared';

-- drift_fields: a row's columns that are worth showing (without the id, the timestamps and the rolling averages).
create or replace function seedgen.drift_fields(fields jsonb) returns jsonb
language sql immutable as $$
  select coalesce(jsonb_object_agg(key, value), '{}')
    from jsonb_each(fields)
   where key not in ('id', 'account_id', 'created_at', 'updated_at', 'last_active_at', 'last_used_at')
     and key not like 'avg\_%' and key not like '%\_7d'
$$;

-- drift_change: the event a resource's update makes (null when only rolling figures or costs moved) and
-- its changed columns as {"column": {"from": old, "to": new}}.
create or replace function seedgen.drift_change(old_row jsonb, new_row jsonb, out event text, out details jsonb)
language sql immutable as $$
  with changed as (
    select key, o.value as was, n.value as now
      from jsonb_each(seedgen.drift_fields(old_row)) o join jsonb_each(seedgen.drift_fields(new_row)) n using (key)
     where o.value is distinct from n.value
  ), moved as (select key, now from changed where key not like '%cost%')
  select case
           when not exists (select from moved) then null
           when exists (select from moved where key = 'state') then 'state_changed'
           when exists (select from moved where key in ('attached_instance_id', 'associated_instance_id', 'associated_lb_arn'))
             then case when exists (select from moved where key in ('attached_instance_id', 'associated_instance_id',
                                                                    'associated_lb_arn') and now <> 'null'::jsonb)
                       then 'attached' else 'detached' end
           when exists (select from moved where key in ('instance_type', 'instance_class', 'node_type', 'node_instance_type',
                                                        'size_gib', 'allocated_storage_gib', 'memory_mb', 'volume_type',
                                                        'num_nodes', 'node_count', 'shard_count', 'desired_capacity',
                                                        'min_size', 'max_size', 'desired_nodes', 'min_nodes', 'max_nodes',
                                                        'replica_count', 'requested_cpu', 'requested_memory_mb',
                                                        'provisioned_concurrency', 'provisioned_throughput_mbps',
                                                        'hourly_commitment_amount')) then 'resized'
           when exists (select from moved where key in ('retention_days', 'retention_policy', 'retention_hours',
                                                        'lifecycle_policy')) then 'retention_changed'
           when exists (select from moved where key = 'tags') then 'tags_changed'
           else 'changed'
         end,
         (select coalesce(jsonb_object_agg(key, jsonb_build_object('from', was, 'to', now)), '{}') from changed)
$$;

revoke all on seedgen.drift_events from public;
-- The roles exist once the migrations ran (013); seedgen runs this file again after migrating.
do $$
begin
  if exists (select from pg_roles where rolname = 'service_role') then
    grant select on seedgen.drift_events to service_role;
  end if;
end
$$;

-- The steps of a day that seedgen drift --follow has written so far, each in its own transaction with its
-- row here; the day's last transaction writes its drift_days row and removes these. A drift that finds rows
-- here for the next day resumes it after the last step written (docs/DRIFT.md, trickle mode).
create table if not exists seedgen.drift_steps (
  run_id bigint not null references seedgen.runs(run_id) on delete cascade,
  day date not null,
  step integer not null,
  steps integer not null,
  written_at timestamptz not null default clock_timestamp(),
  primary key (run_id, day, step)
);
comment on table seedgen.drift_steps is 'The steps of a day seedgen drift --follow has written, until the day completes (then its drift_days row replaces them)';

-- expect_drift_day: the first statement of a change set written by seedgen drift --out (apply.sql): holds
-- run p_run's row until the day's transaction ends and fails, naming the reason, unless the estate is at
-- p_from with no trickled steps of p_to, so a change set applies only where it belongs, once.
create or replace function seedgen.expect_drift_day(p_run bigint, p_from date, p_to date) returns void
language plpgsql as $$
declare
  at_day date;
begin
  select coalesce((select max(d.day) from seedgen.drift_days d where d.run_id = r.run_id), r.as_of) into at_day
    from seedgen.runs r where r.run_id = p_run and r.status = 'completed' for update;
  if not found then
    raise exception 'seedgen: this change set belongs to run %, which this database does not hold', p_run;
  end if;
  if at_day <> p_from then
    raise exception 'seedgen: the estate is at %, and this change set moves it from % to %', at_day, p_from, p_to;
  end if;
  if exists (select from seedgen.drift_steps s where s.run_id = p_run and s.day = p_to) then
    raise exception 'seedgen: % is partly written by seedgen drift --follow; finish it with seedgen drift', p_to;
  end if;
end
$$;

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

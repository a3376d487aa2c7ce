-- The generator's bookkeeping: one row per load (seedgen.runs) and the answer key of the fleet that is
-- loaded now (seedgen.planted_waste; no FK to public, so it can be created before the migrations).
-- Idempotent: seedgen runs it before every migrate.
create table if not exists seedgen.runs (
  run_id bigint generated always as identity primary key,
  status text not null default 'loading' check (status in ('loading', 'completed', 'failed', 'abandoned')),
  profile text not null,
  seed bigint not null,
  as_of date not null,
  seedgen_version text not null,
  jobs integer not null default 1,
  shard text not null default '0/1',
  backend_pid integer,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  resources bigint,
  monthly_cost numeric(16,4),
  planted_savings numeric(16,4),
  waste_share numeric(6,4),
  row_counts jsonb not null default '{}',
  checksums jsonb not null default '{}',
  phase_seconds jsonb not null default '{}',
  error text
);

create table if not exists seedgen.planted_waste (
  account_id uuid not null,
  resource_type text not null,
  resource_id text not null,
  pattern text not null,
  estimated_monthly_savings numeric(12,4) not null check (estimated_monthly_savings >= 0),
  primary key (account_id, resource_type, resource_id, pattern)
);

create index if not exists idx_planted_waste_pattern on seedgen.planted_waste(pattern);

comment on table seedgen.runs is 'One row per seedgen load: profile, seed, as_of, version, per-table row counts and sha256 of the COPY text, phase and per-index rebuild timings, and status';
comment on table seedgen.planted_waste is 'Answer key: every (resource, pattern) whose waste catalog rule holds on the loaded fleet''s as_of day, with its estimated monthly saving';

-- Added after the first release: existing databases get the column on their next migrate or load.
alter table seedgen.runs add column if not exists index_seconds jsonb not null default '{}';
comment on column seedgen.runs.index_seconds is 'Seconds each primary key, unique constraint and index of the loaded tables took to rebuild after COPY, by index name';

-- Added with the key by rule (docs/MODEL.md, section 5): a resource may hold several findings; one of them
-- counts for the estate's waste share, so sum(estimated_monthly_savings) where counts_for_savings has no
-- double count. Older databases get the column on their next migrate or load.
alter table seedgen.planted_waste add column if not exists counts_for_savings boolean not null default true;
comment on column seedgen.planted_waste.counts_for_savings is 'True for the one finding of a resource whose saving counts (the largest; ties in the catalog''s pattern order), false for the others and for savings contained in another resource''s counted finding';

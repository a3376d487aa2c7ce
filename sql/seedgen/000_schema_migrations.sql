-- seedgen's own bookkeeping lives in schema "seedgen", never in public.
-- schema_migrations: one row per applied file of sql/migrations; the checksum lets seedgen refuse a
-- file that changed after it was applied. Idempotent: seedgen runs it before every migrate.
-- On a Citus coordinator the bookkeeping stays on the coordinator: nothing here is propagated to the
-- workers (seedgen runs these files in one transaction, so the setting ends with it; without Citus it is
-- an unused placeholder).
select set_config('citus.enable_ddl_propagation', 'off', true);
create schema if not exists seedgen;

create table if not exists seedgen.schema_migrations (
  version integer primary key,
  name text not null,
  checksum text not null check (checksum ~ '^[0-9a-f]{64}$'),
  applied_at timestamptz not null default now()
);

comment on schema seedgen is 'seedgen bookkeeping: applied migrations, generator runs and the planted-waste answer key';
comment on table seedgen.schema_migrations is 'Migrations of sql/migrations applied by seedgen migrate, with the sha256 of each file';

-- Added for schemas built by other tools: 'adopted' marks a migration seedgen found already in place
-- (the catalog equal to what sql/migrations builds) and recorded without running it.
alter table seedgen.schema_migrations add column if not exists applied_by text not null default 'seedgen'
  check (applied_by in ('seedgen', 'adopted'));
comment on column seedgen.schema_migrations.applied_by is 'seedgen: applied by seedgen migrate; adopted: found already in the schema (e.g. pushed by supabase db push) and recorded';

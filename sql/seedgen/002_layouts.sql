-- The layout ledger: the files of sql/layouts/<layout>/ a database applied after its migrations (seedgen
-- migrate --layout NAME). A database has one layout: the layout of these rows, or "spec" (the migrations'
-- own DDL, no files) when there are none. A load reproduces whatever the catalog is, and refuses to load a
-- profile or flag that asks for another layout. Idempotent: seedgen runs it before every migrate.
create table if not exists seedgen.layout_migrations (
  layout text not null check (layout ~ '^[a-z][a-z0-9_-]*$'),
  version integer not null,
  name text not null,
  checksum text not null check (checksum ~ '^[0-9a-f]{64}$'),
  applied_at timestamptz not null default now(),
  primary key (layout, version)
);

comment on table seedgen.layout_migrations is 'Files of sql/layouts/<layout>/ applied after the migrations (seedgen migrate --layout), with the sha256 of each; no rows means the spec layout';

-- set_aside.sql: the plain-SQL fast path's first half, for the reference load of scripts/bench-load.
-- Inside the caller's transaction: truncate the fleet tables, remember their keys, indexes and FKs in a
-- temp table, and drop them. restore.sql puts them back. Tables come from psql variable :tables, e.g.
-- \set tables 'public.instances, public.volumes'
create temp table set_aside (kind text, ordinal int, statement text) on commit drop;

select format('truncate %s', :'tables') \gexec

insert into set_aside
select case c.contype when 'f' then 'fk' else 'key' end, row_number() over (),
       format('alter table %I.%I add constraint %I %s', n.nspname, r.relname, c.conname, pg_get_constraintdef(c.oid))
from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace
where c.conrelid = any (string_to_array(replace(:'tables', ' ', ''), ',')::regclass[]) and c.contype in ('p', 'u', 'f');

insert into set_aside
select 'index', row_number() over (), pg_get_indexdef(i.indexrelid)
from pg_index i
where i.indrelid = any (string_to_array(replace(:'tables', ' ', ''), ',')::regclass[])
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'));

select format('alter table %s drop constraint %I', conrelid::regclass, conname)
from pg_constraint where conrelid = any (string_to_array(replace(:'tables', ' ', ''), ',')::regclass[]) and contype = 'f' \gexec
select format('alter table %s drop constraint %I', conrelid::regclass, conname)
from pg_constraint where conrelid = any (string_to_array(replace(:'tables', ' ', ''), ',')::regclass[]) and contype in ('p', 'u') \gexec
select format('drop index %s', i.indexrelid::regclass)
from pg_index i where i.indrelid = any (string_to_array(replace(:'tables', ' ', ''), ',')::regclass[])
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x')) \gexec

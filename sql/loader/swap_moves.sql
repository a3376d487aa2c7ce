-- swap_moves.sql: the statements of the swap, in order ($1 regclass[]: the live fleet tables; $2: the staging
-- schema; $3: the schema that takes the old fleet). Every live relation of the fleet (its tables, their
-- partitions, the views a load rebuilds) moves to $3; then every table and view of $2 moves to the schema of
-- its live namesake, a partition to its parent's. Indexes, constraints, triggers, policies, grants and
-- comments move with their tables; nothing is rebuilt here, so the swap takes milliseconds. Needs
-- fleet_objects.sql (seedgen_fleet_views).
with live as (
  select c.oid, c.relname, c.relkind, n.nspname
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.oid = any($1::regclass[]) or c.oid in (select pg_temp.seedgen_fleet_views($1::regclass[]))
),
live_partitions as (
  select c.oid, c.relname, c.relkind, n.nspname
    from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_namespace n on n.oid = c.relnamespace
   where i.inhparent in (select oid from live) and c.relispartition
),
staged as (
  select c.oid, c.relname, c.relkind, (select l.nspname from live l where l.relname = c.relname) as target
    from pg_class c
   where c.relnamespace = (select oid from pg_namespace where nspname = $2::text) and c.relkind in ('r', 'p', 'm') and not c.relispartition
),
staged_partitions as (
  select c.oid, c.relname, c.relkind, s.target
    from pg_inherits i join pg_class c on c.oid = i.inhrelid join staged s on s.oid = i.inhparent
   where c.relispartition
),
moves(step, relkind, schema_name, relname, target) as (
  select 1, relkind, nspname, relname, $3::text from live
  union all select 2, relkind, nspname, relname, $3::text from live_partitions
  union all select 3, relkind, $2::text, relname, target from staged
  union all select 4, relkind, $2::text, relname, target from staged_partitions
)
select format('alter %s %I.%I set schema %I', case relkind when 'm' then 'materialized view' else 'table' end,
              schema_name, relname, target)
  from moves
 order by step, relname

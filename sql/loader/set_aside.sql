-- set_aside.sql: the plain-SQL fast path's first half, for psql (scripts/bench-load's reference load and a
-- bundle's load.sql), inside the caller's transaction: truncate the fleet tables (so that \copy can FREEZE),
-- remember their keys, indexes and foreign keys as fleet_objects.sql defines them (the definition seedgen's
-- loader builds from), and drop them. restore.sql puts them back. Needs fleet_objects.sql (\i) and the psql
-- variable :tables, e.g. \set tables 'public.instances, seedgen.planted_waste'.

-- The statements name tables relative to the fleet's schemas, in the order the list first names them.
select set_config('search_path', string_agg(quote_ident(schema_name), ', ' order by first_seen), true) as search_path
  from (select split_part(name, '.', 1) as schema_name, min(position) as first_seen
          from unnest(string_to_array(replace(:'tables', ' ', ''), ',')) with ordinality as listed(name, position)
         group by 1) schemas \gset

create temp table set_aside on commit drop as
  select * from pg_temp.seedgen_fleet_objects(string_to_array(replace(:'tables', ' ', ''), ',')::regclass[]);

select format('truncate %s', :'tables') \gexec
select statement from set_aside where kind in ('drop_foreign_key', 'drop_key', 'drop_index') and relkind <> 'm'
 order by ordinal \gexec

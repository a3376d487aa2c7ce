-- capture_objects.sql: the loader's build plan for the fleet tables $1 (regclass[]): every statement of
-- pg_temp.seedgen_fleet_objects (fleet_objects.sql), in build order, with whether it belongs to a view and
-- whether to a partitioned table.
select kind, relkind = 'm', relkind = 'p', table_name, object_name, depends_on, statement
  from pg_temp.seedgen_fleet_objects($1::regclass[])
 order by ordinal

-- 001_partition_daily_tables.sql: layout "partitioned" (seedgen migrate --layout partitioned): the five daily
-- tables become range-partitioned by their date, one partition per day. A load creates the partitions for
-- the days it loads (seedgen.partition_bounds below says which) and fills each fresh one with COPY FREEZE;
-- drift can drop or detach whole days instead of deleting rows; queries over a date range read only its
-- days. A partitioned table's unique keys must include the partition key, so each primary key becomes
-- (id, date); the other unique keys already end in date. Everything else stays as the migrations made it:
-- columns, defaults, CHECKs, index and constraint names, foreign keys, RLS and policies, grants, comments,
-- and the cost views that read metrics_daily (rebuilt with them). A default partition of each table takes
-- rows of days no load planned (e.g. rows an agent inserts later).
-- Needs pg_temp.seedgen_fleet_objects (sql/loader/fleet_objects.sql), which seedgen installs before it
-- runs a layout file: the tables are rebuilt from the catalog's own definitions, as a load rebuilds them.

-- partition_bounds: the partitions a load of days first_day..last_day creates for table_name: a suffix for
-- the partition's name (<table>_p<suffix>) and its bounds [from_day, to_day). One per day; a layout that
-- wants months returns months.
create function seedgen.partition_bounds(table_name text, first_day date, last_day date)
returns table (suffix text, from_day date, to_day date)
language sql immutable
as $$
  select to_char(day, 'YYYYMMDD'), day::date, (day + interval '1 day')::date
    from generate_series(first_day::timestamp, last_day::timestamp, interval '1 day') day
$$;

comment on function seedgen.partition_bounds(text, date, date) is
  'Layout partitioned: the partitions (one per day) a seedgen load creates for the days it loads';

do $layout$
declare
  daily constant regclass[] := array['metrics_daily', 's3_bucket_usage_daily', 'log_group_usage_daily',
                                      'data_transfer_daily', 'commitment_utilization_daily']::regclass[];
  statement record;
  key record;
  table_name text;
begin
  create temp table layout_objects on commit drop as select * from pg_temp.seedgen_fleet_objects(daily);
  create temp table layout_keys on commit drop as
    select c.conrelid::regclass::text as table_name, c.conname, pg_get_constraintdef(c.oid) as definition
      from pg_constraint c where c.conrelid = any(daily) and c.contype in ('p', 'u');
  -- The partitioned tables are created beside the plain ones (LIKE reads them), which then make way.
  for table_name in select relname from pg_class where oid = any(daily) loop
    execute format('create table %I (like %I including defaults including constraints including comments '
                   'including storage including compression including generated including identity) '
                   'partition by range (date)', table_name || '__partitioned', table_name);
  end loop;
  for statement in select * from layout_objects where kind = 'matview' order by ordinal desc loop
    execute format('drop materialized view %I', statement.table_name);
  end loop;
  for table_name in select relname from pg_class where oid = any(daily) loop
    execute format('drop table %I', table_name);
    execute format('alter table %I rename to %I', table_name || '__partitioned', table_name);
    execute format('create table %I partition of %I default', table_name || '_default', table_name);
  end loop;
  for key in select * from layout_keys loop
    execute format('alter table %I add constraint %I %s', key.table_name, key.conname,
                   case when key.definition ~ '\mdate\M' then key.definition
                        else regexp_replace(key.definition, '\)$', ', date)') end);
  end loop;
  -- Everything else, from the captured definitions, in the loader's order.
  for statement in select * from layout_objects
                    where kind not in ('create', 'unique_index', 'key', 'analyze') and kind not like 'drop\_%'
                    order by ordinal loop
    execute statement.statement;
  end loop;
end
$layout$;

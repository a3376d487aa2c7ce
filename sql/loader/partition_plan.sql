-- partition_plan.sql: the partitions a load of the days $2..$3 creates for each fleet table of $1 (regclass[])
-- that is range-partitioned on one date column, as the layout's seedgen.partition_bounds() plans them: the
-- table, the partition's name (<table>_p<suffix>), its bounds [from, to) and the date column. Run only when
-- has_partition_bounds.sql says the function exists.
select c.relname, c.relname || '_p' || b.suffix, b.from_day::text, b.to_day::text, a.attname
  from pg_class c
  join pg_partitioned_table p on p.partrelid = c.oid
  join pg_attribute a on a.attrelid = c.oid and a.attnum = p.partattrs[0]
 cross join lateral seedgen.partition_bounds(c.relname::text, $2::date, $3::date) b
 where c.oid = any($1::regclass[]) and p.partstrat = 'r' and p.partnatts = 1 and a.atttypid = 'date'::regtype
 order by c.relname, b.from_day

-- has_partition_bounds.sql: whether the database's layout plans the partitions of its partitioned tables
-- (seedgen.partition_bounds, e.g. sql/layouts/partitioned).
select pg_catalog.to_regprocedure('seedgen.partition_bounds(text, date, date)') is not null

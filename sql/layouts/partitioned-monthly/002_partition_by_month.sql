-- 002_partition_by_month.sql: layout "partitioned-monthly" (seedgen migrate --layout partitioned-monthly): the
-- layout "partitioned" (001 is the same file), with one partition per calendar month instead of one per day.
-- Fewer, larger partitions: a load creates, fills and indexes a few leaves per table instead of one per day
-- (at small, 2-3 instead of 30-60), and drift drops or detaches whole months. Only the bounds differ, so the
-- catalog is the partitioned layout's but for this function's body.

-- partition_bounds: one partition per month that holds a day of first_day..last_day, named
-- <table>_p<YYYYMM>, bounded by the month's first day and the next month's. A month is created whole, so
-- later days of a loaded month go to its partition, not to the default one.
create or replace function seedgen.partition_bounds(table_name text, first_day date, last_day date)
returns table (suffix text, from_day date, to_day date)
language sql immutable
as $$
  select to_char(month, 'YYYYMM'), month::date, (month + interval '1 month')::date
    from generate_series(date_trunc('month', first_day::timestamp), last_day::timestamp, interval '1 month') month
$$;

comment on function seedgen.partition_bounds(text, date, date) is
  'Layout partitioned-monthly: the partitions (one per month) a seedgen load creates for the days it loads';

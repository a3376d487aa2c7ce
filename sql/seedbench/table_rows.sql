-- table_rows: the planner's row estimate of every table and materialized view of schema public.
select c.relname, greatest(c.reltuples, 0)::bigint as rows
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public' and c.relkind in ('r', 'm')

-- lock_fleet.sql: the statement that takes every live fleet table ($1 regclass[]) in ACCESS EXCLUSIVE mode at
-- once, in name order. (Materialized views cannot be named in LOCK TABLE; moving them takes their lock.)
select format('lock table %s in access exclusive mode',
              string_agg(format('%I.%I', n.nspname, c.relname), ', ' order by n.nspname, c.relname))
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where c.oid = any($1::regclass[])

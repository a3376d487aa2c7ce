-- account_id_tables.sql: the live fleet tables ($1 regclass[]) that have an account_id column. A table whose
-- generated rows lack it (a layout added it: citus) gets it appended to each row by the loader.
select c.relname::text
  from pg_attribute a join pg_class c on c.oid = a.attrelid
 where c.oid = any($1::regclass[]) and a.attname = 'account_id' and a.attnum > 0 and not a.attisdropped

-- table_statements.sql: how drift changes one table ($1: schema.table; $2: its COPY column list; $3: how
-- many leading columns are its key), through a temporary table of rows and one of keys: create them, COPY
-- into them, insert the rows, update the rows (every column but the key), delete by key, drop them.
with columns as (
  select trim(c) as name, n from unnest(string_to_array($2::text, ',')) with ordinality as u(c, n)
), key as (select name, n from columns where n <= $3::int), rest as (select name, n from columns where n > $3::int)
select format('create temp table seedgen_drift_rows on commit drop as select %s from %s limit 0', $2::text, $1::text),
       format('create temp table seedgen_drift_keys on commit drop as select %s from %s limit 0',
              (select string_agg(quote_ident(name), ', ' order by n) from key), $1::text),
       format('copy seedgen_drift_rows (%s) from stdin', $2::text),
       'copy seedgen_drift_keys from stdin',
       format('insert into %s (%s) select %s from seedgen_drift_rows', $1::text, $2::text, $2::text),
       format('update %s t set (%s) = row(%s) from seedgen_drift_rows u where %s', $1::text,
              (select string_agg(quote_ident(name), ', ' order by n) from rest),
              (select string_agg('u.' || quote_ident(name), ', ' order by n) from rest),
              (select string_agg(format('t.%1$I = u.%1$I', name), ' and ' order by n) from key)),
       format('delete from %s t using seedgen_drift_keys d where %s', $1::text,
              (select string_agg(format('t.%1$I = d.%1$I', name), ' and ' order by n) from key)),
       'drop table seedgen_drift_rows, seedgen_drift_keys'

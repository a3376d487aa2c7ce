-- first_non_empty.sql: the first of the tables $1 (text[], qualified names, in that order) that exists and has
-- a row; no row when all are empty or missing. query_to_xml runs each probe without dynamic SQL in the caller.
select name
  from unnest($1::text[]) with ordinality as listed(name, position)
 where pg_catalog.to_regclass(name) is not null
   and (xpath('/row/found/text()',
              query_to_xml(format('select exists (select 1 from %s) as found', pg_catalog.to_regclass(name)),
                           false, true, '')))[1]::text = 'true'
 order by position
 limit 1

-- database_layout.sql: the layouts the database's ledger names (seedgen.layout_migrations), one per row,
-- sorted; no row when it names none (the spec layout) or has no ledger yet (query_to_xml reads the ledger only when it
-- exists, so the statement also parses on a fresh database).
select unnest(case when pg_catalog.to_regclass('seedgen.layout_migrations') is null then '{}'::text[]
            else coalesce((select array_agg(layout::text order by layout::text)
                             from unnest(xpath('//layout/text()',
                                               query_to_xml('select distinct layout from seedgen.layout_migrations',
                                                            false, false, ''))) layout), '{}') end)

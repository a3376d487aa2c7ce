-- has_migrations.sql: whether any migration was applied to the database yet (a fresh database has no ledger;
-- query_to_xml reads it only when it exists, so the statement also parses on a fresh database).
select case when pg_catalog.to_regclass('seedgen.schema_migrations') is null then false
            else (xpath('/row/found/text()',
                        query_to_xml('select exists (select 1 from seedgen.schema_migrations) as found',
                                     false, true, '')))[1]::text = 'true' end

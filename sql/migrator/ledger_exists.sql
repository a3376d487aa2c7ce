-- ledger_exists: whether seedgen's ledger of applied migrations exists yet (--status must not create it).
select pg_catalog.to_regclass('seedgen.schema_migrations') is not null

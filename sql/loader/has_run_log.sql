-- has_run_log.sql: whether the database has seedgen's bookkeeping (seedgen.runs) yet.
select pg_catalog.to_regclass('seedgen.runs') is not null

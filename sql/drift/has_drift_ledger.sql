-- has_drift_ledger.sql: whether the database has seedgen's drift bookkeeping (sql/seedgen/003_drift.sql).
select to_regclass('seedgen.drift_days') is not null and to_regclass('seedgen.runs') is not null

-- clear_steps.sql: day $2 of run $1 is complete: its step rows go, in the transaction that writes its ledger row.
delete from seedgen.drift_steps where run_id = $1::bigint and day = $2::date

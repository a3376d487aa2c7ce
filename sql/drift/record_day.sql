-- record_day.sql: the ledger row of day $2 of run $1, in the day's transaction (started when it began):
-- $3 seedgen version, $4..$6 rows inserted, updated and deleted per table, $7 checksums, $8 monthly cost,
-- $9 the key's total.
insert into seedgen.drift_days (run_id, day, seedgen_version, started_at, rows_inserted, rows_updated, rows_deleted,
                                checksums, monthly_cost, planted_savings)
values ($1::bigint, $2::date, $3::text, now(), $4::jsonb, $5::jsonb, $6::jsonb, $7::jsonb, round($8::numeric, 4), round($9::numeric, 4))

-- step_written.sql: whether step $3 of day $2 of run $1 was written already (by a trickled drift that was
-- stopped and is now resumed).
select exists (select from seedgen.drift_steps where run_id = $1::bigint and day = $2::date and step = $3::int)

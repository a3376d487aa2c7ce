-- steps_written.sql: how many steps of day $2 of run $1 a trickled drift has written, and of how many (0 and
-- null when the day has not begun or is complete).
select count(*), max(steps) from seedgen.drift_steps where run_id = $1::bigint and day = $2::date

-- record_step.sql: step $3 of $4 of day $2 of run $1 is written, in the step's own transaction.
insert into seedgen.drift_steps (run_id, day, step, steps) values ($1::bigint, $2::date, $3::int, $4::int)

-- lock_run.sql: holds run $1's row until the day's transaction ends, so two drifts of one load take turns;
-- returns the last drifted day of the run (null when none), read after the lock is held.
select (select max(d.day)::text from seedgen.drift_days d where d.run_id = r.run_id)
  from seedgen.runs r where r.run_id = $1::bigint for update

-- start_run.sql: records a load as 'loading' and returns its run_id ($1 profile, $2 seed, $3 as_of, $4 seedgen
-- version, $5 jobs, $6 shard, $7 the profile's overrides as JSON). Committed on its own, so that a killed load leaves a trace. The caller then
-- holds the run's lock (hold_run_lock.sql) for as long as it works on the run.
insert into seedgen.runs (profile, seed, as_of, seedgen_version, jobs, shard, backend_pid, profile_overrides)
values ($1, $2, $3::date, $4, $5, $6, pg_backend_pid(), $7::jsonb)
returning run_id

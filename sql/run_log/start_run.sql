-- start_run: a new run, committed as 'loading' before the load's own transaction begins, so that a
-- killed load leaves a trace. $1 profile, $2 seed, $3 as_of, $4 version, $5 jobs, $6 shard.
insert into seedgen.runs (profile, seed, as_of, seedgen_version, jobs, shard, backend_pid)
values ($1, $2, $3::date, $4, $5, $6, pg_catalog.pg_backend_pid())
returning run_id

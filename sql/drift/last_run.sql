-- last_run.sql: the latest run of any state (a load that failed after the one drift works on shows here):
-- run_id, status, profile, seed, as_of, error (empty when none).
select run_id, status, profile, seed::text, as_of::text, coalesce(error, '')
  from seedgen.runs order by run_id desc limit 1

-- fail_run.sql: marks run $1 'failed' with the one-line reason $2, unless the run already ended.
update seedgen.runs set status = 'failed', finished_at = now(), error = $2 where run_id = $1 and status = 'loading'

-- fail_run: after the load rolled back, on a fresh connection. $1 run_id, $2 the error.
update seedgen.runs set status = 'failed', finished_at = now(), error = $2 where run_id = $1

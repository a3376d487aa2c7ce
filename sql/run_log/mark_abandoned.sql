-- mark_abandoned: runs still 'loading' whose backend is gone (killed, crashed, server restarted) become
-- 'abandoned'; the server rolled their changes back when the session ended.
update seedgen.runs
   set status = 'abandoned', finished_at = now(),
       error = 'the loading session ended without committing; its changes were rolled back by the server'
 where status = 'loading'
   and backend_pid is distinct from pg_catalog.pg_backend_pid()
   and not exists (select 1 from pg_catalog.pg_stat_activity a where a.pid = runs.backend_pid)

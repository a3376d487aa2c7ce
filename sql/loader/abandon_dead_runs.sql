-- abandon_dead_runs.sql: marks 'abandoned' every 'loading' run whose loader is gone: nobody holds its run lock
-- (hold_run_lock.sql) and no session has its backend pid (a run of a seedgen before the run lock). Returns
-- the run ids.
update seedgen.runs r
   set status = 'abandoned', finished_at = now(),
       error = 'the loading session ended without finishing; nothing it staged ever replaced the live fleet'
 where r.status = 'loading'
   and not exists (select 1 from pg_locks l
                    where l.locktype = 'advisory' and l.granted and l.classid = 1592590338 and l.objid = r.run_id
                      and l.objsubid = 2 and l.database = (select oid from pg_database where datname = current_database()))
   and not exists (select 1 from pg_stat_activity a where a.pid = r.backend_pid)
returning r.run_id

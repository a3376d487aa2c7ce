-- load_lock_holder.sql: the session that holds the load lock (see load_lock.sql): pid, application_name,
-- state, seconds connected, and the run it is loading (0 when it has none yet). No row when it is free.
select a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch from now() - a.backend_start)::bigint,
       coalesce((select max(r.run_id) from seedgen.runs r where r.backend_pid = a.pid and r.status = 'loading'), 0)
  from pg_locks l join pg_stat_activity a on a.pid = l.pid
 where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database())
   and l.classid = 1592590339 and l.objid = 0 and l.objsubid = 2

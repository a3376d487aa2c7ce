-- lock_holder.sql: the session that has held the longest a lock a drift day waits for: any lock but
-- ACCESS SHARE (readers never stop a drift day) on one of the fleet's tables $1 (regclass[]), other than
-- this session's: pid, application_name, state, seconds in its transaction, the relation and the mode.
select a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch from now() - coalesce(a.xact_start, a.backend_start))::bigint,
       l.relation::regclass::text, l.mode
  from pg_locks l join pg_stat_activity a on a.pid = l.pid
 where l.granted and l.locktype = 'relation' and l.relation = any($1::regclass[]) and l.pid <> pg_backend_pid()
   and l.mode <> 'AccessShareLock'
 order by coalesce(a.xact_start, a.backend_start), a.pid
 limit 1

-- lock_holder.sql: the session that has held a lock on one of the relations $1 (regclass[]) the longest,
-- other than the sessions $2 (int[]): pid, application_name, state, seconds in its transaction (or connected),
-- the relation and the lock mode. No row when nobody else holds one.
select a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''),
       extract(epoch from now() - coalesce(a.xact_start, a.backend_start))::bigint,
       l.relation::regclass::text, l.mode
  from pg_locks l join pg_stat_activity a on a.pid = l.pid
 where l.granted and l.locktype = 'relation' and l.relation = any($1::regclass[]) and l.pid <> all($2::int[])
 order by coalesce(a.xact_start, a.backend_start), a.pid
 limit 1

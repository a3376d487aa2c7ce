-- restore.sql: the plain-SQL fast path's second half, for psql, after set_aside.sql and the \copy of every
-- file: the keys' indexes and the other indexes, the keys, the foreign keys, the comments the dropped
-- indexes and constraints took with them, then ANALYZE, in the order fleet_objects.sql gives (one session,
-- one statement at a time: the reference that seedgen's parallel loader is measured against).
select statement from set_aside where kind in ('unique_index', 'index', 'key', 'foreign_key') and relkind <> 'm'
   and not (kind = 'unique_index' and relkind = 'p')   -- a partitioned table's key builds its own
 order by ordinal \gexec
select statement from set_aside where kind = 'comment' and relkind <> 'm' order by ordinal \gexec
select statement from set_aside where kind = 'analyze' and relkind <> 'm' order by ordinal \gexec

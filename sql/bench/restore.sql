-- restore.sql: the plain-SQL fast path's second half: keys, then indexes, then FKs, then ANALYZE.
select statement from set_aside where kind = 'key' order by ordinal \gexec
select statement from set_aside where kind = 'index' order by ordinal \gexec
select statement from set_aside where kind = 'fk' order by ordinal \gexec
select format('analyze %s', t) from unnest(string_to_array(replace(:'tables', ' ', ''), ',')) t \gexec

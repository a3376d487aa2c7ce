-- load_lock.sql: tries to take the database's load lock for this session (true when taken). One load at a
-- time per database: a second one would stage a whole fleet only to swap it over the first. Session-level
-- advisory lock (0x5eed0003, 0): the server releases it when the session ends, however it ends.
select pg_try_advisory_lock(1592590339, 0)

-- lock: the session advisory lock every migrator holds while it migrates, so that two never interleave
-- (the key is 0x5eed0001).
select pg_catalog.pg_advisory_lock(1592590337)

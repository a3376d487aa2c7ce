-- hold_run_lock.sql: this session holds run $1's lock (advisory lock 0x5eed0002, run_id) until it ends. A run
-- is alive exactly while its lock is held: the server drops the lock with a killed loader's session.
select pg_advisory_lock(1592590338, $1::int)

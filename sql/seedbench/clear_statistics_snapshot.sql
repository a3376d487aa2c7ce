-- clear_statistics_snapshot: drops the session's cached statistics snapshot, so the next read of
-- pg_stat_* sees the counters as they are now.
select pg_stat_clear_snapshot()

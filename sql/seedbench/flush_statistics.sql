-- flush_statistics: PostgreSQL 15 reports a session's statistics when it goes idle; this forces the next
-- report, which happens before the server answers, so the counters are visible to others once it returns.
select pg_stat_force_next_flush()

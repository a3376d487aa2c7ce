-- index_scans: pg_stat_user_indexes.idx_scan of every public index. The caller clears the statistics
-- snapshot first, so that two reads in one session see the counters move.
select indexrelname, idx_scan from pg_stat_user_indexes where schemaname = 'public'

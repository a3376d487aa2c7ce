-- 022_add_partial_day_index.sql: the days an instance did not run all 24 hours. The EC2 rules read
-- literally (docs/data/ec2.md) ask whether each of the last 14 days was a full day (nonprod_24x7,
-- ec2_uncommitted_steady); asked as "no row of the window with hours_running < 24", that is one probe of
-- this small partial index per instance instead of 14 heap fetches and jsonb extractions (the small gate
-- measured 228 ms p95 for ec2_uncommitted_steady the other way). Most instance days are full, so the index
-- holds the minority: stopped, scheduled, launched and terminated days. Account first, then date, as
-- every agent question names one account and one window: whether the planner probes it per instance or
-- (a prepared statement's generic plan, which guesses a window of parameter dates at a few rows) reads
-- the account's few thousand partial days of the window at once for a hash anti join, it stays small.
create index idx_metrics_daily_partial_instance_days on metrics_daily (account_id, date, resource_id)
  where resource_type = 'instance'
    and (metric_payload->>'hours_running')::numeric < 24;
comment on index idx_metrics_daily_partial_instance_days is
  'agent query catalog: nonprod_24x7, ec2_uncommitted_steady (days of the window an instance did not run all day)';

-- 019_add_adhoc_query_indexes.sql: indexes for the shapes of the ad-hoc questions (sql/queries/adhoc/), the
-- SQL agents write themselves against the base tables. Each index serves a shape, not one text: any
-- question that filters the same columns the same way can use it (a window of days of one account's
-- daily rows, a fleet-wide window of one direction, the fleet's running instances by region or by price).
-- Like migration 016's, every index here carries a comment starting "agent query catalog:", which is how
-- seedbench shows the "before" (all of them hidden) next to the "after".

-- A window of days of one account's daily metrics of one resource type (instance_cpu_daily and any
-- "how did X move over the last N days" per account). The spec indexes account_id alone, so the planner
-- read every metrics row of the account, of every type and every day, to keep 14 days of instances.
create index idx_metrics_daily_account_type_date on metrics_daily (account_id, resource_type, date);
comment on index idx_metrics_daily_account_type_date is
  'agent query catalog: adhoc/instance_cpu_daily (a window of days of one account''s metrics of one type)';

-- A window of days of one account's transfer rows (transfer_cost_daily), answered from the index alone.
create index idx_data_transfer_account_date on data_transfer_daily (account_id, date)
  include (direction, gb_transferred, estimated_transfer_cost);
comment on index idx_data_transfer_account_date is
  'agent query catalog: adhoc/transfer_cost_daily (a window of days of one account''s transfer, covering)';

-- A fleet-wide window of one direction (global_egress_daily: egress of the last week by region).
create index idx_data_transfer_direction_date on data_transfer_daily (direction, date)
  include (source_region, gb_transferred, estimated_transfer_cost);
comment on index idx_data_transfer_direction_date is
  'agent query catalog: adhoc/global_egress_daily (a fleet-wide window of one direction, covering)';

-- Commitments that end in a window, fleet-wide (the spec's (start_date, end_date) leads with the start).
create index idx_commitments_end_date on commitments (end_date);
comment on index idx_commitments_end_date is
  'agent query catalog: adhoc/global_expiring_commitments (commitments ending in a window)';

-- The fleet's running GPU instances (a few per cent of instances), read from the index alone.
create index idx_instances_gpu_running on instances (account_id) include (gpu_count, hourly_cost)
  where has_gpu and state = 'running';
comment on index idx_instances_gpu_running is
  'agent query catalog: adhoc/global_gpu_accounts (running GPU instances per account, covering)';

-- The fleet's costliest running instances, read in price order until the top N.
create index idx_instances_running_hourly_cost on instances (hourly_cost desc, instance_id)
  where state = 'running';
comment on index idx_instances_running_hourly_cost is
  'agent query catalog: adhoc/global_top_instances (top running instances by price)';

-- The fleet's instances of a state by region with their price, from the index alone.
create index idx_instances_state_region on instances (state, region) include (hourly_cost);
comment on index idx_instances_state_region is
  'agent query catalog: adhoc/global_running_by_region (instances of a state by region, covering)';

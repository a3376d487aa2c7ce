-- top_costly_instances: Which 10 running instances of the account cost the most a month, and how busy
--   were they over the last 7 days?
-- Parameters: account_id (uuid).
-- Shape: top-N ranking of one account's resources by a cost column.
-- Served by: idx_instances_account_state (migration 016), then a top-N sort of the account's running
--   instances in memory.
-- Checked by: tests/support/check-adhoc.py.
select i.instance_id,
       i.name,
       i.instance_type,
       i.region,
       i.env,
       round(i.hourly_cost * 730, 2)   as monthly_cost,
       i.avg_cpu_7d,
       i.avg_network_7d
from instances i
where i.account_id = :'account_id'::uuid
  and i.state = 'running'
order by i.hourly_cost desc, i.instance_id
limit 10;

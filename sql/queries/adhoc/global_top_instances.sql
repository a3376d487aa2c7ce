-- global_top_instances: Across all accounts, which 20 running instances cost the most an hour, and whose
--   are they? (GLOBAL: no account_id.)
-- Parameters: none.
-- Shape: top-N ranking across the whole fleet by a cost column.
-- Served by: idx_instances_running_hourly_cost (migration 019, partial on running), read in price order.
-- Checked by: tests/support/check-adhoc.py.
select i.instance_id,
       a.name                          as account_name,
       i.instance_type,
       i.region,
       i.hourly_cost,
       i.gpu_count
from instances i
join cloud_accounts a on a.id = i.account_id
where i.state = 'running'
order by i.hourly_cost desc, i.instance_id
limit 20;

-- global_gpu_accounts: Across all accounts, which 10 run the most GPU money, with how many running GPU
--   instances and GPUs? (GLOBAL: no account_id.)
-- Parameters: none.
-- Shape: a ranking of accounts by an aggregate over a selective slice of one resource table.
-- Served by: idx_instances_gpu_running (migration 019: partial on running GPU instances, covering).
-- Checked by: tests/support/check-adhoc.py.
select a.name                                    as account_name,
       i.account_id,
       count(*)                                  as gpu_instances,
       sum(i.gpu_count)                          as gpus,
       sum(i.hourly_cost) * 730                  as monthly_cost
from instances i
join cloud_accounts a on a.id = i.account_id
where i.has_gpu
  and i.state = 'running'
group by a.name, i.account_id
order by monthly_cost desc, i.account_id
limit 10;

-- global_running_by_region: Across all accounts, how many instances run in each region and what do they
--   cost a month? (GLOBAL: no account_id.)
-- Parameters: none.
-- Shape: a fleet-wide aggregate of one resource table, grouped by a low-cardinality column.
-- Served by: idx_instances_state_region (migration 019: state, region, covering hourly_cost), read from
--   the index alone.
-- Checked by: tests/support/check-adhoc.py.
select i.region,
       count(*)                                  as running_instances,
       sum(i.hourly_cost) * 730                  as monthly_cost
from instances i
where i.state = 'running'
group by i.region
order by monthly_cost desc, i.region;

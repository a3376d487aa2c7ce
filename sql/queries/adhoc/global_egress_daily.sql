-- global_egress_daily: Across all accounts, how much data left for the internet from each region on
--   each of the last 7 days, and what did it cost? (GLOBAL: no account_id.)
-- Parameters: as_of (date).
-- Shape: a fleet-wide time-series aggregate over a daily table, on one value of a low-cardinality column.
-- Served by: idx_data_transfer_direction_date (migration 019: direction, date, covering the measures).
-- Checked by: tests/support/check-adhoc.py.
select t.date,
       t.source_region,
       count(*)                                  as flows,
       sum(t.gb_transferred)                     as gb,
       sum(t.estimated_transfer_cost)            as cost
from data_transfer_daily t
where t.direction = 'egress'
  and t.date > :'as_of'::date - 7
group by t.date, t.source_region
order by t.date, t.source_region;

-- transfer_cost_daily: What did the account move over the network each day of the last 30, per direction,
--   and what did it cost?
-- Parameters: account_id (uuid), as_of (date).
-- Shape: time-series aggregate over a daily table that carries account_id (data_transfer_daily).
-- Served by: idx_data_transfer_account_date (migration 019: account, date, covering direction and measures).
-- Checked by: tests/support/check-adhoc.py.
select t.date,
       t.direction,
       count(*)                                                        as flows,
       sum(t.gb_transferred)                                           as gb,
       sum(t.estimated_transfer_cost)                                  as cost
from data_transfer_daily t
where t.account_id = :'account_id'::uuid
  and t.date > :'as_of'::date - 30
group by t.date, t.direction
order by t.date, t.direction;

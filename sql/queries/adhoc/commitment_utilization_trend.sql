-- commitment_utilization_trend: Day by day over the last 30 days, how well did the account use its
--   commitments (utilization weighted by the hourly amount committed), and what did they save?
-- Parameters: account_id (uuid), as_of (date).
-- Shape: time-series aggregate over a child daily table (commitment_utilization_daily).
-- Served by: idx_commitments_account_id (spec), then the (commitment_id, date) key of the spec.
-- Checked by: tests/support/check-adhoc.py.
select d.date,
       count(*)                                                                          as commitments,
       sum(c.hourly_commitment_amount)                                                   as committed_hourly,
       sum(d.actual_hourly_usage_equivalent)                                             as used_hourly,
       round(100 * sum(d.actual_hourly_usage_equivalent) / nullif(sum(c.hourly_commitment_amount), 0), 2)
                                                                                         as utilization_percent,
       sum(d.estimated_savings_vs_ondemand)                                              as savings
from commitments c
join commitment_utilization_daily d on d.commitment_id = c.id
\if :{?citus}
  and d.account_id = c.account_id
\endif
where c.account_id = :'account_id'::uuid
  and d.date > :'as_of'::date - 30
group by d.date
order by d.date;

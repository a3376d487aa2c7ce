-- log_ingestion_daily: How many GB did the account's log groups ingest and store each day of the last
--   30, per environment, and what did that cost?
-- Parameters: account_id (uuid), as_of (date).
-- Shape: time-series aggregate over a child daily table (log_group_usage_daily), sliced by a parent column.
-- Served by: idx_log_groups_account_id (spec), then the unique (log_group_id, date) key of the spec.
-- Checked by: tests/support/check-adhoc.py.
select u.date,
       g.env,
       count(*)                                                        as log_groups,
       sum(u.ingested_gb)                                              as ingested_gb,
       sum(u.stored_gb)                                                as stored_gb,
       sum(u.estimated_ingestion_cost + u.estimated_storage_cost)      as daily_cost
from log_groups g
join log_group_usage_daily u on u.log_group_id = g.id
\if :{?citus}
  and u.account_id = g.account_id
\endif
where g.account_id = :'account_id'::uuid
  and u.date > :'as_of'::date - 30
group by u.date, g.env
order by u.date, g.env;

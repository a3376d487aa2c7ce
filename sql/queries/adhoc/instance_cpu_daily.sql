-- instance_cpu_daily: How did the CPU and network of the account's instances move, day by day, over the
--   last 14 days?
-- Parameters: account_id (uuid), as_of (date).
-- Shape: time-series aggregate over metrics_daily (one account, one resource type, a window of days).
-- Served by: idx_metrics_daily_account_type_date (migration 019: account, type, date).
-- Checked by: tests/support/check-adhoc.py (from the COPY files of the same fleet).
select m.date,
       count(*)                                                        as instances,
       round(avg((m.metric_payload->>'cpu_avg')::numeric), 2)          as avg_cpu,
       max((m.metric_payload->>'cpu_max')::numeric)                    as peak_cpu,
       round(sum((m.metric_payload->>'network_mb')::numeric), 2)       as network_mb,
       sum(m.estimated_daily_cost)                                     as daily_cost
from metrics_daily m
where m.account_id = :'account_id'::uuid
  and m.resource_type = 'instance'
  and m.date between :'as_of'::date - 13 and :'as_of'::date
group by m.date
order by m.date;

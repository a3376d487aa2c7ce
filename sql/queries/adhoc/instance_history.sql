-- instance_history: What did one instance do each day of the last 14: CPU, network and cost?
-- Parameters: account_id (uuid), instance_id (text; seedbench binds the account's costliest running instance),
--   as_of (date).
-- Shape: one resource's history in metrics_daily.
-- Served by: the unique (resource_type, resource_id, date) key of the spec.
-- Checked by: tests/support/check-adhoc.py.
select m.date,
       (m.metric_payload->>'cpu_avg')::numeric      as cpu_avg,
       (m.metric_payload->>'cpu_max')::numeric      as cpu_max,
       (m.metric_payload->>'network_mb')::numeric   as network_mb,
       m.estimated_daily_cost
from metrics_daily m
where m.account_id = :'account_id'::uuid
  and m.resource_type = 'instance'
  and m.resource_id = :'instance_id'
  and m.date between :'as_of'::date - 13 and :'as_of'::date
order by m.date;

-- ec2_idle_4_of_14: Which running instances were idle on at least 4 of the last 14 days (as_of-13 ..
--   as_of)?
-- Parameters: account_id (uuid), as_of (date); cpu_threshold (default 10, %), network_threshold
--   (default 5, MB/day), min_idle_days (default 4).
-- Threshold source: AWS Trusted Advisor low-utilization EC2 check: daily CPU <= 10 % and network <= 5 MB
--   on 4 or more of the last 14 days. An idle day is a metrics_daily row of a day the instance ran
--   (hours_running > 0) under both lines. Read literally: it may hold with ec2_idle too.
-- Saving: the idle share of the month, hourly_cost x 730 x idle_days / 14.
\if :{?cpu_threshold} \else \set cpu_threshold 10 \endif
\if :{?network_threshold} \else \set network_threshold 5 \endif
\if :{?min_idle_days} \else \set min_idle_days 4 \endif
with idle as (
  select i.*,
         -- The first branch repeats the idle-day index's own predicate (CPU <= 10, network <= 5; migration
         -- 016) so that even a generic plan of a prepared statement counts from that index; it only applies
         -- when the thresholds ask for no more than the index holds. Both branches count the same days.
         case when :cpu_threshold <= 10 and :network_threshold <= 5
              then (select count(*) from metrics_daily m
                     where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
                       and m.date between :'as_of'::date - 13 and :'as_of'::date
                       and (m.metric_payload->>'cpu_avg')::numeric <= 10
                       and (m.metric_payload->>'network_mb')::numeric <= 5
                       and (m.metric_payload->>'cpu_avg')::numeric <= :cpu_threshold
                       and (m.metric_payload->>'network_mb')::numeric <= :network_threshold
                       and (m.metric_payload->>'hours_running')::numeric > 0)
              else (select count(*) from metrics_daily m
                     where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
                       and m.date between :'as_of'::date - 13 and :'as_of'::date
                       and (m.metric_payload->>'cpu_avg')::numeric <= :cpu_threshold
                       and (m.metric_payload->>'network_mb')::numeric <= :network_threshold
                       and (m.metric_payload->>'hours_running')::numeric > 0)
         end as idle_days_14
  from instances i
  where i.account_id = :'account_id'::uuid
    and i.state = 'running'
)
select 'instance'::text as resource_type,
       instance_id as resource_id,
       round(hourly_cost * 730 * idle_days_14 / 14, 4) as estimated_monthly_savings,
       name, region, env, instance_type, hourly_cost, idle_days_14, avg_cpu_7d, avg_network_7d
from idle
where idle_days_14 >= :min_idle_days
order by estimated_monthly_savings desc, resource_id;

-- ec2_oversized: Which running, non-burstable, non-GPU instances stayed under 20 % CPU on every day they
--   ran in the last 14 days (as_of-13 .. as_of), so they could drop one size?
-- Parameters: account_id (uuid), as_of (date); cpu_threshold (default 20, %: oversized below it).
-- Threshold source: Steampipe AWS Thrifty EC2 utilisation control (CPU < 20 %), read on the daily
--   averages: the highest cpu_avg of the rows of days it ran (hours_running > 0) is below the line. A full
--   window is required (launched before as_of-13). Read literally: an idle instance is oversized too.
-- Saving: one size down halves the price, 0.5 x hourly_cost x 730.
\if :{?cpu_threshold} \else \set cpu_threshold 20 \endif
select 'instance'::text as resource_type,
       i.instance_id as resource_id,
       round(0.5 * i.hourly_cost * 730, 4) as estimated_monthly_savings,
       i.name, i.region, i.env, i.instance_type, i.hourly_cost, i.avg_cpu_7d, i.avg_network_7d, w.max_cpu_14
from instances i
cross join lateral (
  select max((m.metric_payload->>'cpu_avg')::numeric) as max_cpu_14
  from metrics_daily m
  where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
    and m.date between :'as_of'::date - 13 and :'as_of'::date
    and (m.metric_payload->>'hours_running')::numeric > 0) w
where i.account_id = :'account_id'::uuid
  and i.state = 'running' and not i.has_gpu
  and i.instance_type not like 't%'
  and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - interval '13 days'
  and w.max_cpu_14 < :cpu_threshold
order by estimated_monthly_savings desc, resource_id;

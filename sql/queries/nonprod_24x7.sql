-- nonprod_24x7: Which non-prod standalone running instances without a `schedule` tag run busy around the
--   clock, including weekends, over the last 14 days (as_of-13 .. as_of)?
-- Parameters: account_id (uuid), as_of (date); cpu_threshold (default 20, %: below it the instance is
--   idle/oversized instead), weekend_ratio (default 0.8: weekend mean CPU >= 0.8 x weekday mean),
--   idle_cpu (10), idle_network (5), min_idle_days (4).
-- Threshold source: Cloud Custodian offhours policy (stop non-prod 19:00-07:00 and weekends); the
--   exclusions are AWS Trusted Advisor's idle lines and Thrifty's 20 % CPU line. Previous-generation
--   types are ec2_prev_gen's. 14 full days of rows are required (launched before as_of-13).
-- Saving: a 12 h x 5 d schedule, 0.64 x hourly_cost x 730.
\if :{?cpu_threshold} \else \set cpu_threshold 20 \endif
\if :{?weekend_ratio} \else \set weekend_ratio 0.8 \endif
\if :{?idle_cpu} \else \set idle_cpu 10 \endif
\if :{?idle_network} \else \set idle_network 5 \endif
\if :{?min_idle_days} \else \set min_idle_days 4 \endif
with c as (
  select i.*, w.*
  from instances i
  cross join lateral (
    select count(*) filter (where (m.metric_payload->>'cpu_avg')::numeric <= :idle_cpu
                              and (m.metric_payload->>'network_mb')::numeric <= :idle_network) as idle_days_14,
           avg((m.metric_payload->>'cpu_avg')::numeric) filter (where extract(isodow from m.date) in (6, 7))
             as weekend_cpu,
           avg((m.metric_payload->>'cpu_avg')::numeric) filter (where extract(isodow from m.date) between 1 and 5)
             as weekday_cpu
    from metrics_daily m
    where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
      and m.date between :'as_of'::date - 13 and :'as_of'::date) w
  where i.account_id = :'account_id'::uuid
    and i.state = 'running' and i.autoscaling_group_id is null and not i.has_gpu
    and i.env <> 'prod' and not (i.tags ? 'schedule')
    and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - interval '13 days'
    and split_part(i.instance_type, '.', 1) not in ('t2', 'm3', 'm4', 'c4', 'r4')
    and i.avg_cpu_7d >= :cpu_threshold
)
select 'instance'::text as resource_type,
       instance_id as resource_id,
       round(0.64 * hourly_cost * 730, 4) as estimated_monthly_savings,
       name, region, env, instance_type, hourly_cost, avg_cpu_7d,
       round(weekend_cpu, 2) as weekend_cpu_avg, round(weekday_cpu, 2) as weekday_cpu_avg,
       round(weekend_cpu / nullif(weekday_cpu, 0), 3) as weekend_weekday_ratio
from c
where idle_days_14 < :min_idle_days and weekend_cpu >= :weekend_ratio * weekday_cpu
order by estimated_monthly_savings desc, resource_id;

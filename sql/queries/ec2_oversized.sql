-- ec2_oversized: Which standalone running, non-burstable, non-GPU instances are busy but use under 20 %
--   CPU over the last 7 days (as_of-6 .. as_of), so they could drop one size?
-- Parameters: account_id (uuid), as_of (date); cpu_threshold (default 20, %: oversized below it);
--   idle_cpu (default 10) and idle_network (default 5): the idle lines that take precedence;
--   min_idle_days (default 4).
-- Threshold source: Steampipe AWS Thrifty EC2 utilisation control (CPU < 20 %); the idle exclusions are
--   AWS Trusted Advisor's (CPU <= 10 % and network <= 5 MB, on 4 of 14 days). Instances idle by those
--   rules are ec2_idle / ec2_idle_4_of_14. A full 7-day window is required (launched before as_of-6).
-- Saving: one size down halves the price, 0.5 x hourly_cost x 730.
\if :{?cpu_threshold} \else \set cpu_threshold 20 \endif
\if :{?idle_cpu} \else \set idle_cpu 10 \endif
\if :{?idle_network} \else \set idle_network 5 \endif
\if :{?min_idle_days} \else \set min_idle_days 4 \endif
with c as (
  select i.*,
         -- The first branch repeats the idle-day index's own predicate (CPU <= 10, network <= 5; migration
         -- 016) so that even a generic plan of a prepared statement counts from that index; it only applies
         -- when the thresholds ask for no more than the index holds. Both branches count the same days.
         case when :idle_cpu <= 10 and :idle_network <= 5
              then (select count(*) from metrics_daily m
                     where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
                       and m.date between :'as_of'::date - 13 and :'as_of'::date
                       and (m.metric_payload->>'cpu_avg')::numeric <= 10
                       and (m.metric_payload->>'network_mb')::numeric <= 5
                       and (m.metric_payload->>'cpu_avg')::numeric <= :idle_cpu
                       and (m.metric_payload->>'network_mb')::numeric <= :idle_network)
              else (select count(*) from metrics_daily m
                     where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
                       and m.date between :'as_of'::date - 13 and :'as_of'::date
                       and (m.metric_payload->>'cpu_avg')::numeric <= :idle_cpu
                       and (m.metric_payload->>'network_mb')::numeric <= :idle_network)
         end as idle_days_14
  from instances i
  where i.account_id = :'account_id'::uuid
    and i.state = 'running' and i.autoscaling_group_id is null and not i.has_gpu
    and i.instance_type not like 't%'
    and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - interval '6 days'
    and i.avg_cpu_7d < :cpu_threshold
    and not (i.avg_cpu_7d <= :idle_cpu and i.avg_network_7d <= :idle_network)
)
select 'instance'::text as resource_type,
       instance_id as resource_id,
       round(0.5 * hourly_cost * 730, 4) as estimated_monthly_savings,
       name, region, env, instance_type, hourly_cost, avg_cpu_7d, avg_network_7d, idle_days_14
from c
where idle_days_14 < :min_idle_days
order by estimated_monthly_savings desc, resource_id;

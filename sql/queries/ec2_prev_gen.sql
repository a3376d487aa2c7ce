-- ec2_prev_gen: Which standalone running instances use a previous-generation type (t2, m3, m4, c4, r4)
--   and are not already flagged idle or oversized?
-- Parameters: account_id (uuid), as_of (date); idle_cpu (default 10), idle_network (default 5),
--   min_idle_days (default 4), oversized_cpu (default 20): the rules that take precedence.
-- Threshold source: Steampipe AWS Thrifty "old generation" control (t2, m3, m4; extended to c4, r4).
--   Exclusions: AWS Trusted Advisor idle lines (ec2_idle, ec2_idle_4_of_14) and Thrifty's 20 % CPU
--   oversize line (ec2_oversized) take precedence.
-- Saving: move to the successor (t2->t3, m3->m5 (m3.medium->t3.medium), m4->m5, c4->c5, r4->r5):
--   (hourly_cost - the successor's price in the instance's region, seedgen.prices, rounded to 4
--   decimals as hourly_cost is) x 730.
\if :{?idle_cpu} \else \set idle_cpu 10 \endif
\if :{?idle_network} \else \set idle_network 5 \endif
\if :{?min_idle_days} \else \set min_idle_days 4 \endif
\if :{?oversized_cpu} \else \set oversized_cpu 20 \endif
with successor(old_type, new_type) as (values
  -- the current-generation type each previous-generation type maps to (docs/data/ec2.md)
  ('t2.micro', 't3.micro'), ('t2.medium', 't3.medium'), ('m3.medium', 't3.medium'),
  ('m4.large', 'm5.large'), ('c4.large', 'c5.large'), ('r4.large', 'r5.large')),
c as (
  select i.*,
         (select count(*) from metrics_daily m
           where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
             and m.date between :'as_of'::date - 13 and :'as_of'::date
             and (m.metric_payload->>'cpu_avg')::numeric <= :idle_cpu
             and (m.metric_payload->>'network_mb')::numeric <= :idle_network) as idle_days_14
  from instances i
  where i.account_id = :'account_id'::uuid
    and i.state = 'running' and i.autoscaling_group_id is null
    and split_part(i.instance_type, '.', 1) in ('t2', 'm3', 'm4', 'c4', 'r4')
    and not (i.avg_cpu_7d <= :idle_cpu and i.avg_network_7d <= :idle_network)
    and not (not i.has_gpu and i.instance_type not like 't%'
             and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - interval '6 days'
             and i.avg_cpu_7d < :oversized_cpu)
)
select 'instance'::text as resource_type,
       c.instance_id as resource_id,
       round((c.hourly_cost - round(p.usd, 4)) * 730, 4) as estimated_monthly_savings,
       c.name, c.region, c.env, c.instance_type, s.new_type as successor_type, c.hourly_cost,
       round(p.usd, 4) as successor_hourly_cost, c.avg_cpu_7d
from c
left join successor s on s.old_type = c.instance_type
left join seedgen.prices p on p.sku = 'ec2.' || s.new_type || '.hour' and p.region = c.region
where c.idle_days_14 < :min_idle_days
order by estimated_monthly_savings desc nulls last, resource_id;

-- ec2_uncommitted_steady: Which prod standalone running instances have run steadily for more than 90 days
--   on demand, with no active commitment covering their (family, region)?
-- Parameters: account_id (uuid), as_of (date); min_age_days (default 90), cpu_low (default 20),
--   cpu_high (default 80) (steady band of avg_cpu_7d), idle_cpu (10), idle_network (5), min_idle_days (4).
-- Threshold source: Steampipe AWS Thrifty "long running instances" (> 90 days) and Cloud Custodian age
--   filters; steady = 20-80 % CPU (below 20 % is oversized/idle per Thrifty/Trusted Advisor).
--   Previous-generation types are excluded (modernise before committing). Covered = a commitment of the
--   account with scope 'ec2:<family>:<region>' and start_date <= as_of <= end_date.
-- Saving: a 1-year commitment, savings.one_year (seedgen.prices) x hourly_cost x 730.
\if :{?min_age_days} \else \set min_age_days 90 \endif
\if :{?cpu_low} \else \set cpu_low 20 \endif
\if :{?cpu_high} \else \set cpu_high 80 \endif
\if :{?idle_cpu} \else \set idle_cpu 10 \endif
\if :{?idle_network} \else \set idle_network 5 \endif
\if :{?min_idle_days} \else \set min_idle_days 4 \endif
with c as (
  select i.*, split_part(i.instance_type, '.', 1) as family,
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
    and i.env = 'prod'
    and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - make_interval(days => :min_age_days)
    and i.avg_cpu_7d between :cpu_low and :cpu_high
    and split_part(i.instance_type, '.', 1) not in ('t2', 'm3', 'm4', 'c4', 'r4')
)
select 'instance'::text as resource_type,
       c.instance_id as resource_id,
       round(d.usd * c.hourly_cost * 730, 4) as estimated_monthly_savings,
       c.name, c.region, c.env, c.instance_type, c.family, c.hourly_cost, c.avg_cpu_7d,
       (:'as_of'::date - c.launch_time::date) as age_days
from c
join seedgen.prices d on d.sku = 'savings.one_year' and d.region = c.region   -- the 1-year discount
where c.idle_days_14 < :min_idle_days
  and not exists (select 1 from commitments k
                  where k.account_id = c.account_id
                    and k.scope = 'ec2:' || c.family || ':' || c.region
                    and k.start_date <= :'as_of'::date and :'as_of'::date <= k.end_date)
order by estimated_monthly_savings desc, resource_id;

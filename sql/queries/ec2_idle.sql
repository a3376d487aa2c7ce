-- ec2_idle: Which running instances were idle over the last 7 days as a whole?
-- Parameters: account_id (uuid), as_of (date); cpu_threshold (default 10, %), network_threshold
--   (default 5, MB/day).
-- Threshold source: AWS Trusted Advisor low-utilization EC2 check (CPU <= 10 % and network <= 5 MB),
--   applied to the stored 7-day means avg_cpu_7d / avg_network_7d (as_of-6 .. as_of). A full window is
--   required (launched before as_of-6). Read literally: autoscaling members and GPU instances count too
--   (their group's or GPU finding may also hold; the key's counts_for_savings says which saving counts).
-- Saving: stop the instance, hourly_cost x 730 h.
\if :{?cpu_threshold} \else \set cpu_threshold 10 \endif
\if :{?network_threshold} \else \set network_threshold 5 \endif
select 'instance'::text as resource_type,
       i.instance_id as resource_id,
       round(i.hourly_cost * 730, 4) as estimated_monthly_savings,
       i.name, i.region, i.env, i.instance_type, i.hourly_cost,
       i.avg_cpu_7d, i.avg_network_7d, i.last_active_at
from instances i
where i.account_id = :'account_id'::uuid
  and i.state = 'running'
  and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - interval '6 days'
  and i.avg_cpu_7d <= :cpu_threshold and i.avg_network_7d <= :network_threshold
order by estimated_monthly_savings desc, resource_id;

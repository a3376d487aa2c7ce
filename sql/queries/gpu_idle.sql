-- gpu_idle: Which standalone running GPU instances are idle: last active more than 24 hours before the
--   start of as_of, or under 5 % mean CPU over the last 7 days (as_of-6 .. as_of)?
-- Parameters: account_id (uuid), as_of (date); cpu_threshold (default 5, %), inactive_hours (default 24).
-- Threshold source: AWS Compute Optimizer idle recommendations (peak utilisation < 5 %) and the waste
--   catalog's GPU rule (no activity for 24 h). as_of_start = as_of 00:00 UTC.
-- Saving: stop the instance, hourly_cost x 730 h (gpu_hourly_cost is the GPU part of that price).
\if :{?cpu_threshold} \else \set cpu_threshold 5 \endif
\if :{?inactive_hours} \else \set inactive_hours 24 \endif
select 'instance'::text as resource_type,
       i.instance_id as resource_id,
       round(i.hourly_cost * 730, 4) as estimated_monthly_savings,
       i.name, i.region, i.env, i.instance_type, i.gpu_count, i.hourly_cost, i.gpu_hourly_cost,
       i.avg_cpu_7d, i.last_active_at
from instances i
where i.account_id = :'account_id'::uuid
  and i.state = 'running' and i.autoscaling_group_id is null and i.has_gpu
  and (i.last_active_at < (:'as_of'::date)::timestamp at time zone 'UTC' - make_interval(hours => :inactive_hours)
       or i.avg_cpu_7d < :cpu_threshold)
order by estimated_monthly_savings desc, resource_id;

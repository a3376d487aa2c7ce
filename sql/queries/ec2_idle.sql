-- ec2_idle: Which standalone running (non-GPU) instances were idle over the last 7 days?
-- Parameters: account_id (uuid), as_of (date); cpu_threshold (default 10, %), network_threshold
--   (default 5, MB/day).
-- Threshold source: AWS Trusted Advisor low-utilization EC2 check (CPU <= 10 % and network <= 5 MB),
--   applied to the stored 7-day means avg_cpu_7d / avg_network_7d (as_of-6 .. as_of).
-- Saving: stop the instance, hourly_cost x 730 h. Autoscaling-group members and GPU instances are left
--   to asg_overprovisioned and gpu_idle.
\if :{?cpu_threshold} \else \set cpu_threshold 10 \endif
\if :{?network_threshold} \else \set network_threshold 5 \endif
select 'instance'::text as resource_type,
       i.instance_id as resource_id,
       round(i.hourly_cost * 730, 4) as estimated_monthly_savings,
       i.name, i.region, i.env, i.instance_type, i.hourly_cost,
       i.avg_cpu_7d, i.avg_network_7d, i.last_active_at
from instances i
where i.account_id = :'account_id'::uuid
  and i.state = 'running' and i.autoscaling_group_id is null
  and not i.has_gpu
  and i.avg_cpu_7d <= :cpu_threshold and i.avg_network_7d <= :network_threshold
order by estimated_monthly_savings desc, resource_id;

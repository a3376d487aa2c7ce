-- asg_overprovisioned: Which autoscaling groups run more instances than their minimum while their
--   running members average under 10 % CPU over the last 7 days (as_of-6 .. as_of)?
-- Parameters: account_id (uuid), as_of (date, the 7-day window of avg_cpu_7d); cpu_threshold (default 10, %).
-- Threshold source: AWS Trusted Advisor's idle EC2 CPU line (10 %), applied to the group's members.
-- Saving: scale desired_capacity down to min_size, (desired - min) x member hourly_cost x 730.
\if :{?cpu_threshold} \else \set cpu_threshold 10 \endif
select 'autoscaling_group'::text as resource_type,
       g.id::text as resource_id,
       round((g.desired_capacity - g.min_size) * avg(i.hourly_cost) * 730, 4) as estimated_monthly_savings,
       g.name, g.region, g.env, g.instance_type,
       g.min_size, g.desired_capacity, g.max_size,
       count(*) as running_members, round(avg(i.avg_cpu_7d), 2) as members_avg_cpu_7d,
       avg(i.hourly_cost) as member_hourly_cost
from autoscaling_groups g
join instances i on i.autoscaling_group_id = g.id and i.account_id = g.account_id and i.state = 'running'
where g.account_id = :'account_id'::uuid
group by g.id, g.name, g.region, g.env, g.instance_type, g.min_size, g.desired_capacity, g.max_size
having g.desired_capacity > g.min_size and avg(i.avg_cpu_7d) < :cpu_threshold
order by estimated_monthly_savings desc, resource_id;

-- asg_fleet: For each auto scaling group of the account, how many members run against its desired
--   capacity, what do they cost an hour and how busy are they?
-- Parameters: account_id (uuid).
-- Shape: a join of a parent to its members (autoscaling_groups <- instances.autoscaling_group_id).
-- Served by: idx_autoscaling_groups_account_id (spec), then idx_instances_asg_id (spec, partial).
-- Checked by: tests/support/check-adhoc.py.
select g.name,
       g.instance_type,
       g.desired_capacity,
       count(i.id)                                                 as members,
       count(i.id) filter (where i.state = 'running')              as running,
       coalesce(sum(i.hourly_cost) filter (where i.state = 'running'), 0)   as running_hourly_cost,
       round(avg(i.avg_cpu_7d) filter (where i.state = 'running'), 2)       as running_avg_cpu
from autoscaling_groups g
left join instances i on i.autoscaling_group_id = g.id and i.account_id = g.account_id
where g.account_id = :'account_id'::uuid
group by g.id, g.name, g.instance_type, g.desired_capacity
order by running_hourly_cost desc, g.name, g.id;

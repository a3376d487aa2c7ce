-- ec2_stopped_30d: Which instances have been stopped for more than 30 days (stopped before as_of 00:00 UTC
--   minus 30 days), and what still bills for them?
-- Parameters: account_id (uuid), as_of (date); stopped_days (default 30).
-- Threshold source: AWS Trusted Advisor / AWS Config rule "stopped for more than 30 days"; Steampipe AWS
--   Thrifty flags the volumes of stopped instances. last_active_at of a stopped instance is its stop time.
-- Saving: the gp3 root volume that still bills: the attached gp3 in-use volume's monthly_cost (the
--   smallest attached gp3, i.e. the root). EIPs are counted by eip_unassociated, not here.
\if :{?stopped_days} \else \set stopped_days 30 \endif
select 'instance'::text as resource_type,
       i.instance_id as resource_id,
       coalesce(root.monthly_cost, 0) as estimated_monthly_savings,
       i.name, i.region, i.env, i.instance_type, i.last_active_at as stopped_at,
       round(extract(epoch from (:'as_of'::date)::timestamp at time zone 'UTC' - i.last_active_at) / 86400, 1)
         as days_stopped,
       root.volume_id as root_volume_id, root.size_gib as root_volume_gib,
       (select coalesce(sum(v.monthly_cost), 0) from volumes v
         where v.account_id = :'account_id'::uuid and v.attached_instance_id = i.instance_id) as attached_volumes_monthly_cost
from instances i
left join lateral (
  select v.volume_id, v.size_gib, v.monthly_cost from volumes v
  where v.account_id = :'account_id'::uuid and v.attached_instance_id = i.instance_id
    and v.volume_type = 'gp3' and v.state = 'in-use'
  order by v.size_gib, v.volume_id limit 1) root on true
where i.account_id = :'account_id'::uuid
  and i.state = 'stopped'
  and i.last_active_at < (:'as_of'::date)::timestamp at time zone 'UTC' - make_interval(days => :stopped_days)
order by estimated_monthly_savings desc, resource_id;

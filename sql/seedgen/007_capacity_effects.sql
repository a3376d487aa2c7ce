-- What an executed action does to an autoscaling group, a database or a cache cluster (see
-- 005_action_effects.sql for the contract). A smaller size keeps the workload: utilisation grows by the
-- ratio of the list prices (within a family, price follows capacity), so a size that is too small
-- saturates, and the effect returns the projected CPU. Idempotent file.
set check_function_bodies = off;

-- asg_effect: scale_asg to params.desired_capacity (within the group's min and max); the oldest running
-- members stay, the others are terminated.
create or replace function seedgen.asg_effect(a seedgen.executed_actions, p_first boolean) returns jsonb
language plpgsql as $$
declare
  r public.autoscaling_groups;
  wanted_text text := a.params ->> 'desired_capacity';
  wanted integer;
  busy numeric;
  running integer;
  terminated text[];
begin
  select * into r from public.autoscaling_groups g where g.account_id = a.account_id and g.id::text = a.resource_id;
  if not found then
    return case when p_first then seedgen.refusal('ValidationError', 'autoscaling group ' || a.resource_id || ' does not exist') end;
  end if;
  if wanted_text is null or wanted_text !~ '^[0-9]{1,6}$' then
    return seedgen.refusal('ValidationError', 'scale_asg needs params.desired_capacity, a whole number');
  end if;
  wanted := wanted_text::int;
  if p_first and (wanted < r.min_size or wanted > r.max_size) then
    return seedgen.refusal('ValidationError', format('desired capacity %s is outside the group''s min %s and max %s',
                                                     wanted, r.min_size, r.max_size));
  end if;
  select sum(i.avg_cpu_7d), count(*) into busy, running from public.instances i
   where i.account_id = a.account_id and i.autoscaling_group_id = r.id and i.state in ('running', 'pending');
  update public.autoscaling_groups set desired_capacity = wanted, updated_at = a.executed_at
   where id = r.id and desired_capacity <> wanted;
  with gone as (
    update public.instances i set state = 'terminated', avg_cpu_7d = 0, avg_network_7d = 0, updated_at = a.executed_at
      from (select m.id, row_number() over (order by m.launch_time, m.instance_id) as rank
              from public.instances m
             where m.account_id = a.account_id and m.autoscaling_group_id = r.id and m.state in ('running', 'pending')) ranked
     where i.id = ranked.id and ranked.rank > wanted
    returning i.instance_id)
  select array_agg(instance_id) into terminated from gone;
  delete from public.metrics_daily m
   where m.account_id = a.account_id and m.resource_type = 'instance' and m.resource_id = any (terminated) and m.date > a.day;
  return jsonb_build_object('projected_cpu', case when wanted > 0 then round(coalesce(busy, 0) / wanted, 2)
                                                  when running > 0 then 100 else 0 end);
end
$$;

-- database_effect: stop, start and downsize_rds of a database; downsize_cache of a cache cluster.
create or replace function seedgen.database_effect(a seedgen.executed_actions, p_first boolean) returns jsonb
language plpgsql as $$
declare
  r public.rds_instances;
  c public.cache_clusters;
  sizing jsonb;
  target text;
  current_size text;
  region text;
  cpu numeric;
  old_price numeric;
  new_price numeric;
begin
  if a.resource_type = 'rds_instance' then
    select * into r from public.rds_instances d where d.account_id = a.account_id and d.db_instance_id = a.resource_id;
    current_size := r.instance_class; region := r.region; cpu := r.avg_cpu_7d;
  else
    select * into c from public.cache_clusters k where k.account_id = a.account_id and k.cluster_id = a.resource_id;
    current_size := c.node_type; region := c.region; cpu := c.avg_cpu_7d;
  end if;
  if current_size is null then
    return case when p_first then seedgen.refusal('DBInstanceNotFound', a.resource_type || ' ' || a.resource_id || ' does not exist') end;
  end if;
  if a.action_type in ('stop', 'start') then
    if p_first and r.state <> (case a.action_type when 'stop' then 'available' else 'stopped' end) then
      return seedgen.refusal('InvalidDBInstanceState', 'database ' || a.resource_id || ' is ' || r.state);
    end if;
    if a.action_type = 'stop' then
      update public.rds_instances set state = 'stopped', avg_cpu_7d = 0, avg_connections_7d = 0, updated_at = a.executed_at
       where id = r.id and state = 'available';
      perform seedgen.silence_metrics_after(a.account_id, 'rds_instance', a.resource_id, a.day);
    else
      update public.rds_instances set state = 'available', updated_at = a.executed_at where id = r.id and state = 'stopped';
    end if;
    return '{}';
  end if;
  sizing := case a.resource_type
              when 'rds_instance' then seedgen.new_size(a, p_first, 'instance_class', 'rds.%s.hour', current_size, region)
              else seedgen.new_size(a, p_first, 'node_type', 'elasticache.%s.hour', current_size, region) end;
  if sizing ? 'error' then
    return sizing;
  end if;
  target := sizing ->> 'target';
  old_price := (sizing ->> 'old_price')::numeric;
  new_price := (sizing ->> 'new_price')::numeric;
  if current_size <> target then
    if a.resource_type = 'rds_instance' then
      update public.rds_instances
         set instance_class = target, hourly_cost = round(hourly_cost * new_price / old_price, 4),
             avg_cpu_7d = least(100, round(avg_cpu_7d * old_price / new_price, 2)), updated_at = a.executed_at
       where id = r.id;
    else
      update public.cache_clusters
         set node_type = target, hourly_cost = round(hourly_cost * new_price / old_price, 4),
             avg_cpu_7d = least(100, round(avg_cpu_7d * old_price / new_price, 2)),
             avg_memory_7d = least(100, round(avg_memory_7d * old_price / new_price, 2)), updated_at = a.executed_at
       where id = c.id;
    end if;
    perform seedgen.rescale_metrics_after(a.account_id, a.resource_type, a.resource_id, a.day, old_price / new_price,
                                          new_price / old_price, target);
  end if;
  return jsonb_build_object('projected_cpu', round(cpu * old_price / new_price, 2));
end
$$;

reset check_function_bodies;

-- What an executed action does to a volume, snapshot, address, load balancer, log group or bucket (see
-- 005_action_effects.sql for the contract). Idempotent file.
set check_function_bodies = off;

-- volume_effect: delete_volume and modify_volume_type.
create or replace function seedgen.volume_effect(a seedgen.executed_actions, p_first boolean) returns jsonb
language plpgsql as $$
declare
  r public.volumes;
  target text := coalesce(a.params ->> 'volume_type', 'gp3');
  new_price numeric;
  new_cost numeric;
begin
  select * into r from public.volumes v where v.account_id = a.account_id and v.volume_id = a.resource_id;
  if not found then
    return case when p_first then seedgen.refusal('InvalidVolume.NotFound', 'volume ' || a.resource_id || ' does not exist') end;
  end if;
  if a.action_type = 'delete_volume' then
    if p_first and r.state = 'in-use' then
      return seedgen.refusal('VolumeInUse', 'volume ' || a.resource_id || ' is attached to ' || coalesce(r.attached_instance_id, 'an instance'));
    end if;
    delete from public.volumes where id = r.id;
    perform seedgen.drop_metrics_after(a.account_id, 'volume', a.resource_id, a.day);
    return '{}';
  end if;
  new_price := seedgen.price_of('ebs.' || target || '.gb_month', r.region);
  if new_price is null then
    return seedgen.refusal('InvalidParameterValue', 'volume type ' || target || ' is not offered in ' || r.region);
  end if;
  if p_first and target = r.volume_type then
    return seedgen.refusal('InvalidParameterCombination', 'volume ' || a.resource_id || ' is already ' || target);
  end if;
  if r.volume_type <> target then
    new_cost := round(r.size_gib * new_price, 4);
    update public.volumes set volume_type = target, monthly_cost = new_cost, updated_at = a.executed_at where id = r.id;
    perform seedgen.rescale_metrics_after(a.account_id, 'volume', a.resource_id, a.day, 1,
                                          case when r.monthly_cost > 0 then new_cost / r.monthly_cost else 1 end, target);
  end if;
  return '{}';
end
$$;

-- removal_effect: delete_snapshot, release_eip and delete_load_balancer (the resource goes; an address
-- still associated is refused, as AWS refuses it; a load balancer's addresses stay allocated, unassociated).
create or replace function seedgen.removal_effect(a seedgen.executed_actions, p_first boolean) returns jsonb
language plpgsql as $$
declare
  gone integer;
begin
  if a.resource_type = 'snapshot' then
    delete from public.snapshots where account_id = a.account_id and snapshot_id = a.resource_id;
    get diagnostics gone = row_count;
  elsif a.resource_type = 'elastic_ip' then
    if p_first and exists (select from public.elastic_ips e where e.account_id = a.account_id
                                                             and e.allocation_id = a.resource_id and e.state = 'associated') then
      return seedgen.refusal('InvalidIPAddress.InUse', 'address ' || a.resource_id || ' is associated; disassociate it first');
    end if;
    delete from public.elastic_ips where account_id = a.account_id and allocation_id = a.resource_id;
    get diagnostics gone = row_count;
  else
    delete from public.load_balancers where account_id = a.account_id and lb_arn = a.resource_id;
    get diagnostics gone = row_count;
    perform seedgen.disassociate_addresses(a, null, a.resource_id);
  end if;
  if p_first and gone = 0 then
    return seedgen.refusal('InvalidParameterValue', a.resource_type || ' ' || a.resource_id || ' does not exist');
  end if;
  perform seedgen.drop_metrics_after(a.account_id, a.resource_type, a.resource_id, a.day);
  return '{}';
end
$$;

-- setting_effect: set_log_retention (one of CloudWatch's retention periods) and add_s3_lifecycle (a
-- lifecycle policy {"rules": [...]}, by default one moving objects to STANDARD_IA after 30 days).
create or replace function seedgen.setting_effect(a seedgen.executed_actions, p_first boolean) returns jsonb
language plpgsql as $$
declare
  days_text text := a.params ->> 'retention_days';
  policy jsonb := coalesce(a.params -> 'lifecycle_policy',
                           '{"rules": [{"id": "seedgen-to-ia", "storage_class": "STANDARD_IA", "transition_days": 30}]}');
begin
  if a.resource_type = 'log_group' then
    if days_text is null or days_text !~ '^[0-9]{1,4}$' or days_text::int not in
       (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653) then
      return seedgen.refusal('InvalidParameterException', 'params.retention_days must be one of CloudWatch''s retention '
                             || 'periods (1, 3, 5, 7, 14, 30, 60, 90, ... 3653 days), not ' || coalesce(days_text, 'missing'));
    end if;
    update public.log_groups set retention_days = days_text::int
     where account_id = a.account_id and id::text = a.resource_id and retention_days is distinct from days_text::int;
    return '{}';
  end if;
  if jsonb_typeof(policy) <> 'object' or jsonb_typeof(policy -> 'rules') is distinct from 'array'
     or jsonb_array_length(policy -> 'rules') = 0 then
    return seedgen.refusal('MalformedXML', 'params.lifecycle_policy must be an object with a non-empty "rules" array');
  end if;
  update public.s3_buckets set lifecycle_policy = policy
   where account_id = a.account_id and name = a.resource_id and lifecycle_policy is distinct from policy;
  return '{}';
end
$$;

reset check_function_bodies;

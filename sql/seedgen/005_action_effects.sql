-- What an executed optimization action does to the estate (docs/AGENTS.md, "Execution"). One function,
-- seedgen.action_effect, applies an action to its resource, mirroring AWS's refusals on the first run.
-- It is idempotent: every drift day runs it again for every completed action after the model's own
-- changes, so a terminated instance stays terminated and a resized one keeps its new type and price
-- (docs/DRIFT.md). Daily rows dated after the action's day follow it: removed resources lose them,
-- stopped ones report zeros, resized ones report rescaled utilisation and cost. Idempotent file; it runs
-- before the migrations on a new database, so function bodies are not checked against tables yet.
set check_function_bodies = off;

-- price_of: a list price of seedgen.prices, null when the sku is not priced in the region.
create or replace function seedgen.price_of(p_sku text, p_region text) returns numeric
language sql stable as $$
  select p.usd from seedgen.prices p where p.sku = p_sku and p.region = p_region
$$;

-- drop_metrics_after / silence_metrics_after / rescale_metrics_after: the daily metrics of a resource dated
-- after day p_day removed, set to zero, or rescaled (utilisation by p_cpu, capped at 100; cost by p_cost)
-- once per target size, marked by "resized_to".
create or replace function seedgen.drop_metrics_after(p_account uuid, p_type text, p_id text, p_day date) returns void
language sql as $$
  delete from public.metrics_daily m
   where m.account_id = p_account and m.resource_type = p_type and m.resource_id = p_id and m.date > p_day
$$;

create or replace function seedgen.silence_metrics_after(p_account uuid, p_type text, p_id text, p_day date) returns void
language sql as $$
  update public.metrics_daily m
     set metric_payload = (select jsonb_object_agg(key, case when jsonb_typeof(value) = 'number' then to_jsonb(0.00) else value end)
                             from jsonb_each(m.metric_payload)),
         estimated_daily_cost = 0
   where m.account_id = p_account and m.resource_type = p_type and m.resource_id = p_id and m.date > p_day
     and (m.estimated_daily_cost <> 0 or exists (select from jsonb_each(m.metric_payload)
                                                   where jsonb_typeof(value) = 'number' and value::text::numeric <> 0))
$$;

create or replace function seedgen.rescale_metrics_after(p_account uuid, p_type text, p_id text, p_day date,
                                                         p_cpu numeric, p_cost numeric, p_marker text) returns void
language sql as $$
  update public.metrics_daily m
     set metric_payload = m.metric_payload || jsonb_build_object('resized_to', p_marker)
           || coalesce((select jsonb_object_agg(key, to_jsonb(least(100, round(value::text::numeric * p_cpu, 2))))
                          from jsonb_each(m.metric_payload) where key in ('cpu_avg', 'cpu_max', 'memory_avg')), '{}'),
         estimated_daily_cost = round(m.estimated_daily_cost * p_cost, 4)
   where m.account_id = p_account and m.resource_type = p_type and m.resource_id = p_id and m.date > p_day
     and m.metric_payload ->> 'resized_to' is distinct from p_marker
$$;

-- key_waste_addresses: addresses an action left unassociated, or on an instance that is not running, are
-- eip_unassociated waste from then on (sql/queries/eip_unassociated.sql): the key says so.
create or replace function seedgen.key_waste_addresses(p_account uuid, p_allocations text[]) returns void
language sql as $$
  insert into seedgen.planted_waste (account_id, resource_type, resource_id, pattern, estimated_monthly_savings)
  select e.account_id, 'elastic_ip', e.allocation_id, 'eip_unassociated', round(e.hourly_cost * 730, 4)
    from public.elastic_ips e
    left join public.instances i on i.account_id = e.account_id and i.instance_id = e.associated_instance_id
   where e.account_id = p_account and e.allocation_id = any (p_allocations)
     and (e.state = 'unassociated' or (e.associated_instance_id is not null and i.state <> 'running'))
  on conflict do nothing
$$;

-- disassociate_addresses: the addresses on instance p_instance or load balancer p_lb left unassociated at
-- action `a`'s time, and keyed as waste.
create or replace function seedgen.disassociate_addresses(a seedgen.executed_actions, p_instance text, p_lb text)
returns void
language plpgsql as $$
declare
  addresses text[];
begin
  with moved as (
    update public.elastic_ips
       set state = 'unassociated', associated_instance_id = null, associated_lb_arn = null, updated_at = a.executed_at
     where account_id = a.account_id and (associated_instance_id = p_instance or associated_lb_arn = p_lb)
    returning allocation_id)
  select array_agg(allocation_id) into addresses from moved;
  perform seedgen.key_waste_addresses(a.account_id, addresses);
end
$$;

-- refusal: the error an action_effect returns, in AWS's words.
create or replace function seedgen.refusal(p_code text, p_message text) returns jsonb
language sql immutable as $$ select jsonb_build_object('error', p_code || ': ' || p_message) $$;

-- new_size: the target of a resize or downsize (params.<p_param>) and the list prices of the current size
-- p_current and the target in p_region, as {"target", "old_price", "new_price"}; or the refusal: no
-- target, a target not priced in the region, or (first run) the size the resource already has. p_sku is
-- the size's sku with %s for the size, e.g. 'ec2.%s.hour'. An unpriced current size counts as the target's.
create or replace function seedgen.new_size(a seedgen.executed_actions, p_first boolean, p_param text, p_sku text,
                                            p_current text, p_region text) returns jsonb
language plpgsql stable as $$
declare
  target text := a.params ->> p_param;
  new_price numeric;
begin
  if target is null then
    return seedgen.refusal('MissingParameter', a.action_type || ' needs params.' || p_param);
  end if;
  new_price := seedgen.price_of(format(p_sku, target), p_region);
  if new_price is null or new_price = 0 then
    return seedgen.refusal('InvalidParameterValue', target || ' is not offered in ' || p_region);
  end if;
  if p_first and target = p_current then
    return seedgen.refusal('InvalidParameterValue', a.resource_type || ' ' || a.resource_id || ' is already ' || target);
  end if;
  return jsonb_build_object('target', target, 'new_price', new_price,
                            'old_price', coalesce(nullif(seedgen.price_of(format(p_sku, p_current), p_region), 0), new_price));
end
$$;

-- instance_effect: stop, start, terminate and resize of an EC2 instance.
create or replace function seedgen.instance_effect(a seedgen.executed_actions, p_first boolean) returns jsonb
language plpgsql as $$
declare
  r public.instances;
  sizing jsonb;
  old_price numeric;
  new_price numeric;
begin
  select * into r from public.instances i where i.account_id = a.account_id and i.instance_id = a.resource_id;
  if not found then
    return case when p_first then seedgen.refusal('InvalidInstanceID.NotFound', 'instance ' || a.resource_id || ' does not exist') end;
  end if;
  if p_first and r.state = 'terminated' then
    return seedgen.refusal('IncorrectInstanceState', 'instance ' || a.resource_id || ' is terminated');
  end if;
  if a.action_type = 'stop' then
    if p_first and r.state <> 'running' then
      return seedgen.refusal('IncorrectInstanceState', 'instance ' || a.resource_id || ' is ' || r.state || ', not running');
    end if;
    update public.instances set state = 'stopped', avg_cpu_7d = 0, avg_network_7d = 0, updated_at = a.executed_at
     where id = r.id and state in ('running', 'pending');
    perform seedgen.silence_metrics_after(a.account_id, 'instance', a.resource_id, a.day);
    perform seedgen.key_waste_addresses(a.account_id, array(select e.allocation_id from public.elastic_ips e
                                                             where e.account_id = a.account_id
                                                               and e.associated_instance_id = a.resource_id));
  elsif a.action_type = 'start' then
    if p_first and r.state <> 'stopped' then
      return seedgen.refusal('IncorrectInstanceState', 'instance ' || a.resource_id || ' is ' || r.state || ', not stopped');
    end if;
    update public.instances set state = 'running', updated_at = a.executed_at where id = r.id and state = 'stopped';
  elsif a.action_type = 'terminate' then
    if p_first and coalesce(r.tags ->> 'DisableApiTermination', '') = 'true' then
      return seedgen.refusal('OperationNotPermitted', 'instance ' || a.resource_id ||
                             ' may not be terminated: its DisableApiTermination attribute is set');
    end if;
    update public.instances set state = 'terminated', avg_cpu_7d = 0, avg_network_7d = 0, updated_at = a.executed_at
     where id = r.id and state <> 'terminated';
    perform seedgen.drop_metrics_after(a.account_id, 'instance', a.resource_id, a.day);
    -- params.snapshot_first: a final snapshot of each volume first (a full copy; ids derived from the action).
    if p_first and coalesce(a.params ->> 'snapshot_first', 'false') = 'true' then
      insert into public.snapshots (id, account_id, snapshot_id, region, source_volume_id, size_gib, monthly_cost, tags, created_at)
      select md5('snapshot:' || a.action_id || v.volume_id)::uuid, v.account_id,
             'snap-' || substr(md5('snapshot:' || a.action_id || v.volume_id), 1, 17), v.region, v.volume_id, v.size_gib,
             round(v.size_gib * coalesce(seedgen.price_of('snapshot.gb_month', v.region), 0), 4),
             coalesce(v.tags, '{}') || jsonb_build_object('Name', 'final-' || v.volume_id, 'CreatedBy', 'seedgen act',
                                                          'action_id', a.action_id),
             a.executed_at
        from public.volumes v where v.account_id = a.account_id and v.attached_instance_id = a.resource_id;
    end if;
    -- Its volumes go with it (DeleteOnTermination), and its address is disassociated.
    perform seedgen.clear_findings(a, 'volume', v.volume_id), seedgen.drop_metrics_after(a.account_id, 'volume', v.volume_id, a.day)
       from public.volumes v where v.account_id = a.account_id and v.attached_instance_id = a.resource_id;
    delete from public.volumes v where v.account_id = a.account_id and v.attached_instance_id = a.resource_id;
    perform seedgen.disassociate_addresses(a, a.resource_id, null);
  else -- resize
    sizing := seedgen.new_size(a, p_first, 'instance_type', 'ec2.%s.hour', r.instance_type, r.region);
    if sizing ? 'error' then
      return sizing;
    end if;
    old_price := (sizing ->> 'old_price')::numeric;
    new_price := (sizing ->> 'new_price')::numeric;
    if r.instance_type <> sizing ->> 'target' and r.state <> 'terminated' then
      update public.instances
         set instance_type = sizing ->> 'target', hourly_cost = round(hourly_cost * new_price / old_price, 4),
             avg_cpu_7d = least(100, round(avg_cpu_7d * old_price / new_price, 2)), updated_at = a.executed_at
       where id = r.id;
      perform seedgen.rescale_metrics_after(a.account_id, 'instance', a.resource_id, a.day, old_price / new_price,
                                            new_price / old_price, sizing ->> 'target');
    end if;
    return jsonb_build_object('projected_cpu', round(r.avg_cpu_7d * old_price / new_price, 2));
  end if;
  return '{}';
end
$$;

reset check_function_bodies;

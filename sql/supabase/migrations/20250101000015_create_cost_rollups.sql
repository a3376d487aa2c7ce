-- Cost roll-ups: resource_monthly_costs(as_of), the monthly cost of every resource, transfer flow and
-- commitment of the estate, priced exactly as seedgen prices its seedgen.runs.monthly_cost but from the
-- stored columns; and cost_rollup_monthly, its sum per account, service, region and env, which every
-- seedgen load refreshes in its transaction.

-- resource_monthly_costs: one row per resource of the 14 resource types (is_resource) plus one per
-- data-transfer flow and per commitment active on as_of (cost lines that are not resources). USD/month,
-- H = 730 h, a month of days = 730/24. resource_type and resource_id follow docs/DATA.md; region is
-- 'unknown' for an unassociated elastic IP and 'global' for a commitment without a regional scope; env
-- is 'untagged' where the row has none (volumes and snapshots take it from their env tag, attached
-- volumes and associated addresses from their instance or load balancer).
-- Two figures differ slightly from the generator's own, which uses values the tables do not keep: log
-- ingestion is priced at the mean of the last 30 days (the generator prices the drawn daily level), and
-- the hourly prices of RDS, cache, load balancers, EIPs, managed services and streaming are the stored
-- 4-decimal ones. Security invoker: an authenticated caller sees only its own account's rows.
create function public.resource_monthly_costs(as_of date)
returns table (
  account_id uuid, resource_type text, resource_id text, name text, region text, env text,
  monthly_cost numeric, is_resource boolean
)
language sql
stable
as $$
  select i.account_id, 'instance', i.instance_id, i.name, i.region, i.env,
         case when i.state in ('running', 'pending') then i.hourly_cost * 730 else 0 end, true
    from public.instances i
  union all
  -- The control plane: the cluster's estimated_hourly_cost less its nodes, which are priced below.
  select c.account_id, 'container_cluster', c.id::text, c.name, c.region, c.env,
         (coalesce(c.estimated_hourly_cost, 0) - nodes.hourly) * 730, true
    from public.container_clusters c
   cross join lateral (select coalesce(sum(n.hourly_cost), 0) from public.container_nodes n
                        where n.cluster_id = c.id) nodes(hourly)
  union all
  select c.account_id, 'container_node', n.id::text, n.instance_id, n.region, c.env,
         case when n.state = 'running' then n.hourly_cost * 730 else 0 end, true
    from public.container_nodes n
    join public.container_clusters c on c.id = n.cluster_id
  union all
  select l.account_id, 'lambda_function', l.id::text, l.name, l.region, l.env,
         coalesce(l.estimated_monthly_cost, 0), true
    from public.lambda_functions l
  union all
  select v.account_id, 'volume', v.volume_id, v.tags ->> 'Name', v.region,
         coalesce(v.tags ->> 'env', i.env, 'untagged'), v.monthly_cost, true
    from public.volumes v
    -- Same account: lets the planner reach the instance through the account instead of hashing the fleet.
    left join public.instances i on i.instance_id = v.attached_instance_id and i.account_id = v.account_id
  union all
  select s.account_id, 'snapshot', s.snapshot_id, s.tags ->> 'Name', s.region,
         coalesce(s.tags ->> 'env', 'untagged'), s.monthly_cost, true
    from public.snapshots s
  union all
  -- 30 x the as_of day's storage and request charge.
  select b.account_id, 's3_bucket', b.name, b.name, b.region, b.env,
         30 * (coalesce(u.estimated_storage_cost, 0) + coalesce(u.estimated_request_cost, 0)), true
    from public.s3_buckets b
    left join public.s3_bucket_usage_daily u on u.bucket_id = b.id and u.date = as_of
  union all
  -- A stopped database still pays for its storage.
  select r.account_id, 'rds_instance', r.db_instance_id, r.db_instance_id, r.region, r.env,
         case when r.state = 'stopped' then 0 else r.hourly_cost * 730 end + coalesce(r.storage_monthly_cost, 0), true
    from public.rds_instances r
  union all
  select k.account_id, 'cache_cluster', k.cluster_id, k.cluster_id, k.region, k.env, k.hourly_cost * 730, true
    from public.cache_clusters k
  union all
  select lb.account_id, 'load_balancer', lb.lb_arn, lb.name, lb.region, lb.env, lb.hourly_cost * 730, true
    from public.load_balancers lb
  union all
  select e.account_id, 'elastic_ip', e.allocation_id, e.public_ip, coalesce(i.region, lb.region, 'unknown'),
         coalesce(i.env, lb.env, 'untagged'), e.hourly_cost * 730, true
    from public.elastic_ips e
    left join public.instances i on i.instance_id = e.associated_instance_id and i.account_id = e.account_id
    left join public.load_balancers lb on lb.lb_arn = e.associated_lb_arn and lb.account_id = e.account_id
  union all
  select m.account_id, 'managed_service', m.id::text, m.name, m.region, m.env, m.hourly_cost * 730, true
    from public.managed_services m
  union all
  select sc.account_id, 'streaming_cluster', sc.id::text, sc.name, sc.region, sc.env, sc.hourly_cost * 730, true
    from public.streaming_clusters sc
  union all
  -- Ingestion at its mean of the last 30 days, storage at the as_of day's charge, both on a monthly scale.
  select g.account_id, 'log_group', g.id::text, g.name, g.region, g.env,
         (coalesce(usage.ingestion, 0) + coalesce(usage.storage, 0)) * 730 / 24, true
    from public.log_groups g
   cross join lateral (select avg(u.estimated_ingestion_cost), max(u.estimated_storage_cost) filter (where u.date = as_of)
                         from public.log_group_usage_daily u
                        where u.log_group_id = g.id and u.date between as_of - 29 and as_of) usage(ingestion, storage)
  union all
  -- A flow's mean daily cost over the history kept (the profile's usage window), on a monthly scale.
  select t.account_id, 'data_transfer', t.source_region || '->' || t.dest_region || ':' || t.direction,
         t.direction, case when t.source_region = 'internet' then t.dest_region else t.source_region end,
         'untagged', avg(coalesce(t.estimated_transfer_cost, 0)) * 730 / 24, false
    from public.data_transfer_daily t
   where t.date <= as_of
   group by t.account_id, t.source_region, t.dest_region, t.direction
  union all
  -- An active commitment adds the unused part of its fee (the used part pays for resources priced above).
  select c.account_id, 'commitment', c.id::text, c.commitment_type || ' ' || c.scope,
         case when c.scope like '%:%:%' then split_part(c.scope, ':', 3) else 'global' end, 'untagged',
         (1 - coalesce(utilization.mean, 100) / 100) * c.hourly_commitment_amount * 730, false
    from public.commitments c
   cross join lateral (select avg(d.utilization_percent) from public.commitment_utilization_daily d
                        where d.commitment_id = c.id and d.date between as_of - 29 and as_of) utilization(mean)
   where c.start_date <= as_of and as_of <= c.end_date
$$;

comment on function public.resource_monthly_costs(date) is
  'Monthly cost in USD of every resource (is_resource), transfer flow and active commitment as of a date, priced as seedgen prices seedgen.runs.monthly_cost';

revoke all on function public.resource_monthly_costs(date) from public, anon;
grant execute on function public.resource_monthly_costs(date) to authenticated, service_role;

-- cost_rollup_monthly: the estate's monthly cost per account, service (resource_type), region and env, as
-- of the last day of metrics_daily (the load's as_of). resources counts the 14 resource types only, so it
-- is 0 on the data_transfer and commitment lines.
create materialized view public.cost_rollup_monthly as
select c.as_of, c.account_id, c.resource_type as service, c.region, c.env,
       count(*) filter (where c.is_resource) as resources,
       round(sum(c.monthly_cost), 4) as monthly_cost
  from (select d.as_of, r.*
          from (select max(date) as as_of from public.metrics_daily) d
         cross join lateral public.resource_monthly_costs(d.as_of) r) c
 group by c.as_of, c.account_id, c.resource_type, c.region, c.env;

-- Unique, so that REFRESH ... CONCURRENTLY is possible; it also serves per-account reads.
create unique index cost_rollup_monthly_key on public.cost_rollup_monthly (account_id, service, region, env);
-- The global queries filter on as_of and page through the lines by cost.
create index idx_cost_rollup_monthly_cost on public.cost_rollup_monthly (as_of, monthly_cost desc);

comment on materialized view public.cost_rollup_monthly is
  'Monthly cost in USD per account, service, region and env (resource_monthly_costs summed), as of the last metrics_daily day; refreshed by every seedgen load, inside its transaction';

-- A materialized view has no row level security: only service_role may read it. Start from nothing, as
-- 013 does, so that Supabase's default privileges (ALL to the three roles) end in the same state.
revoke all on public.cost_rollup_monthly from public, anon, authenticated, service_role;
grant select on public.cost_rollup_monthly to service_role;

-- resource_cost_monthly: the same costs per resource (and per transfer flow and commitment), kept for the
-- per-account questions (rollup_account_cost, hygiene_missing_tags): computing resource_monthly_costs
-- for the largest account of profile large takes ~60 ms of the 100 ms budget, reading its rows here a few.
-- Refreshed by every load like cost_rollup_monthly (which is computed from the function on its own, so the
-- order of the refreshes does not matter).
create materialized view public.resource_cost_monthly as
select d.as_of, r.account_id, r.resource_type, r.resource_id, r.name, r.region, r.env, r.monthly_cost, r.is_resource
  from (select max(date) as as_of from public.metrics_daily) d
 cross join lateral public.resource_monthly_costs(d.as_of) r;

-- resource_id is unique within an account and type (a transfer flow's id is unique within its account).
create unique index resource_cost_monthly_key on public.resource_cost_monthly (account_id, resource_type, resource_id);

comment on materialized view public.resource_cost_monthly is
  'Monthly cost in USD of every resource, transfer flow and active commitment (resource_monthly_costs), as of the last metrics_daily day; refreshed by every seedgen load, inside its transaction';

revoke all on public.resource_cost_monthly from public, anon, authenticated, service_role;
grant select on public.resource_cost_monthly to service_role;

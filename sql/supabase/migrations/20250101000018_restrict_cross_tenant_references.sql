-- Cross-tenant references. The tenant policies of 013 make a row belong to the caller's account, but a
-- row can also point at another row or resource: a foreign key (instances.autoscaling_group_id,
-- optimization_actions.requested_by_client_id) is checked by the table owner and ignores RLS, and the
-- text ids (volumes.attached_instance_id, resource_tags.resource_id, ...) are not checked at all. So a
-- tenant could attach its rows to another account's group, client or resources, and tell from "foreign
-- key violation" versus success whether another account's id exists.
--
-- Here every such reference written by an authenticated caller must name a row the caller can see (RLS
-- applies inside the checks, so another account's rows are invisible) and, for the uuid references, of
-- the row's own account. A reference to another account's id and to an id that exists nowhere fail
-- alike, with the same RLS error, before any foreign key is checked: nothing reveals other accounts' ids.
-- The checks are restrictive policies (ANDed with 013's), for authenticated only; service_role and the
-- table owner (seedgen's loader) are not restricted. Reads are unaffected: the USING clause is true.
--
-- snapshots.source_volume_id is the one reference that may legitimately dangle (a snapshot outlives its
-- volume), so it may also repeat a source volume id that one of the tenant's own snapshots already
-- carries; that keeps updates of such snapshots working without admitting ids the tenant never had.

-- resource_visible: whether the caller can see the resource that (resource_type, resource_id) names, by
-- the resource_id convention of docs/DATA.md (natural id where the table has one, else the row's uuid).
-- SECURITY INVOKER on purpose: RLS of the caller applies to the lookups. Unknown types name nothing.
create function public.resource_visible(resource_type text, resource_id text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select case
    when resource_visible.resource_type = 'instance' then
      exists (select 1 from public.instances r where r.instance_id = resource_visible.resource_id)
    when resource_visible.resource_type = 'volume' then
      exists (select 1 from public.volumes r where r.volume_id = resource_visible.resource_id)
    when resource_visible.resource_type = 'snapshot' then
      exists (select 1 from public.snapshots r where r.snapshot_id = resource_visible.resource_id)
    when resource_visible.resource_type = 's3_bucket' then
      exists (select 1 from public.s3_buckets r where r.name = resource_visible.resource_id)
    when resource_visible.resource_type = 'rds_instance' then
      exists (select 1 from public.rds_instances r where r.db_instance_id = resource_visible.resource_id)
    when resource_visible.resource_type = 'cache_cluster' then
      exists (select 1 from public.cache_clusters r where r.cluster_id = resource_visible.resource_id)
    when resource_visible.resource_type = 'load_balancer' then
      exists (select 1 from public.load_balancers r where r.lb_arn = resource_visible.resource_id)
    when resource_visible.resource_type = 'elastic_ip' then
      exists (select 1 from public.elastic_ips r where r.allocation_id = resource_visible.resource_id)
    -- The other types are named by their uuid: anything else names nothing (and is never cast).
    when resource_visible.resource_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then false
    when resource_visible.resource_type = 'lambda_function' then
      exists (select 1 from public.lambda_functions r where r.id = resource_visible.resource_id::uuid)
    when resource_visible.resource_type = 'container_cluster' then
      exists (select 1 from public.container_clusters r where r.id = resource_visible.resource_id::uuid)
    when resource_visible.resource_type = 'container_node' then
      exists (select 1 from public.container_nodes r where r.id = resource_visible.resource_id::uuid)
    when resource_visible.resource_type = 'streaming_cluster' then
      exists (select 1 from public.streaming_clusters r where r.id = resource_visible.resource_id::uuid)
    when resource_visible.resource_type = 'managed_service' then
      exists (select 1 from public.managed_services r where r.id = resource_visible.resource_id::uuid)
    when resource_visible.resource_type = 'log_group' then
      exists (select 1 from public.log_groups r where r.id = resource_visible.resource_id::uuid)
    else false
  end
$$;

comment on function public.resource_visible(text, text) is
  'Whether the caller can see the resource named by (resource_type, resource_id), per the resource_id convention; RLS applies, so another account''s resources are not visible';

revoke all on function public.resource_visible(text, text) from public, anon;
grant execute on function public.resource_visible(text, text) to authenticated, service_role;

-- snapshot_source_visible: whether the caller can see a volume with this id, or a snapshot of its own
-- that already names it as its source (the volume may be gone). A function, not a subquery of the
-- policy, because a policy of snapshots cannot itself read snapshots (infinite recursion); inside the
-- function the caller's RLS still applies.
create function public.snapshot_source_visible(source_volume_id text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.volumes v where v.volume_id = snapshot_source_visible.source_volume_id)
      or exists (select 1 from public.snapshots s where s.source_volume_id = snapshot_source_visible.source_volume_id)
$$;

comment on function public.snapshot_source_visible(text) is
  'Whether the caller can see a volume with this id, or already has a snapshot naming it as source (the volume may be gone); RLS applies';

revoke all on function public.snapshot_source_visible(text) from public, anon;
grant execute on function public.snapshot_source_visible(text) to authenticated, service_role;

create policy instances_tenant_references on instances
  as restrictive for all to authenticated
  using (true)
  with check (autoscaling_group_id is null
              or exists (select 1 from autoscaling_groups g
                         where g.id = instances.autoscaling_group_id and g.account_id = instances.account_id));

create policy volumes_tenant_references on volumes
  as restrictive for all to authenticated
  using (true)
  with check (attached_instance_id is null
              or exists (select 1 from instances i
                         where i.instance_id = volumes.attached_instance_id and i.account_id = volumes.account_id));

create policy snapshots_tenant_references on snapshots
  as restrictive for all to authenticated
  using (true)
  with check (source_volume_id is null or public.snapshot_source_visible(source_volume_id));

create policy elastic_ips_tenant_references on elastic_ips
  as restrictive for all to authenticated
  using (true)
  with check ((associated_instance_id is null
               or exists (select 1 from instances i
                          where i.instance_id = elastic_ips.associated_instance_id
                            and i.account_id = elastic_ips.account_id))
              and (associated_lb_arn is null
                   or exists (select 1 from load_balancers l
                              where l.lb_arn = elastic_ips.associated_lb_arn and l.account_id = elastic_ips.account_id)));

create policy resource_tags_tenant_references on resource_tags
  as restrictive for all to authenticated
  using (true)
  with check (public.resource_visible(resource_type, resource_id));

create policy metrics_daily_tenant_references on metrics_daily
  as restrictive for all to authenticated
  using (true)
  with check (public.resource_visible(resource_type, resource_id));

create policy optimization_actions_tenant_references on optimization_actions
  as restrictive for all to authenticated
  using (true)
  with check (public.resource_visible(resource_type, resource_id)
              and (requested_by_client_id is null
                   or exists (select 1 from api_clients c
                              where c.id = optimization_actions.requested_by_client_id
                                and c.account_id = optimization_actions.account_id)));

-- Row level security for the 26 tables, Supabase-style: service_role sees everything, an authenticated
-- caller sees only the rows of the account named by the account_id claim of its JWT, and anon sees nothing.
-- Runs unchanged on plain PostgreSQL (creates the three roles when missing) and on Supabase (where they
-- exist and default privileges have already granted them everything on new public tables).

-- Roles are cluster-wide: another database, or a concurrent migrator, may have created them already.
do $$
declare
  role_name text;
begin
  foreach role_name in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select 1 from pg_catalog.pg_roles where rolname = role_name) then
      begin
        execute pg_catalog.format('create role %I nologin noinherit', role_name);
      exception
        when duplicate_object or unique_violation then
          null;  -- created concurrently since the check
      end;
    end if;
  end loop;
end
$$;

-- current_account_id: the account_id claim of the request's JWT (PostgREST puts the claims in the
-- request.jwt.claims setting), or null when there is no claim, the setting is not valid JSON, or the
-- claim is not a uuid. Null matches no row, so a caller without a valid claim sees nothing.
create or replace function public.current_account_id()
returns uuid
language plpgsql
stable
set search_path = ''
as $$
begin
  return (nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'account_id')::uuid;
exception
  when invalid_text_representation then
    return null;
end;
$$;

comment on function public.current_account_id() is
  'Account of the current request: the account_id claim of request.jwt.claims as uuid, or null when missing or invalid';

revoke all on function public.current_account_id() from public, anon;
grant execute on function public.current_account_id() to authenticated, service_role;

grant usage on schema public to authenticated, service_role;

-- Start from nothing so that plain PostgreSQL and Supabase (whose default privileges grant ALL, including
-- TRUNCATE, which ignores RLS) end in the same state; then grant plain DML only.
revoke all on table
  cloud_accounts,
  autoscaling_groups,
  instances,
  container_clusters,
  container_nodes,
  lambda_functions,
  volumes,
  snapshots,
  s3_buckets,
  s3_bucket_usage_daily,
  rds_instances,
  cache_clusters,
  load_balancers,
  elastic_ips,
  data_transfer_daily,
  managed_services,
  streaming_clusters,
  log_groups,
  log_group_usage_daily,
  commitments,
  commitment_utilization_daily,
  resource_tags,
  metrics_daily,
  container_services,
  api_clients,
  optimization_actions
from anon, authenticated, service_role;

grant select, insert, update, delete on table
  cloud_accounts,
  autoscaling_groups,
  instances,
  container_clusters,
  container_nodes,
  lambda_functions,
  volumes,
  snapshots,
  s3_buckets,
  s3_bucket_usage_daily,
  rds_instances,
  cache_clusters,
  load_balancers,
  elastic_ips,
  data_transfer_daily,
  managed_services,
  streaming_clusters,
  log_groups,
  log_group_usage_daily,
  commitments,
  commitment_utilization_daily,
  resource_tags,
  metrics_daily,
  container_services,
  api_clients,
  optimization_actions
to authenticated, service_role;

-- Policies: {table}_service_role_all and {table}_tenant_all on every table; none for anon, so RLS denies it.
-- Child tables without account_id are scoped through their parent. The parent's own tenant policy also
-- applies inside the subquery, which is harmless: it admits exactly the same parent rows.
-- (select public.current_account_id()) is evaluated once per statement, not once per row.
create policy cloud_accounts_service_role_all on cloud_accounts
  for all to service_role using (true) with check (true);
create policy cloud_accounts_tenant_all on cloud_accounts
  for all to authenticated
  using (id = (select public.current_account_id()))
  with check (id = (select public.current_account_id()));

create policy autoscaling_groups_service_role_all on autoscaling_groups
  for all to service_role using (true) with check (true);
create policy autoscaling_groups_tenant_all on autoscaling_groups
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy instances_service_role_all on instances
  for all to service_role using (true) with check (true);
create policy instances_tenant_all on instances
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy container_clusters_service_role_all on container_clusters
  for all to service_role using (true) with check (true);
create policy container_clusters_tenant_all on container_clusters
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy container_nodes_service_role_all on container_nodes
  for all to service_role using (true) with check (true);
create policy container_nodes_tenant_all on container_nodes
  for all to authenticated
  using (exists (select 1 from container_clusters p
                 where p.id = container_nodes.cluster_id and p.account_id = (select public.current_account_id())))
  with check (exists (select 1 from container_clusters p
                      where p.id = container_nodes.cluster_id and p.account_id = (select public.current_account_id())));

create policy lambda_functions_service_role_all on lambda_functions
  for all to service_role using (true) with check (true);
create policy lambda_functions_tenant_all on lambda_functions
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy volumes_service_role_all on volumes
  for all to service_role using (true) with check (true);
create policy volumes_tenant_all on volumes
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy snapshots_service_role_all on snapshots
  for all to service_role using (true) with check (true);
create policy snapshots_tenant_all on snapshots
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy s3_buckets_service_role_all on s3_buckets
  for all to service_role using (true) with check (true);
create policy s3_buckets_tenant_all on s3_buckets
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy s3_bucket_usage_daily_service_role_all on s3_bucket_usage_daily
  for all to service_role using (true) with check (true);
create policy s3_bucket_usage_daily_tenant_all on s3_bucket_usage_daily
  for all to authenticated
  using (exists (select 1 from s3_buckets p
                 where p.id = s3_bucket_usage_daily.bucket_id and p.account_id = (select public.current_account_id())))
  with check (exists (select 1 from s3_buckets p
                      where p.id = s3_bucket_usage_daily.bucket_id and p.account_id = (select public.current_account_id())));

create policy rds_instances_service_role_all on rds_instances
  for all to service_role using (true) with check (true);
create policy rds_instances_tenant_all on rds_instances
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy cache_clusters_service_role_all on cache_clusters
  for all to service_role using (true) with check (true);
create policy cache_clusters_tenant_all on cache_clusters
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy load_balancers_service_role_all on load_balancers
  for all to service_role using (true) with check (true);
create policy load_balancers_tenant_all on load_balancers
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy elastic_ips_service_role_all on elastic_ips
  for all to service_role using (true) with check (true);
create policy elastic_ips_tenant_all on elastic_ips
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy data_transfer_daily_service_role_all on data_transfer_daily
  for all to service_role using (true) with check (true);
create policy data_transfer_daily_tenant_all on data_transfer_daily
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy managed_services_service_role_all on managed_services
  for all to service_role using (true) with check (true);
create policy managed_services_tenant_all on managed_services
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy streaming_clusters_service_role_all on streaming_clusters
  for all to service_role using (true) with check (true);
create policy streaming_clusters_tenant_all on streaming_clusters
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy log_groups_service_role_all on log_groups
  for all to service_role using (true) with check (true);
create policy log_groups_tenant_all on log_groups
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy log_group_usage_daily_service_role_all on log_group_usage_daily
  for all to service_role using (true) with check (true);
create policy log_group_usage_daily_tenant_all on log_group_usage_daily
  for all to authenticated
  using (exists (select 1 from log_groups p
                 where p.id = log_group_usage_daily.log_group_id and p.account_id = (select public.current_account_id())))
  with check (exists (select 1 from log_groups p
                      where p.id = log_group_usage_daily.log_group_id and p.account_id = (select public.current_account_id())));

create policy commitments_service_role_all on commitments
  for all to service_role using (true) with check (true);
create policy commitments_tenant_all on commitments
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy commitment_utilization_daily_service_role_all on commitment_utilization_daily
  for all to service_role using (true) with check (true);
create policy commitment_utilization_daily_tenant_all on commitment_utilization_daily
  for all to authenticated
  using (exists (select 1 from commitments p
                 where p.id = commitment_utilization_daily.commitment_id and p.account_id = (select public.current_account_id())))
  with check (exists (select 1 from commitments p
                      where p.id = commitment_utilization_daily.commitment_id and p.account_id = (select public.current_account_id())));

create policy resource_tags_service_role_all on resource_tags
  for all to service_role using (true) with check (true);
create policy resource_tags_tenant_all on resource_tags
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy metrics_daily_service_role_all on metrics_daily
  for all to service_role using (true) with check (true);
create policy metrics_daily_tenant_all on metrics_daily
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy container_services_service_role_all on container_services
  for all to service_role using (true) with check (true);
create policy container_services_tenant_all on container_services
  for all to authenticated
  using (exists (select 1 from container_clusters p
                 where p.id = container_services.cluster_id and p.account_id = (select public.current_account_id())))
  with check (exists (select 1 from container_clusters p
                      where p.id = container_services.cluster_id and p.account_id = (select public.current_account_id())));

create policy api_clients_service_role_all on api_clients
  for all to service_role using (true) with check (true);
create policy api_clients_tenant_all on api_clients
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

create policy optimization_actions_service_role_all on optimization_actions
  for all to service_role using (true) with check (true);
create policy optimization_actions_tenant_all on optimization_actions
  for all to authenticated
  using (account_id = (select public.current_account_id()))
  with check (account_id = (select public.current_account_id()));

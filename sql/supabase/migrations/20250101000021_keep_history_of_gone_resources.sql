-- 021_keep_history_of_gone_resources.sql: a resource's daily history outlives the resource. AWS lists a
-- terminated instance for about an hour, but its CloudWatch history and its bill stay; seedgen keeps
-- metrics_daily rows of every day a resource existed in the window, including resources that are gone
-- by as_of (docs/MODEL.md). Migration 018's check on metrics_daily only accepted rows naming a resource
-- the caller can see now, so a tenant could not rewrite its own history of a terminated instance. The
-- check now also accepts a resource the caller already has history of: RLS still applies inside the
-- function, so another account's history (or an id never seen) stays refused.

-- metrics_history_visible: whether the caller already has a metrics_daily row naming this resource. A
-- function, not a subquery of the policy, because a policy of metrics_daily cannot read metrics_daily
-- itself (infinite recursion); inside the function the caller's RLS applies.
create function public.metrics_history_visible(resource_type text, resource_id text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from public.metrics_daily m
                  where m.resource_type = metrics_history_visible.resource_type
                    and m.resource_id = metrics_history_visible.resource_id)
$$;

comment on function public.metrics_history_visible(text, text) is
  'Whether the caller already has metrics_daily history of the resource (which may be gone); RLS applies';

revoke all on function public.metrics_history_visible(text, text) from public, anon;
grant execute on function public.metrics_history_visible(text, text) to authenticated, service_role;

drop policy metrics_daily_tenant_references on metrics_daily;
create policy metrics_daily_tenant_references on metrics_daily
  as restrictive for all to authenticated
  using (true)
  with check (public.resource_visible(resource_type, resource_id)
              or public.metrics_history_visible(resource_type, resource_id));

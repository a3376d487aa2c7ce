-- Optimization Actions: audit of (simulated) optimization actions taken on resources
-- (the "Audit Log" of the spec's Future Considerations, and the 26th table).
create table optimization_actions (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references cloud_accounts(id) on delete cascade,
  resource_type text not null,
  resource_id text not null,
  action_type text not null check (action_type in ('stop', 'start', 'terminate', 'delete', 'resize', 'release', 'modify_volume_type', 'delete_snapshot', 'set_retention', 'add_lifecycle', 'purchase_commitment', 'schedule', 'rightsize', 'other')),
  status text not null default 'proposed' check (status in ('proposed', 'simulated', 'applied', 'rolled_back', 'failed')),
  estimated_monthly_savings numeric(12,4) default 0,
  realized_monthly_savings numeric(12,4),
  requested_by_client_id uuid references api_clients(id) on delete set null,
  details jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  applied_at timestamptz
);

create index idx_optimization_actions_account_id on optimization_actions(account_id);
create index idx_optimization_actions_resource on optimization_actions(resource_type, resource_id);
create index idx_optimization_actions_status on optimization_actions(status);
create index idx_optimization_actions_client_id on optimization_actions(requested_by_client_id) where requested_by_client_id is not null;
alter table optimization_actions enable row level security;

create trigger update_optimization_actions_updated_at before update on optimization_actions
  for each row execute function update_updated_at_column();

comment on table optimization_actions is 'Audit log of optimization actions proposed, simulated or applied against resources (nothing real is ever changed)';
comment on column optimization_actions.resource_type is 'Kind of the target resource, same vocabulary as resource_tags.resource_type (instance, volume, snapshot, s3_bucket, ...)';
comment on column optimization_actions.resource_id is 'Provider-style id of the target resource (e.g. instances.instance_id, volumes.volume_id, s3_buckets.name); polymorphic, not a foreign key';
comment on column optimization_actions.action_type is 'What the action does: stop, start, terminate, delete, resize, release, modify_volume_type, delete_snapshot, set_retention, add_lifecycle, purchase_commitment, schedule, rightsize or other';
comment on column optimization_actions.status is 'Lifecycle: proposed -> simulated -> applied, or rolled_back / failed';
comment on column optimization_actions.estimated_monthly_savings is 'Expected savings in USD per month if the action is applied';
comment on column optimization_actions.realized_monthly_savings is 'Savings in USD per month measured after the action was applied; null until known';
comment on column optimization_actions.requested_by_client_id is 'API client that requested the action; null when requested internally or after the client was deleted';
comment on column optimization_actions.details is 'Action parameters and before/after values (e.g. {"from": "m5.xlarge", "to": "m5.large"}); keys depend on action_type';
comment on column optimization_actions.applied_at is 'When the action was applied; null while proposed or simulated';

-- 002b_columns: exact column sets and column types of the last 13 tables of the spec
-- (elastic_ips through api_clients, and optimization_actions), and of waste_findings (migration 020).
-- 002a_columns covers the rest.
BEGIN;
SELECT plan(153);

-- elastic_ips
SELECT columns_are('elastic_ips', ARRAY['id', 'account_id', 'allocation_id', 'public_ip',
  'associated_instance_id', 'associated_lb_arn', 'state', 'hourly_cost', 'created_at', 'updated_at']);
SELECT col_type_is('elastic_ips', 'id', 'uuid');
SELECT col_type_is('elastic_ips', 'account_id', 'uuid');
SELECT col_type_is('elastic_ips', 'allocation_id', 'text');
SELECT col_type_is('elastic_ips', 'public_ip', 'text');
SELECT col_type_is('elastic_ips', 'associated_instance_id', 'text');
SELECT col_type_is('elastic_ips', 'associated_lb_arn', 'text');
SELECT col_type_is('elastic_ips', 'state', 'text');
SELECT col_type_is('elastic_ips', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('elastic_ips', 'created_at', 'timestamp with time zone');
SELECT col_type_is('elastic_ips', 'updated_at', 'timestamp with time zone');

-- data_transfer_daily
SELECT columns_are('data_transfer_daily', ARRAY['id', 'account_id', 'date', 'source_region', 'dest_region',
  'direction', 'gb_transferred', 'estimated_transfer_cost']);
SELECT col_type_is('data_transfer_daily', 'id', 'uuid');
SELECT col_type_is('data_transfer_daily', 'account_id', 'uuid');
SELECT col_type_is('data_transfer_daily', 'date', 'date');
SELECT col_type_is('data_transfer_daily', 'source_region', 'text');
SELECT col_type_is('data_transfer_daily', 'dest_region', 'text');
SELECT col_type_is('data_transfer_daily', 'direction', 'text');
SELECT col_type_is('data_transfer_daily', 'gb_transferred', 'numeric(12,4)');
SELECT col_type_is('data_transfer_daily', 'estimated_transfer_cost', 'numeric(10,4)');

-- managed_services
SELECT columns_are('managed_services', ARRAY['id', 'account_id', 'service_type', 'name', 'env', 'region',
  'instance_type', 'node_count', 'hourly_cost', 'avg_cpu_7d', 'avg_memory_7d', 'created_at', 'updated_at']);
SELECT col_type_is('managed_services', 'id', 'uuid');
SELECT col_type_is('managed_services', 'account_id', 'uuid');
SELECT col_type_is('managed_services', 'service_type', 'text');
SELECT col_type_is('managed_services', 'name', 'text');
SELECT col_type_is('managed_services', 'env', 'text');
SELECT col_type_is('managed_services', 'region', 'text');
SELECT col_type_is('managed_services', 'instance_type', 'text');
SELECT col_type_is('managed_services', 'node_count', 'integer');
SELECT col_type_is('managed_services', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('managed_services', 'avg_cpu_7d', 'numeric(5,2)');
SELECT col_type_is('managed_services', 'avg_memory_7d', 'numeric(5,2)');
SELECT col_type_is('managed_services', 'created_at', 'timestamp with time zone');
SELECT col_type_is('managed_services', 'updated_at', 'timestamp with time zone');

-- streaming_clusters
SELECT columns_are('streaming_clusters', ARRAY['id', 'account_id', 'name', 'engine', 'env', 'region',
  'shard_count', 'retention_hours', 'provisioned_throughput_mbps', 'avg_usage_mbps_7d', 'hourly_cost',
  'created_at', 'updated_at']);
SELECT col_type_is('streaming_clusters', 'id', 'uuid');
SELECT col_type_is('streaming_clusters', 'account_id', 'uuid');
SELECT col_type_is('streaming_clusters', 'name', 'text');
SELECT col_type_is('streaming_clusters', 'engine', 'text');
SELECT col_type_is('streaming_clusters', 'env', 'text');
SELECT col_type_is('streaming_clusters', 'region', 'text');
SELECT col_type_is('streaming_clusters', 'shard_count', 'integer');
SELECT col_type_is('streaming_clusters', 'retention_hours', 'integer');
SELECT col_type_is('streaming_clusters', 'provisioned_throughput_mbps', 'numeric(10,2)');
SELECT col_type_is('streaming_clusters', 'avg_usage_mbps_7d', 'numeric(10,2)');
SELECT col_type_is('streaming_clusters', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('streaming_clusters', 'created_at', 'timestamp with time zone');
SELECT col_type_is('streaming_clusters', 'updated_at', 'timestamp with time zone');

-- log_groups
SELECT columns_are('log_groups', ARRAY['id', 'account_id', 'name', 'env', 'region', 'retention_days', 'tags',
  'created_at']);
SELECT col_type_is('log_groups', 'id', 'uuid');
SELECT col_type_is('log_groups', 'account_id', 'uuid');
SELECT col_type_is('log_groups', 'name', 'text');
SELECT col_type_is('log_groups', 'env', 'text');
SELECT col_type_is('log_groups', 'region', 'text');
SELECT col_type_is('log_groups', 'retention_days', 'integer');
SELECT col_type_is('log_groups', 'tags', 'jsonb');
SELECT col_type_is('log_groups', 'created_at', 'timestamp with time zone');

-- log_group_usage_daily
SELECT columns_are('log_group_usage_daily', ARRAY['id', 'log_group_id', 'date', 'ingested_gb', 'stored_gb',
  'estimated_ingestion_cost', 'estimated_storage_cost']);
SELECT col_type_is('log_group_usage_daily', 'id', 'uuid');
SELECT col_type_is('log_group_usage_daily', 'log_group_id', 'uuid');
SELECT col_type_is('log_group_usage_daily', 'date', 'date');
SELECT col_type_is('log_group_usage_daily', 'ingested_gb', 'numeric(12,4)');
SELECT col_type_is('log_group_usage_daily', 'stored_gb', 'numeric(12,4)');
SELECT col_type_is('log_group_usage_daily', 'estimated_ingestion_cost', 'numeric(10,4)');
SELECT col_type_is('log_group_usage_daily', 'estimated_storage_cost', 'numeric(10,4)');

-- commitments
SELECT columns_are('commitments', ARRAY['id', 'account_id', 'commitment_type', 'scope', 'term_months',
  'hourly_commitment_amount', 'start_date', 'end_date', 'created_at']);
SELECT col_type_is('commitments', 'id', 'uuid');
SELECT col_type_is('commitments', 'account_id', 'uuid');
SELECT col_type_is('commitments', 'commitment_type', 'text');
SELECT col_type_is('commitments', 'scope', 'text');
SELECT col_type_is('commitments', 'term_months', 'integer');
SELECT col_type_is('commitments', 'hourly_commitment_amount', 'numeric(10,4)');
SELECT col_type_is('commitments', 'start_date', 'date');
SELECT col_type_is('commitments', 'end_date', 'date');
SELECT col_type_is('commitments', 'created_at', 'timestamp with time zone');

-- commitment_utilization_daily
SELECT columns_are('commitment_utilization_daily', ARRAY['id', 'commitment_id', 'date',
  'actual_hourly_usage_equivalent', 'utilization_percent', 'estimated_savings_vs_ondemand']);
SELECT col_type_is('commitment_utilization_daily', 'id', 'uuid');
SELECT col_type_is('commitment_utilization_daily', 'commitment_id', 'uuid');
SELECT col_type_is('commitment_utilization_daily', 'date', 'date');
SELECT col_type_is('commitment_utilization_daily', 'actual_hourly_usage_equivalent', 'numeric(10,4)');
SELECT col_type_is('commitment_utilization_daily', 'utilization_percent', 'numeric(5,2)');
SELECT col_type_is('commitment_utilization_daily', 'estimated_savings_vs_ondemand', 'numeric(10,4)');

-- resource_tags
SELECT columns_are('resource_tags', ARRAY['id', 'account_id', 'resource_type', 'resource_id', 'key', 'value',
  'created_at']);
SELECT col_type_is('resource_tags', 'id', 'uuid');
SELECT col_type_is('resource_tags', 'account_id', 'uuid');
SELECT col_type_is('resource_tags', 'resource_type', 'text');
SELECT col_type_is('resource_tags', 'resource_id', 'text');
SELECT col_type_is('resource_tags', 'key', 'text');
SELECT col_type_is('resource_tags', 'value', 'text');
SELECT col_type_is('resource_tags', 'created_at', 'timestamp with time zone');

-- metrics_daily
SELECT columns_are('metrics_daily', ARRAY['id', 'account_id', 'resource_type', 'resource_id', 'date',
  'metric_payload', 'estimated_daily_cost', 'created_at']);
SELECT col_type_is('metrics_daily', 'id', 'uuid');
SELECT col_type_is('metrics_daily', 'account_id', 'uuid');
SELECT col_type_is('metrics_daily', 'resource_type', 'text');
SELECT col_type_is('metrics_daily', 'resource_id', 'text');
SELECT col_type_is('metrics_daily', 'date', 'date');
SELECT col_type_is('metrics_daily', 'metric_payload', 'jsonb');
SELECT col_type_is('metrics_daily', 'estimated_daily_cost', 'numeric(12,4)');
SELECT col_type_is('metrics_daily', 'created_at', 'timestamp with time zone');

-- container_services
SELECT columns_are('container_services', ARRAY['id', 'cluster_id', 'name', 'env', 'region', 'requested_cpu',
  'requested_memory_mb', 'replica_count', 'avg_cpu_7d', 'avg_memory_7d', 'created_at', 'updated_at']);
SELECT col_type_is('container_services', 'id', 'uuid');
SELECT col_type_is('container_services', 'cluster_id', 'uuid');
SELECT col_type_is('container_services', 'name', 'text');
SELECT col_type_is('container_services', 'env', 'text');
SELECT col_type_is('container_services', 'region', 'text');
SELECT col_type_is('container_services', 'requested_cpu', 'numeric(10,4)');
SELECT col_type_is('container_services', 'requested_memory_mb', 'integer');
SELECT col_type_is('container_services', 'replica_count', 'integer');
SELECT col_type_is('container_services', 'avg_cpu_7d', 'numeric(5,2)');
SELECT col_type_is('container_services', 'avg_memory_7d', 'numeric(5,2)');
SELECT col_type_is('container_services', 'created_at', 'timestamp with time zone');
SELECT col_type_is('container_services', 'updated_at', 'timestamp with time zone');

-- api_clients
SELECT columns_are('api_clients', ARRAY['id', 'account_id', 'name', 'access_key_id', 'secret_key_hash',
  'scopes', 'created_at', 'last_used_at']);
SELECT col_type_is('api_clients', 'id', 'uuid');
SELECT col_type_is('api_clients', 'account_id', 'uuid');
SELECT col_type_is('api_clients', 'name', 'text');
SELECT col_type_is('api_clients', 'access_key_id', 'text');
SELECT col_type_is('api_clients', 'secret_key_hash', 'text');
SELECT col_type_is('api_clients', 'scopes', 'jsonb');
SELECT col_type_is('api_clients', 'created_at', 'timestamp with time zone');
SELECT col_type_is('api_clients', 'last_used_at', 'timestamp with time zone');

-- optimization_actions
SELECT columns_are('optimization_actions', ARRAY['id', 'account_id', 'resource_type', 'resource_id',
  'action_type', 'status', 'estimated_monthly_savings', 'realized_monthly_savings', 'requested_by_client_id',
  'details', 'created_at', 'updated_at', 'applied_at', 'approved_at', 'started_at', 'completed_at', 'reason',
  'params', 'error']);
SELECT col_type_is('optimization_actions', 'id', 'uuid');
SELECT col_type_is('optimization_actions', 'account_id', 'uuid');
SELECT col_type_is('optimization_actions', 'resource_type', 'text');
SELECT col_type_is('optimization_actions', 'resource_id', 'text');
SELECT col_type_is('optimization_actions', 'action_type', 'text');
SELECT col_type_is('optimization_actions', 'status', 'text');
SELECT col_type_is('optimization_actions', 'estimated_monthly_savings', 'numeric(12,4)');
SELECT col_type_is('optimization_actions', 'realized_monthly_savings', 'numeric(12,4)');
SELECT col_type_is('optimization_actions', 'requested_by_client_id', 'uuid');
SELECT col_type_is('optimization_actions', 'details', 'jsonb');
SELECT col_type_is('optimization_actions', 'created_at', 'timestamp with time zone');
SELECT col_type_is('optimization_actions', 'updated_at', 'timestamp with time zone');
SELECT col_type_is('optimization_actions', 'applied_at', 'timestamp with time zone');
SELECT col_type_is('optimization_actions', 'approved_at', 'timestamp with time zone');
SELECT col_type_is('optimization_actions', 'started_at', 'timestamp with time zone');
SELECT col_type_is('optimization_actions', 'completed_at', 'timestamp with time zone');
SELECT col_type_is('optimization_actions', 'reason', 'text');
SELECT col_type_is('optimization_actions', 'params', 'jsonb');
SELECT col_type_is('optimization_actions', 'error', 'text');

-- waste_findings
SELECT columns_are('waste_findings', ARRAY['id', 'account_id', 'resource_type', 'resource_id', 'pattern',
  'estimated_monthly_savings', 'reason', 'reported_by_client_id', 'reported_at', 'created_at', 'updated_at']);
SELECT col_type_is('waste_findings', 'id', 'uuid');
SELECT col_type_is('waste_findings', 'account_id', 'uuid');
SELECT col_type_is('waste_findings', 'resource_type', 'text');
SELECT col_type_is('waste_findings', 'resource_id', 'text');
SELECT col_type_is('waste_findings', 'pattern', 'text');
SELECT col_type_is('waste_findings', 'estimated_monthly_savings', 'numeric(12,4)');
SELECT col_type_is('waste_findings', 'reason', 'text');
SELECT col_type_is('waste_findings', 'reported_by_client_id', 'uuid');
SELECT col_type_is('waste_findings', 'reported_at', 'timestamp with time zone');
SELECT col_type_is('waste_findings', 'created_at', 'timestamp with time zone');
SELECT col_type_is('waste_findings', 'updated_at', 'timestamp with time zone');

SELECT * FROM finish();
ROLLBACK;

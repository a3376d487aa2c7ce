-- 002a_columns: exact column sets and column types of the first 13 tables of the spec
-- (cloud_accounts through load_balancers). 002b_columns covers the rest.
BEGIN;
SELECT plan(166);

-- cloud_accounts
SELECT columns_are('cloud_accounts', ARRAY['id', 'name', 'provider', 'created_at']);
SELECT col_type_is('cloud_accounts', 'id', 'uuid');
SELECT col_type_is('cloud_accounts', 'name', 'text');
SELECT col_type_is('cloud_accounts', 'provider', 'text');
SELECT col_type_is('cloud_accounts', 'created_at', 'timestamp with time zone');

-- autoscaling_groups
SELECT columns_are('autoscaling_groups', ARRAY['id', 'account_id', 'name', 'min_size', 'max_size',
  'desired_capacity', 'instance_type', 'env', 'region', 'created_at', 'updated_at']);
SELECT col_type_is('autoscaling_groups', 'id', 'uuid');
SELECT col_type_is('autoscaling_groups', 'account_id', 'uuid');
SELECT col_type_is('autoscaling_groups', 'name', 'text');
SELECT col_type_is('autoscaling_groups', 'min_size', 'integer');
SELECT col_type_is('autoscaling_groups', 'max_size', 'integer');
SELECT col_type_is('autoscaling_groups', 'desired_capacity', 'integer');
SELECT col_type_is('autoscaling_groups', 'instance_type', 'text');
SELECT col_type_is('autoscaling_groups', 'env', 'text');
SELECT col_type_is('autoscaling_groups', 'region', 'text');
SELECT col_type_is('autoscaling_groups', 'created_at', 'timestamp with time zone');
SELECT col_type_is('autoscaling_groups', 'updated_at', 'timestamp with time zone');

-- instances
SELECT columns_are('instances', ARRAY['id', 'account_id', 'instance_id', 'name', 'instance_type', 'env',
  'region', 'state', 'autoscaling_group_id', 'launch_time', 'hourly_cost', 'gpu_hourly_cost', 'gpu_count',
  'has_gpu', 'avg_cpu_7d', 'avg_network_7d', 'last_active_at', 'tags', 'created_at', 'updated_at']);
SELECT col_type_is('instances', 'id', 'uuid');
SELECT col_type_is('instances', 'account_id', 'uuid');
SELECT col_type_is('instances', 'instance_id', 'text');
SELECT col_type_is('instances', 'name', 'text');
SELECT col_type_is('instances', 'instance_type', 'text');
SELECT col_type_is('instances', 'env', 'text');
SELECT col_type_is('instances', 'region', 'text');
SELECT col_type_is('instances', 'state', 'text');
SELECT col_type_is('instances', 'autoscaling_group_id', 'uuid');
SELECT col_type_is('instances', 'launch_time', 'timestamp with time zone');
SELECT col_type_is('instances', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('instances', 'gpu_hourly_cost', 'numeric(10,4)');
SELECT col_type_is('instances', 'gpu_count', 'integer');
SELECT col_type_is('instances', 'has_gpu', 'boolean');
SELECT col_type_is('instances', 'avg_cpu_7d', 'numeric(5,2)');
SELECT col_type_is('instances', 'avg_network_7d', 'numeric(12,2)');
SELECT col_type_is('instances', 'last_active_at', 'timestamp with time zone');
SELECT col_type_is('instances', 'tags', 'jsonb');
SELECT col_type_is('instances', 'created_at', 'timestamp with time zone');
SELECT col_type_is('instances', 'updated_at', 'timestamp with time zone');

-- container_clusters
SELECT columns_are('container_clusters', ARRAY['id', 'account_id', 'name', 'env', 'region',
  'node_instance_type', 'desired_nodes', 'min_nodes', 'max_nodes', 'estimated_hourly_cost', 'created_at',
  'updated_at']);
SELECT col_type_is('container_clusters', 'id', 'uuid');
SELECT col_type_is('container_clusters', 'account_id', 'uuid');
SELECT col_type_is('container_clusters', 'name', 'text');
SELECT col_type_is('container_clusters', 'env', 'text');
SELECT col_type_is('container_clusters', 'region', 'text');
SELECT col_type_is('container_clusters', 'node_instance_type', 'text');
SELECT col_type_is('container_clusters', 'desired_nodes', 'integer');
SELECT col_type_is('container_clusters', 'min_nodes', 'integer');
SELECT col_type_is('container_clusters', 'max_nodes', 'integer');
SELECT col_type_is('container_clusters', 'estimated_hourly_cost', 'numeric(10,4)');
SELECT col_type_is('container_clusters', 'created_at', 'timestamp with time zone');
SELECT col_type_is('container_clusters', 'updated_at', 'timestamp with time zone');

-- container_nodes
SELECT columns_are('container_nodes', ARRAY['id', 'cluster_id', 'instance_id', 'instance_type', 'region',
  'state', 'hourly_cost', 'gpu_hourly_cost', 'gpu_count', 'has_gpu', 'avg_cpu_7d', 'avg_memory_7d',
  'created_at', 'updated_at']);
SELECT col_type_is('container_nodes', 'id', 'uuid');
SELECT col_type_is('container_nodes', 'cluster_id', 'uuid');
SELECT col_type_is('container_nodes', 'instance_id', 'text');
SELECT col_type_is('container_nodes', 'instance_type', 'text');
SELECT col_type_is('container_nodes', 'region', 'text');
SELECT col_type_is('container_nodes', 'state', 'text');
SELECT col_type_is('container_nodes', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('container_nodes', 'gpu_hourly_cost', 'numeric(10,4)');
SELECT col_type_is('container_nodes', 'gpu_count', 'integer');
SELECT col_type_is('container_nodes', 'has_gpu', 'boolean');
SELECT col_type_is('container_nodes', 'avg_cpu_7d', 'numeric(5,2)');
SELECT col_type_is('container_nodes', 'avg_memory_7d', 'numeric(5,2)');
SELECT col_type_is('container_nodes', 'created_at', 'timestamp with time zone');
SELECT col_type_is('container_nodes', 'updated_at', 'timestamp with time zone');

-- lambda_functions
SELECT columns_are('lambda_functions', ARRAY['id', 'account_id', 'name', 'env', 'region', 'memory_mb',
  'timeout_seconds', 'provisioned_concurrency', 'invocations_7d', 'avg_duration_ms_7d',
  'estimated_monthly_cost', 'created_at', 'updated_at']);
SELECT col_type_is('lambda_functions', 'id', 'uuid');
SELECT col_type_is('lambda_functions', 'account_id', 'uuid');
SELECT col_type_is('lambda_functions', 'name', 'text');
SELECT col_type_is('lambda_functions', 'env', 'text');
SELECT col_type_is('lambda_functions', 'region', 'text');
SELECT col_type_is('lambda_functions', 'memory_mb', 'integer');
SELECT col_type_is('lambda_functions', 'timeout_seconds', 'integer');
SELECT col_type_is('lambda_functions', 'provisioned_concurrency', 'integer');
SELECT col_type_is('lambda_functions', 'invocations_7d', 'bigint');
SELECT col_type_is('lambda_functions', 'avg_duration_ms_7d', 'numeric(10,2)');
SELECT col_type_is('lambda_functions', 'estimated_monthly_cost', 'numeric(12,4)');
SELECT col_type_is('lambda_functions', 'created_at', 'timestamp with time zone');
SELECT col_type_is('lambda_functions', 'updated_at', 'timestamp with time zone');

-- volumes
SELECT columns_are('volumes', ARRAY['id', 'account_id', 'volume_id', 'region', 'size_gib', 'volume_type',
  'state', 'attached_instance_id', 'monthly_cost', 'last_used_at', 'tags', 'created_at', 'updated_at']);
SELECT col_type_is('volumes', 'id', 'uuid');
SELECT col_type_is('volumes', 'account_id', 'uuid');
SELECT col_type_is('volumes', 'volume_id', 'text');
SELECT col_type_is('volumes', 'region', 'text');
SELECT col_type_is('volumes', 'size_gib', 'integer');
SELECT col_type_is('volumes', 'volume_type', 'text');
SELECT col_type_is('volumes', 'state', 'text');
SELECT col_type_is('volumes', 'attached_instance_id', 'text');
SELECT col_type_is('volumes', 'monthly_cost', 'numeric(10,4)');
SELECT col_type_is('volumes', 'last_used_at', 'timestamp with time zone');
SELECT col_type_is('volumes', 'tags', 'jsonb');
SELECT col_type_is('volumes', 'created_at', 'timestamp with time zone');
SELECT col_type_is('volumes', 'updated_at', 'timestamp with time zone');

-- snapshots
SELECT columns_are('snapshots', ARRAY['id', 'account_id', 'snapshot_id', 'region', 'source_volume_id',
  'size_gib', 'retention_policy', 'monthly_cost', 'tags', 'created_at']);
SELECT col_type_is('snapshots', 'id', 'uuid');
SELECT col_type_is('snapshots', 'account_id', 'uuid');
SELECT col_type_is('snapshots', 'snapshot_id', 'text');
SELECT col_type_is('snapshots', 'region', 'text');
SELECT col_type_is('snapshots', 'source_volume_id', 'text');
SELECT col_type_is('snapshots', 'size_gib', 'integer');
SELECT col_type_is('snapshots', 'retention_policy', 'text');
SELECT col_type_is('snapshots', 'monthly_cost', 'numeric(10,4)');
SELECT col_type_is('snapshots', 'tags', 'jsonb');
SELECT col_type_is('snapshots', 'created_at', 'timestamp with time zone');

-- s3_buckets
SELECT columns_are('s3_buckets', ARRAY['id', 'account_id', 'name', 'env', 'region', 'lifecycle_policy',
  'tags', 'created_at']);
SELECT col_type_is('s3_buckets', 'id', 'uuid');
SELECT col_type_is('s3_buckets', 'account_id', 'uuid');
SELECT col_type_is('s3_buckets', 'name', 'text');
SELECT col_type_is('s3_buckets', 'env', 'text');
SELECT col_type_is('s3_buckets', 'region', 'text');
SELECT col_type_is('s3_buckets', 'lifecycle_policy', 'jsonb');
SELECT col_type_is('s3_buckets', 'tags', 'jsonb');
SELECT col_type_is('s3_buckets', 'created_at', 'timestamp with time zone');

-- s3_bucket_usage_daily
SELECT columns_are('s3_bucket_usage_daily', ARRAY['id', 'bucket_id', 'date', 'storage_gb_standard',
  'storage_gb_ia', 'storage_gb_glacier', 'requests_count', 'estimated_storage_cost',
  'estimated_request_cost']);
SELECT col_type_is('s3_bucket_usage_daily', 'id', 'uuid');
SELECT col_type_is('s3_bucket_usage_daily', 'bucket_id', 'uuid');
SELECT col_type_is('s3_bucket_usage_daily', 'date', 'date');
SELECT col_type_is('s3_bucket_usage_daily', 'storage_gb_standard', 'numeric(12,4)');
SELECT col_type_is('s3_bucket_usage_daily', 'storage_gb_ia', 'numeric(12,4)');
SELECT col_type_is('s3_bucket_usage_daily', 'storage_gb_glacier', 'numeric(12,4)');
SELECT col_type_is('s3_bucket_usage_daily', 'requests_count', 'bigint');
SELECT col_type_is('s3_bucket_usage_daily', 'estimated_storage_cost', 'numeric(10,4)');
SELECT col_type_is('s3_bucket_usage_daily', 'estimated_request_cost', 'numeric(10,4)');

-- rds_instances
SELECT columns_are('rds_instances', ARRAY['id', 'account_id', 'db_instance_id', 'engine', 'instance_class',
  'allocated_storage_gib', 'env', 'region', 'state', 'hourly_cost', 'storage_monthly_cost', 'avg_cpu_7d',
  'avg_connections_7d', 'created_at', 'updated_at']);
SELECT col_type_is('rds_instances', 'id', 'uuid');
SELECT col_type_is('rds_instances', 'account_id', 'uuid');
SELECT col_type_is('rds_instances', 'db_instance_id', 'text');
SELECT col_type_is('rds_instances', 'engine', 'text');
SELECT col_type_is('rds_instances', 'instance_class', 'text');
SELECT col_type_is('rds_instances', 'allocated_storage_gib', 'integer');
SELECT col_type_is('rds_instances', 'env', 'text');
SELECT col_type_is('rds_instances', 'region', 'text');
SELECT col_type_is('rds_instances', 'state', 'text');
SELECT col_type_is('rds_instances', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('rds_instances', 'storage_monthly_cost', 'numeric(10,4)');
SELECT col_type_is('rds_instances', 'avg_cpu_7d', 'numeric(5,2)');
SELECT col_type_is('rds_instances', 'avg_connections_7d', 'numeric(10,2)');
SELECT col_type_is('rds_instances', 'created_at', 'timestamp with time zone');
SELECT col_type_is('rds_instances', 'updated_at', 'timestamp with time zone');

-- cache_clusters
SELECT columns_are('cache_clusters', ARRAY['id', 'account_id', 'cluster_id', 'engine', 'node_type',
  'num_nodes', 'env', 'region', 'hourly_cost', 'avg_cpu_7d', 'avg_memory_7d', 'created_at', 'updated_at']);
SELECT col_type_is('cache_clusters', 'id', 'uuid');
SELECT col_type_is('cache_clusters', 'account_id', 'uuid');
SELECT col_type_is('cache_clusters', 'cluster_id', 'text');
SELECT col_type_is('cache_clusters', 'engine', 'text');
SELECT col_type_is('cache_clusters', 'node_type', 'text');
SELECT col_type_is('cache_clusters', 'num_nodes', 'integer');
SELECT col_type_is('cache_clusters', 'env', 'text');
SELECT col_type_is('cache_clusters', 'region', 'text');
SELECT col_type_is('cache_clusters', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('cache_clusters', 'avg_cpu_7d', 'numeric(5,2)');
SELECT col_type_is('cache_clusters', 'avg_memory_7d', 'numeric(5,2)');
SELECT col_type_is('cache_clusters', 'created_at', 'timestamp with time zone');
SELECT col_type_is('cache_clusters', 'updated_at', 'timestamp with time zone');

-- load_balancers
SELECT columns_are('load_balancers', ARRAY['id', 'account_id', 'lb_arn', 'name', 'type', 'env', 'region',
  'hourly_cost', 'avg_request_count_7d', 'created_at', 'updated_at']);
SELECT col_type_is('load_balancers', 'id', 'uuid');
SELECT col_type_is('load_balancers', 'account_id', 'uuid');
SELECT col_type_is('load_balancers', 'lb_arn', 'text');
SELECT col_type_is('load_balancers', 'name', 'text');
SELECT col_type_is('load_balancers', 'type', 'text');
SELECT col_type_is('load_balancers', 'env', 'text');
SELECT col_type_is('load_balancers', 'region', 'text');
SELECT col_type_is('load_balancers', 'hourly_cost', 'numeric(10,4)');
SELECT col_type_is('load_balancers', 'avg_request_count_7d', 'numeric(12,2)');
SELECT col_type_is('load_balancers', 'created_at', 'timestamp with time zone');
SELECT col_type_is('load_balancers', 'updated_at', 'timestamp with time zone');

SELECT * FROM finish();
ROLLBACK;

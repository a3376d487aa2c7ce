-- 011_comments: every table has a comment, and so has every column whose meaning or unit is not obvious
-- from its name: jsonb documents, polymorphic resource references, text references to other tables'
-- ids, trailing-7-day rollups, and money columns.
BEGIN;
SELECT plan(99);

CREATE FUNCTION pg_temp.table_comment(table_name text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT obj_description(to_regclass('public.' || table_name), 'pg_class') $$;
CREATE FUNCTION pg_temp.column_comment(table_name text, column_name text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT col_description(a.attrelid, a.attnum) FROM pg_attribute a
        WHERE a.attrelid = to_regclass('public.' || table_name) AND a.attname = column_name $$;

SELECT isnt(pg_temp.table_comment(t), NULL, 'table ' || t || ' has a comment')
  FROM unnest(ARRAY['cloud_accounts', 'autoscaling_groups', 'instances', 'container_clusters', 'container_nodes',
    'lambda_functions', 'volumes', 'snapshots', 's3_buckets', 's3_bucket_usage_daily', 'rds_instances',
    'cache_clusters', 'load_balancers', 'elastic_ips', 'data_transfer_daily', 'managed_services',
    'streaming_clusters', 'log_groups', 'log_group_usage_daily', 'commitments', 'commitment_utilization_daily',
    'resource_tags', 'metrics_daily', 'container_services', 'api_clients', 'optimization_actions', 'waste_findings']) AS t;

SELECT isnt(pg_temp.column_comment(t, c), NULL, 'column ' || t || '.' || c || ' has a comment')
  FROM (VALUES
    -- jsonb documents
    ('instances', 'tags'), ('volumes', 'tags'), ('snapshots', 'tags'), ('s3_buckets', 'tags'), ('log_groups', 'tags'),
    ('s3_buckets', 'lifecycle_policy'), ('metrics_daily', 'metric_payload'), ('api_clients', 'scopes'),
    ('optimization_actions', 'details'), ('optimization_actions', 'params'),
    -- polymorphic resource references
    ('resource_tags', 'resource_type'), ('resource_tags', 'resource_id'),
    ('metrics_daily', 'resource_type'), ('metrics_daily', 'resource_id'),
    ('optimization_actions', 'resource_type'), ('optimization_actions', 'resource_id'),
    ('waste_findings', 'resource_type'), ('waste_findings', 'resource_id'),
    -- lifecycle and agent-written columns
    ('optimization_actions', 'approved_at'), ('optimization_actions', 'started_at'),
    ('optimization_actions', 'completed_at'), ('optimization_actions', 'error'), ('optimization_actions', 'reason'),
    ('waste_findings', 'pattern'), ('waste_findings', 'reported_by_client_id'), ('waste_findings', 'account_id'),
    -- text references to other tables' provider ids
    ('volumes', 'attached_instance_id'), ('snapshots', 'source_volume_id'),
    ('elastic_ips', 'associated_instance_id'), ('elastic_ips', 'associated_lb_arn'),
    -- trailing 7-day rollups
    ('instances', 'avg_cpu_7d'), ('instances', 'avg_network_7d'),
    ('container_nodes', 'avg_cpu_7d'), ('container_nodes', 'avg_memory_7d'),
    ('lambda_functions', 'invocations_7d'), ('lambda_functions', 'avg_duration_ms_7d'),
    ('rds_instances', 'avg_cpu_7d'), ('rds_instances', 'avg_connections_7d'),
    ('cache_clusters', 'avg_cpu_7d'), ('cache_clusters', 'avg_memory_7d'),
    ('load_balancers', 'avg_request_count_7d'),
    ('managed_services', 'avg_cpu_7d'), ('managed_services', 'avg_memory_7d'),
    ('streaming_clusters', 'avg_usage_mbps_7d'),
    ('container_services', 'avg_cpu_7d'), ('container_services', 'avg_memory_7d'),
    -- money
    ('instances', 'hourly_cost'), ('instances', 'gpu_hourly_cost'),
    ('container_nodes', 'hourly_cost'), ('container_nodes', 'gpu_hourly_cost'),
    ('container_clusters', 'estimated_hourly_cost'), ('lambda_functions', 'estimated_monthly_cost'),
    ('volumes', 'monthly_cost'), ('snapshots', 'monthly_cost'),
    ('s3_bucket_usage_daily', 'estimated_storage_cost'), ('s3_bucket_usage_daily', 'estimated_request_cost'),
    ('rds_instances', 'hourly_cost'), ('rds_instances', 'storage_monthly_cost'),
    ('cache_clusters', 'hourly_cost'), ('load_balancers', 'hourly_cost'), ('elastic_ips', 'hourly_cost'),
    ('data_transfer_daily', 'estimated_transfer_cost'),
    ('managed_services', 'hourly_cost'), ('streaming_clusters', 'hourly_cost'),
    ('log_group_usage_daily', 'estimated_ingestion_cost'), ('log_group_usage_daily', 'estimated_storage_cost'),
    ('commitments', 'hourly_commitment_amount'), ('commitment_utilization_daily', 'estimated_savings_vs_ondemand'),
    ('metrics_daily', 'estimated_daily_cost'),
    ('optimization_actions', 'estimated_monthly_savings'), ('optimization_actions', 'realized_monthly_savings'),
    ('waste_findings', 'estimated_monthly_savings')
  ) AS columns_with_comments(t, c);

SELECT * FROM finish();
ROLLBACK;

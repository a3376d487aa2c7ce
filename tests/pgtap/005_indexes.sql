-- 005_indexes: each table has exactly the spec's indexes plus those of its primary key and unique
-- constraints; each index covers the right columns, and the partial, descending and GIN ones are so.
BEGIN;
SELECT plan(117);

-- Exact index sets ({table}_pkey and {table}_{columns}_key come from primary key / unique constraints).
SELECT indexes_are('cloud_accounts', ARRAY['cloud_accounts_pkey']);
SELECT indexes_are('autoscaling_groups', ARRAY['autoscaling_groups_pkey', 'idx_autoscaling_groups_account_id']);
SELECT indexes_are('instances', ARRAY['instances_pkey', 'instances_instance_id_key', 'idx_instances_account_id',
  'idx_instances_asg_id', 'idx_instances_state', 'idx_instances_tags',
  'idx_instances_account_state',   -- migration 016, for the agent query catalog
  'idx_instances_gpu_running', 'idx_instances_running_hourly_cost', 'idx_instances_state_region']);   -- 019
SELECT indexes_are('container_clusters', ARRAY['container_clusters_pkey', 'idx_container_clusters_account_id']);
SELECT indexes_are('container_nodes', ARRAY['container_nodes_pkey', 'idx_container_nodes_cluster_id']);
SELECT indexes_are('lambda_functions', ARRAY['lambda_functions_pkey', 'idx_lambda_functions_account_id']);
SELECT indexes_are('volumes', ARRAY['volumes_pkey', 'volumes_volume_id_key', 'idx_volumes_account_id',
  'idx_volumes_state', 'idx_volumes_attached']);
SELECT indexes_are('snapshots', ARRAY['snapshots_pkey', 'snapshots_snapshot_id_key', 'idx_snapshots_account_id',
  'idx_snapshots_source_volume']);
SELECT indexes_are('s3_buckets', ARRAY['s3_buckets_pkey', 's3_buckets_name_key', 'idx_s3_buckets_account_id']);
SELECT indexes_are('s3_bucket_usage_daily', ARRAY['s3_bucket_usage_daily_pkey',
  's3_bucket_usage_daily_bucket_id_date_key', 'idx_s3_bucket_usage_bucket_id', 'idx_s3_bucket_usage_date']);
SELECT indexes_are('rds_instances', ARRAY['rds_instances_pkey', 'rds_instances_db_instance_id_key',
  'idx_rds_instances_account_id', 'idx_rds_instances_state']);
SELECT indexes_are('cache_clusters', ARRAY['cache_clusters_pkey', 'cache_clusters_cluster_id_key',
  'idx_cache_clusters_account_id']);
SELECT indexes_are('load_balancers', ARRAY['load_balancers_pkey', 'load_balancers_lb_arn_key',
  'idx_load_balancers_account_id']);
SELECT indexes_are('elastic_ips', ARRAY['elastic_ips_pkey', 'elastic_ips_allocation_id_key',
  'idx_elastic_ips_account_id', 'idx_elastic_ips_state']);
SELECT indexes_are('data_transfer_daily', ARRAY['data_transfer_daily_pkey', 'idx_data_transfer_account_id',
  'idx_data_transfer_date',
  'idx_data_transfer_account_date', 'idx_data_transfer_direction_date']);   -- the last two: migration 019
SELECT indexes_are('managed_services', ARRAY['managed_services_pkey', 'idx_managed_services_account_id']);
SELECT indexes_are('streaming_clusters', ARRAY['streaming_clusters_pkey', 'idx_streaming_clusters_account_id']);
SELECT indexes_are('log_groups', ARRAY['log_groups_pkey', 'idx_log_groups_account_id']);
SELECT indexes_are('log_group_usage_daily', ARRAY['log_group_usage_daily_pkey',
  'log_group_usage_daily_log_group_id_date_key', 'idx_log_group_usage_log_group_id', 'idx_log_group_usage_date']);
SELECT indexes_are('commitments', ARRAY['commitments_pkey', 'idx_commitments_account_id', 'idx_commitments_dates',
  'idx_commitments_end_date']);   -- migration 019
SELECT indexes_are('commitment_utilization_daily', ARRAY['commitment_utilization_daily_pkey',
  'commitment_utilization_daily_commitment_id_date_key', 'idx_commitment_util_commitment_id',
  'idx_commitment_util_date']);
SELECT indexes_are('resource_tags', ARRAY['resource_tags_pkey', 'resource_tags_resource_type_resource_id_key_key',
  'idx_resource_tags_account_key',   -- migration 016
  'idx_resource_tags_account_id', 'idx_resource_tags_resource', 'idx_resource_tags_key']);
SELECT indexes_are('metrics_daily', ARRAY['metrics_daily_pkey', 'metrics_daily_resource_type_resource_id_date_key',
  'idx_metrics_daily_account_id', 'idx_metrics_daily_resource', 'idx_metrics_daily_date', 'idx_metrics_daily_payload',
  'idx_metrics_daily_idle_instance_days',   -- migration 016
  'idx_metrics_daily_account_type_date',   -- migration 019
  'idx_metrics_daily_partial_instance_days']);   -- migration 022
SELECT indexes_are('container_services', ARRAY['container_services_pkey', 'idx_container_services_cluster_id']);
SELECT indexes_are('api_clients', ARRAY['api_clients_pkey', 'api_clients_access_key_id_key',
  'idx_api_clients_account_id', 'idx_api_clients_access_key']);
SELECT indexes_are('optimization_actions', ARRAY['optimization_actions_pkey', 'idx_optimization_actions_account_id',
  'idx_optimization_actions_resource', 'idx_optimization_actions_status', 'idx_optimization_actions_client_id']);
SELECT indexes_are('waste_findings', ARRAY['waste_findings_pkey', 'idx_waste_findings_account_id',
  'idx_waste_findings_account_pattern', 'idx_waste_findings_client_id']);

-- Columns of the spec's indexes
SELECT has_index('autoscaling_groups', 'idx_autoscaling_groups_account_id', ARRAY['account_id']);
SELECT has_index('instances', 'idx_instances_account_id', ARRAY['account_id']);
SELECT has_index('instances', 'idx_instances_asg_id', ARRAY['autoscaling_group_id']);
SELECT has_index('instances', 'idx_instances_state', ARRAY['state']);
SELECT has_index('instances', 'idx_instances_tags', ARRAY['tags']);
SELECT has_index('container_clusters', 'idx_container_clusters_account_id', ARRAY['account_id']);
SELECT has_index('container_nodes', 'idx_container_nodes_cluster_id', ARRAY['cluster_id']);
SELECT has_index('lambda_functions', 'idx_lambda_functions_account_id', ARRAY['account_id']);
SELECT has_index('volumes', 'idx_volumes_account_id', ARRAY['account_id']);
SELECT has_index('volumes', 'idx_volumes_state', ARRAY['state']);
SELECT has_index('volumes', 'idx_volumes_attached', ARRAY['attached_instance_id']);
SELECT has_index('snapshots', 'idx_snapshots_account_id', ARRAY['account_id']);
SELECT has_index('snapshots', 'idx_snapshots_source_volume', ARRAY['source_volume_id']);
SELECT has_index('s3_buckets', 'idx_s3_buckets_account_id', ARRAY['account_id']);
SELECT has_index('s3_bucket_usage_daily', 'idx_s3_bucket_usage_bucket_id', ARRAY['bucket_id']);
SELECT has_index('s3_bucket_usage_daily', 'idx_s3_bucket_usage_date', ARRAY['date']);
SELECT has_index('rds_instances', 'idx_rds_instances_account_id', ARRAY['account_id']);
SELECT has_index('rds_instances', 'idx_rds_instances_state', ARRAY['state']);
SELECT has_index('cache_clusters', 'idx_cache_clusters_account_id', ARRAY['account_id']);
SELECT has_index('load_balancers', 'idx_load_balancers_account_id', ARRAY['account_id']);
SELECT has_index('elastic_ips', 'idx_elastic_ips_account_id', ARRAY['account_id']);
SELECT has_index('elastic_ips', 'idx_elastic_ips_state', ARRAY['state']);
SELECT has_index('data_transfer_daily', 'idx_data_transfer_account_id', ARRAY['account_id']);
SELECT has_index('data_transfer_daily', 'idx_data_transfer_date', ARRAY['date']);
SELECT has_index('managed_services', 'idx_managed_services_account_id', ARRAY['account_id']);
SELECT has_index('streaming_clusters', 'idx_streaming_clusters_account_id', ARRAY['account_id']);
SELECT has_index('log_groups', 'idx_log_groups_account_id', ARRAY['account_id']);
SELECT has_index('log_group_usage_daily', 'idx_log_group_usage_log_group_id', ARRAY['log_group_id']);
SELECT has_index('log_group_usage_daily', 'idx_log_group_usage_date', ARRAY['date']);
SELECT has_index('commitments', 'idx_commitments_account_id', ARRAY['account_id']);
SELECT has_index('commitments', 'idx_commitments_dates', ARRAY['start_date', 'end_date']);
SELECT has_index('commitment_utilization_daily', 'idx_commitment_util_commitment_id', ARRAY['commitment_id']);
SELECT has_index('commitment_utilization_daily', 'idx_commitment_util_date', ARRAY['date']);
SELECT has_index('resource_tags', 'idx_resource_tags_account_id', ARRAY['account_id']);
SELECT has_index('resource_tags', 'idx_resource_tags_resource', ARRAY['resource_type', 'resource_id']);
SELECT has_index('resource_tags', 'idx_resource_tags_key', ARRAY['key']);
SELECT has_index('metrics_daily', 'idx_metrics_daily_account_id', ARRAY['account_id']);
SELECT has_index('metrics_daily', 'idx_metrics_daily_resource', ARRAY['resource_type', 'resource_id']);
SELECT has_index('metrics_daily', 'idx_metrics_daily_date', ARRAY['date']);
SELECT has_index('metrics_daily', 'idx_metrics_daily_payload', ARRAY['metric_payload']);
SELECT has_index('container_services', 'idx_container_services_cluster_id', ARRAY['cluster_id']);
SELECT has_index('api_clients', 'idx_api_clients_account_id', ARRAY['account_id']);
SELECT has_index('api_clients', 'idx_api_clients_access_key', ARRAY['access_key_id']);
SELECT has_index('optimization_actions', 'idx_optimization_actions_account_id', ARRAY['account_id']);
SELECT has_index('optimization_actions', 'idx_optimization_actions_resource', ARRAY['resource_type', 'resource_id']);
SELECT has_index('optimization_actions', 'idx_optimization_actions_status', ARRAY['status']);
SELECT has_index('optimization_actions', 'idx_optimization_actions_client_id', ARRAY['requested_by_client_id']);
SELECT has_index('waste_findings', 'idx_waste_findings_account_id', ARRAY['account_id']);
SELECT has_index('waste_findings', 'idx_waste_findings_account_pattern', ARRAY['account_id', 'pattern']);
SELECT has_index('waste_findings', 'idx_waste_findings_client_id', ARRAY['reported_by_client_id']);

-- Unique constraints: columns, and the index is unique
SELECT has_index('instances', 'instances_instance_id_key', ARRAY['instance_id']);
SELECT index_is_unique('instances', 'instances_instance_id_key');
SELECT has_index('volumes', 'volumes_volume_id_key', ARRAY['volume_id']);
SELECT index_is_unique('volumes', 'volumes_volume_id_key');
SELECT has_index('snapshots', 'snapshots_snapshot_id_key', ARRAY['snapshot_id']);
SELECT index_is_unique('snapshots', 'snapshots_snapshot_id_key');
SELECT has_index('s3_buckets', 's3_buckets_name_key', ARRAY['name']);
SELECT index_is_unique('s3_buckets', 's3_buckets_name_key');
SELECT has_index('s3_bucket_usage_daily', 's3_bucket_usage_daily_bucket_id_date_key', ARRAY['bucket_id', 'date']);
SELECT index_is_unique('s3_bucket_usage_daily', 's3_bucket_usage_daily_bucket_id_date_key');
SELECT has_index('rds_instances', 'rds_instances_db_instance_id_key', ARRAY['db_instance_id']);
SELECT index_is_unique('rds_instances', 'rds_instances_db_instance_id_key');
SELECT has_index('cache_clusters', 'cache_clusters_cluster_id_key', ARRAY['cluster_id']);
SELECT index_is_unique('cache_clusters', 'cache_clusters_cluster_id_key');
SELECT has_index('load_balancers', 'load_balancers_lb_arn_key', ARRAY['lb_arn']);
SELECT index_is_unique('load_balancers', 'load_balancers_lb_arn_key');
SELECT has_index('elastic_ips', 'elastic_ips_allocation_id_key', ARRAY['allocation_id']);
SELECT index_is_unique('elastic_ips', 'elastic_ips_allocation_id_key');
SELECT has_index('log_group_usage_daily', 'log_group_usage_daily_log_group_id_date_key', ARRAY['log_group_id', 'date']);
SELECT index_is_unique('log_group_usage_daily', 'log_group_usage_daily_log_group_id_date_key');
SELECT has_index('commitment_utilization_daily', 'commitment_utilization_daily_commitment_id_date_key',
  ARRAY['commitment_id', 'date']);
SELECT index_is_unique('commitment_utilization_daily', 'commitment_utilization_daily_commitment_id_date_key');
SELECT has_index('resource_tags', 'resource_tags_resource_type_resource_id_key_key', ARRAY['resource_type', 'resource_id', 'key']);
SELECT index_is_unique('resource_tags', 'resource_tags_resource_type_resource_id_key_key');
SELECT has_index('metrics_daily', 'metrics_daily_resource_type_resource_id_date_key', ARRAY['resource_type', 'resource_id', 'date']);
SELECT index_is_unique('metrics_daily', 'metrics_daily_resource_type_resource_id_date_key');
SELECT has_index('api_clients', 'api_clients_access_key_id_key', ARRAY['access_key_id']);
SELECT index_is_unique('api_clients', 'api_clients_access_key_id_key');

-- Partial indexes: the predicate is exactly "column is not null".
CREATE FUNCTION pg_temp.index_predicate(index_name text) RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i WHERE i.indexrelid = to_regclass('public.' || index_name) $$;
SELECT is(pg_temp.index_predicate('idx_instances_asg_id'), '(autoscaling_group_id IS NOT NULL)',
  'idx_instances_asg_id is partial: where autoscaling_group_id is not null');
SELECT is(pg_temp.index_predicate('idx_volumes_attached'), '(attached_instance_id IS NOT NULL)',
  'idx_volumes_attached is partial: where attached_instance_id is not null');
SELECT is(pg_temp.index_predicate('idx_snapshots_source_volume'), '(source_volume_id IS NOT NULL)',
  'idx_snapshots_source_volume is partial: where source_volume_id is not null');
SELECT is(pg_temp.index_predicate('idx_optimization_actions_client_id'), '(requested_by_client_id IS NOT NULL)',
  'idx_optimization_actions_client_id is partial: where requested_by_client_id is not null');
SELECT is(pg_temp.index_predicate('idx_waste_findings_client_id'), '(reported_by_client_id IS NOT NULL)',
  'idx_waste_findings_client_id is partial: where reported_by_client_id is not null');

-- GIN indexes on the jsonb columns
SELECT index_is_type('instances', 'idx_instances_tags', 'gin');
SELECT index_is_type('metrics_daily', 'idx_metrics_daily_payload', 'gin');

-- Date indexes of the daily tables sort newest first (bit 0 of pg_index.indoption is DESC).
CREATE FUNCTION pg_temp.first_key_descending(index_name text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT (i.indoption[0] & 1) = 1 FROM pg_index i WHERE i.indexrelid = to_regclass('public.' || index_name) $$;
SELECT ok(pg_temp.first_key_descending('idx_s3_bucket_usage_date'), 'idx_s3_bucket_usage_date is on date desc');
SELECT ok(pg_temp.first_key_descending('idx_data_transfer_date'), 'idx_data_transfer_date is on date desc');
SELECT ok(pg_temp.first_key_descending('idx_log_group_usage_date'), 'idx_log_group_usage_date is on date desc');
SELECT ok(pg_temp.first_key_descending('idx_commitment_util_date'), 'idx_commitment_util_date is on date desc');
SELECT ok(pg_temp.first_key_descending('idx_metrics_daily_date'), 'idx_metrics_daily_date is on date desc');

SELECT * FROM finish();
ROLLBACK;

-- 003a_defaults: nullability and default of every column of the first 13 tables of the spec
-- (cloud_accounts through load_balancers): one line per column, NOT NULL or NULL, then the spec's
-- default or the absence of one. 003b_defaults covers the rest.
BEGIN;
SELECT plan(306);

-- cloud_accounts
SELECT col_not_null('cloud_accounts', 'id');         SELECT col_default_is('cloud_accounts', 'id', 'gen_random_uuid()');
SELECT col_not_null('cloud_accounts', 'name');       SELECT col_hasnt_default('cloud_accounts', 'name');
SELECT col_not_null('cloud_accounts', 'provider');   SELECT col_default_is('cloud_accounts', 'provider', 'aws-fake');
SELECT col_not_null('cloud_accounts', 'created_at'); SELECT col_default_is('cloud_accounts', 'created_at', 'now()');

-- autoscaling_groups
SELECT col_not_null('autoscaling_groups', 'id');               SELECT col_default_is('autoscaling_groups', 'id', 'gen_random_uuid()');
SELECT col_not_null('autoscaling_groups', 'account_id');       SELECT col_hasnt_default('autoscaling_groups', 'account_id');
SELECT col_not_null('autoscaling_groups', 'name');             SELECT col_hasnt_default('autoscaling_groups', 'name');
SELECT col_not_null('autoscaling_groups', 'min_size');         SELECT col_default_is('autoscaling_groups', 'min_size', '0');
SELECT col_not_null('autoscaling_groups', 'max_size');         SELECT col_default_is('autoscaling_groups', 'max_size', '10');
SELECT col_not_null('autoscaling_groups', 'desired_capacity'); SELECT col_default_is('autoscaling_groups', 'desired_capacity', '1');
SELECT col_not_null('autoscaling_groups', 'instance_type');    SELECT col_hasnt_default('autoscaling_groups', 'instance_type');
SELECT col_not_null('autoscaling_groups', 'env');              SELECT col_default_is('autoscaling_groups', 'env', 'dev');
SELECT col_not_null('autoscaling_groups', 'region');           SELECT col_default_is('autoscaling_groups', 'region', 'us-east-1');
SELECT col_not_null('autoscaling_groups', 'created_at');       SELECT col_default_is('autoscaling_groups', 'created_at', 'now()');
SELECT col_not_null('autoscaling_groups', 'updated_at');       SELECT col_default_is('autoscaling_groups', 'updated_at', 'now()');

-- instances
SELECT col_not_null('instances', 'id');                   SELECT col_default_is('instances', 'id', 'gen_random_uuid()');
SELECT col_not_null('instances', 'account_id');           SELECT col_hasnt_default('instances', 'account_id');
SELECT col_not_null('instances', 'instance_id');          SELECT col_hasnt_default('instances', 'instance_id');
SELECT col_is_null('instances', 'name');                  SELECT col_hasnt_default('instances', 'name');
SELECT col_not_null('instances', 'instance_type');        SELECT col_hasnt_default('instances', 'instance_type');
SELECT col_not_null('instances', 'env');                  SELECT col_default_is('instances', 'env', 'dev');
SELECT col_not_null('instances', 'region');               SELECT col_default_is('instances', 'region', 'us-east-1');
SELECT col_not_null('instances', 'state');                SELECT col_default_is('instances', 'state', 'running');
SELECT col_is_null('instances', 'autoscaling_group_id');  SELECT col_hasnt_default('instances', 'autoscaling_group_id');
SELECT col_not_null('instances', 'launch_time');          SELECT col_default_is('instances', 'launch_time', 'now()');
SELECT col_not_null('instances', 'hourly_cost');          SELECT col_default_is('instances', 'hourly_cost', '0');
SELECT col_is_null('instances', 'gpu_hourly_cost');       SELECT col_default_is('instances', 'gpu_hourly_cost', '0');
SELECT col_is_null('instances', 'gpu_count');             SELECT col_default_is('instances', 'gpu_count', '0');
SELECT col_is_null('instances', 'has_gpu');               SELECT col_default_is('instances', 'has_gpu', 'false');
SELECT col_is_null('instances', 'avg_cpu_7d');            SELECT col_default_is('instances', 'avg_cpu_7d', '0');
SELECT col_is_null('instances', 'avg_network_7d');        SELECT col_default_is('instances', 'avg_network_7d', '0');
SELECT col_is_null('instances', 'last_active_at');        SELECT col_hasnt_default('instances', 'last_active_at');
SELECT col_is_null('instances', 'tags');                  SELECT col_default_is('instances', 'tags', '{}');
SELECT col_not_null('instances', 'created_at');           SELECT col_default_is('instances', 'created_at', 'now()');
SELECT col_not_null('instances', 'updated_at');           SELECT col_default_is('instances', 'updated_at', 'now()');

-- container_clusters
SELECT col_not_null('container_clusters', 'id');                   SELECT col_default_is('container_clusters', 'id', 'gen_random_uuid()');
SELECT col_not_null('container_clusters', 'account_id');           SELECT col_hasnt_default('container_clusters', 'account_id');
SELECT col_not_null('container_clusters', 'name');                 SELECT col_hasnt_default('container_clusters', 'name');
SELECT col_not_null('container_clusters', 'env');                  SELECT col_default_is('container_clusters', 'env', 'dev');
SELECT col_not_null('container_clusters', 'region');               SELECT col_default_is('container_clusters', 'region', 'us-east-1');
SELECT col_not_null('container_clusters', 'node_instance_type');   SELECT col_default_is('container_clusters', 'node_instance_type', 'm5.large');
SELECT col_not_null('container_clusters', 'desired_nodes');        SELECT col_default_is('container_clusters', 'desired_nodes', '3');
SELECT col_not_null('container_clusters', 'min_nodes');            SELECT col_default_is('container_clusters', 'min_nodes', '1');
SELECT col_not_null('container_clusters', 'max_nodes');            SELECT col_default_is('container_clusters', 'max_nodes', '10');
SELECT col_is_null('container_clusters', 'estimated_hourly_cost'); SELECT col_default_is('container_clusters', 'estimated_hourly_cost', '0');
SELECT col_not_null('container_clusters', 'created_at');           SELECT col_default_is('container_clusters', 'created_at', 'now()');
SELECT col_not_null('container_clusters', 'updated_at');           SELECT col_default_is('container_clusters', 'updated_at', 'now()');

-- container_nodes
SELECT col_not_null('container_nodes', 'id');             SELECT col_default_is('container_nodes', 'id', 'gen_random_uuid()');
SELECT col_not_null('container_nodes', 'cluster_id');     SELECT col_hasnt_default('container_nodes', 'cluster_id');
SELECT col_not_null('container_nodes', 'instance_id');    SELECT col_hasnt_default('container_nodes', 'instance_id');
SELECT col_not_null('container_nodes', 'instance_type');  SELECT col_hasnt_default('container_nodes', 'instance_type');
SELECT col_not_null('container_nodes', 'region');         SELECT col_default_is('container_nodes', 'region', 'us-east-1');
SELECT col_not_null('container_nodes', 'state');          SELECT col_default_is('container_nodes', 'state', 'running');
SELECT col_not_null('container_nodes', 'hourly_cost');    SELECT col_default_is('container_nodes', 'hourly_cost', '0');
SELECT col_is_null('container_nodes', 'gpu_hourly_cost'); SELECT col_default_is('container_nodes', 'gpu_hourly_cost', '0');
SELECT col_is_null('container_nodes', 'gpu_count');       SELECT col_default_is('container_nodes', 'gpu_count', '0');
SELECT col_is_null('container_nodes', 'has_gpu');         SELECT col_default_is('container_nodes', 'has_gpu', 'false');
SELECT col_is_null('container_nodes', 'avg_cpu_7d');      SELECT col_default_is('container_nodes', 'avg_cpu_7d', '0');
SELECT col_is_null('container_nodes', 'avg_memory_7d');   SELECT col_default_is('container_nodes', 'avg_memory_7d', '0');
SELECT col_not_null('container_nodes', 'created_at');     SELECT col_default_is('container_nodes', 'created_at', 'now()');
SELECT col_not_null('container_nodes', 'updated_at');     SELECT col_default_is('container_nodes', 'updated_at', 'now()');

-- lambda_functions
SELECT col_not_null('lambda_functions', 'id');                     SELECT col_default_is('lambda_functions', 'id', 'gen_random_uuid()');
SELECT col_not_null('lambda_functions', 'account_id');             SELECT col_hasnt_default('lambda_functions', 'account_id');
SELECT col_not_null('lambda_functions', 'name');                   SELECT col_hasnt_default('lambda_functions', 'name');
SELECT col_not_null('lambda_functions', 'env');                    SELECT col_default_is('lambda_functions', 'env', 'dev');
SELECT col_not_null('lambda_functions', 'region');                 SELECT col_default_is('lambda_functions', 'region', 'us-east-1');
SELECT col_not_null('lambda_functions', 'memory_mb');              SELECT col_default_is('lambda_functions', 'memory_mb', '128');
SELECT col_not_null('lambda_functions', 'timeout_seconds');        SELECT col_default_is('lambda_functions', 'timeout_seconds', '30');
SELECT col_is_null('lambda_functions', 'provisioned_concurrency'); SELECT col_default_is('lambda_functions', 'provisioned_concurrency', '0');
SELECT col_is_null('lambda_functions', 'invocations_7d');          SELECT col_default_is('lambda_functions', 'invocations_7d', '0');
SELECT col_is_null('lambda_functions', 'avg_duration_ms_7d');      SELECT col_default_is('lambda_functions', 'avg_duration_ms_7d', '0');
SELECT col_is_null('lambda_functions', 'estimated_monthly_cost');  SELECT col_default_is('lambda_functions', 'estimated_monthly_cost', '0');
SELECT col_not_null('lambda_functions', 'created_at');             SELECT col_default_is('lambda_functions', 'created_at', 'now()');
SELECT col_not_null('lambda_functions', 'updated_at');             SELECT col_default_is('lambda_functions', 'updated_at', 'now()');

-- volumes
SELECT col_not_null('volumes', 'id');                   SELECT col_default_is('volumes', 'id', 'gen_random_uuid()');
SELECT col_not_null('volumes', 'account_id');           SELECT col_hasnt_default('volumes', 'account_id');
SELECT col_not_null('volumes', 'volume_id');            SELECT col_hasnt_default('volumes', 'volume_id');
SELECT col_not_null('volumes', 'region');               SELECT col_default_is('volumes', 'region', 'us-east-1');
SELECT col_not_null('volumes', 'size_gib');             SELECT col_hasnt_default('volumes', 'size_gib');
SELECT col_not_null('volumes', 'volume_type');          SELECT col_default_is('volumes', 'volume_type', 'gp3');
SELECT col_not_null('volumes', 'state');                SELECT col_default_is('volumes', 'state', 'available');
SELECT col_is_null('volumes', 'attached_instance_id');  SELECT col_hasnt_default('volumes', 'attached_instance_id');
SELECT col_not_null('volumes', 'monthly_cost');         SELECT col_default_is('volumes', 'monthly_cost', '0');
SELECT col_is_null('volumes', 'last_used_at');          SELECT col_hasnt_default('volumes', 'last_used_at');
SELECT col_is_null('volumes', 'tags');                  SELECT col_default_is('volumes', 'tags', '{}');
SELECT col_not_null('volumes', 'created_at');           SELECT col_default_is('volumes', 'created_at', 'now()');
SELECT col_not_null('volumes', 'updated_at');           SELECT col_default_is('volumes', 'updated_at', 'now()');

-- snapshots
SELECT col_not_null('snapshots', 'id');               SELECT col_default_is('snapshots', 'id', 'gen_random_uuid()');
SELECT col_not_null('snapshots', 'account_id');       SELECT col_hasnt_default('snapshots', 'account_id');
SELECT col_not_null('snapshots', 'snapshot_id');      SELECT col_hasnt_default('snapshots', 'snapshot_id');
SELECT col_not_null('snapshots', 'region');           SELECT col_default_is('snapshots', 'region', 'us-east-1');
SELECT col_is_null('snapshots', 'source_volume_id');  SELECT col_hasnt_default('snapshots', 'source_volume_id');
SELECT col_not_null('snapshots', 'size_gib');         SELECT col_hasnt_default('snapshots', 'size_gib');
SELECT col_is_null('snapshots', 'retention_policy');  SELECT col_hasnt_default('snapshots', 'retention_policy');
SELECT col_not_null('snapshots', 'monthly_cost');     SELECT col_default_is('snapshots', 'monthly_cost', '0');
SELECT col_is_null('snapshots', 'tags');              SELECT col_default_is('snapshots', 'tags', '{}');
SELECT col_not_null('snapshots', 'created_at');       SELECT col_default_is('snapshots', 'created_at', 'now()');

-- s3_buckets
SELECT col_not_null('s3_buckets', 'id');              SELECT col_default_is('s3_buckets', 'id', 'gen_random_uuid()');
SELECT col_not_null('s3_buckets', 'account_id');      SELECT col_hasnt_default('s3_buckets', 'account_id');
SELECT col_not_null('s3_buckets', 'name');            SELECT col_hasnt_default('s3_buckets', 'name');
SELECT col_not_null('s3_buckets', 'env');             SELECT col_default_is('s3_buckets', 'env', 'dev');
SELECT col_not_null('s3_buckets', 'region');          SELECT col_default_is('s3_buckets', 'region', 'us-east-1');
SELECT col_is_null('s3_buckets', 'lifecycle_policy'); SELECT col_default_is('s3_buckets', 'lifecycle_policy', '{}');
SELECT col_is_null('s3_buckets', 'tags');             SELECT col_default_is('s3_buckets', 'tags', '{}');
SELECT col_not_null('s3_buckets', 'created_at');      SELECT col_default_is('s3_buckets', 'created_at', 'now()');

-- s3_bucket_usage_daily
SELECT col_not_null('s3_bucket_usage_daily', 'id');                    SELECT col_default_is('s3_bucket_usage_daily', 'id', 'gen_random_uuid()');
SELECT col_not_null('s3_bucket_usage_daily', 'bucket_id');             SELECT col_hasnt_default('s3_bucket_usage_daily', 'bucket_id');
SELECT col_not_null('s3_bucket_usage_daily', 'date');                  SELECT col_hasnt_default('s3_bucket_usage_daily', 'date');
SELECT col_is_null('s3_bucket_usage_daily', 'storage_gb_standard');    SELECT col_default_is('s3_bucket_usage_daily', 'storage_gb_standard', '0');
SELECT col_is_null('s3_bucket_usage_daily', 'storage_gb_ia');          SELECT col_default_is('s3_bucket_usage_daily', 'storage_gb_ia', '0');
SELECT col_is_null('s3_bucket_usage_daily', 'storage_gb_glacier');     SELECT col_default_is('s3_bucket_usage_daily', 'storage_gb_glacier', '0');
SELECT col_is_null('s3_bucket_usage_daily', 'requests_count');         SELECT col_default_is('s3_bucket_usage_daily', 'requests_count', '0');
SELECT col_is_null('s3_bucket_usage_daily', 'estimated_storage_cost'); SELECT col_default_is('s3_bucket_usage_daily', 'estimated_storage_cost', '0');
SELECT col_is_null('s3_bucket_usage_daily', 'estimated_request_cost'); SELECT col_default_is('s3_bucket_usage_daily', 'estimated_request_cost', '0');

-- rds_instances
SELECT col_not_null('rds_instances', 'id');                    SELECT col_default_is('rds_instances', 'id', 'gen_random_uuid()');
SELECT col_not_null('rds_instances', 'account_id');            SELECT col_hasnt_default('rds_instances', 'account_id');
SELECT col_not_null('rds_instances', 'db_instance_id');        SELECT col_hasnt_default('rds_instances', 'db_instance_id');
SELECT col_not_null('rds_instances', 'engine');                SELECT col_default_is('rds_instances', 'engine', 'postgres');
SELECT col_not_null('rds_instances', 'instance_class');        SELECT col_default_is('rds_instances', 'instance_class', 'db.t3.micro');
SELECT col_not_null('rds_instances', 'allocated_storage_gib'); SELECT col_default_is('rds_instances', 'allocated_storage_gib', '20');
SELECT col_not_null('rds_instances', 'env');                   SELECT col_default_is('rds_instances', 'env', 'dev');
SELECT col_not_null('rds_instances', 'region');                SELECT col_default_is('rds_instances', 'region', 'us-east-1');
SELECT col_not_null('rds_instances', 'state');                 SELECT col_default_is('rds_instances', 'state', 'available');
SELECT col_not_null('rds_instances', 'hourly_cost');           SELECT col_default_is('rds_instances', 'hourly_cost', '0');
SELECT col_is_null('rds_instances', 'storage_monthly_cost');   SELECT col_default_is('rds_instances', 'storage_monthly_cost', '0');
SELECT col_is_null('rds_instances', 'avg_cpu_7d');             SELECT col_default_is('rds_instances', 'avg_cpu_7d', '0');
SELECT col_is_null('rds_instances', 'avg_connections_7d');     SELECT col_default_is('rds_instances', 'avg_connections_7d', '0');
SELECT col_not_null('rds_instances', 'created_at');            SELECT col_default_is('rds_instances', 'created_at', 'now()');
SELECT col_not_null('rds_instances', 'updated_at');            SELECT col_default_is('rds_instances', 'updated_at', 'now()');

-- cache_clusters
SELECT col_not_null('cache_clusters', 'id');           SELECT col_default_is('cache_clusters', 'id', 'gen_random_uuid()');
SELECT col_not_null('cache_clusters', 'account_id');   SELECT col_hasnt_default('cache_clusters', 'account_id');
SELECT col_not_null('cache_clusters', 'cluster_id');   SELECT col_hasnt_default('cache_clusters', 'cluster_id');
SELECT col_not_null('cache_clusters', 'engine');       SELECT col_default_is('cache_clusters', 'engine', 'redis');
SELECT col_not_null('cache_clusters', 'node_type');    SELECT col_default_is('cache_clusters', 'node_type', 'cache.t3.micro');
SELECT col_not_null('cache_clusters', 'num_nodes');    SELECT col_default_is('cache_clusters', 'num_nodes', '1');
SELECT col_not_null('cache_clusters', 'env');          SELECT col_default_is('cache_clusters', 'env', 'dev');
SELECT col_not_null('cache_clusters', 'region');       SELECT col_default_is('cache_clusters', 'region', 'us-east-1');
SELECT col_not_null('cache_clusters', 'hourly_cost');  SELECT col_default_is('cache_clusters', 'hourly_cost', '0');
SELECT col_is_null('cache_clusters', 'avg_cpu_7d');    SELECT col_default_is('cache_clusters', 'avg_cpu_7d', '0');
SELECT col_is_null('cache_clusters', 'avg_memory_7d'); SELECT col_default_is('cache_clusters', 'avg_memory_7d', '0');
SELECT col_not_null('cache_clusters', 'created_at');   SELECT col_default_is('cache_clusters', 'created_at', 'now()');
SELECT col_not_null('cache_clusters', 'updated_at');   SELECT col_default_is('cache_clusters', 'updated_at', 'now()');

-- load_balancers
SELECT col_not_null('load_balancers', 'id');                  SELECT col_default_is('load_balancers', 'id', 'gen_random_uuid()');
SELECT col_not_null('load_balancers', 'account_id');          SELECT col_hasnt_default('load_balancers', 'account_id');
SELECT col_not_null('load_balancers', 'lb_arn');              SELECT col_hasnt_default('load_balancers', 'lb_arn');
SELECT col_not_null('load_balancers', 'name');                SELECT col_hasnt_default('load_balancers', 'name');
SELECT col_not_null('load_balancers', 'type');                SELECT col_default_is('load_balancers', 'type', 'application');
SELECT col_not_null('load_balancers', 'env');                 SELECT col_default_is('load_balancers', 'env', 'dev');
SELECT col_not_null('load_balancers', 'region');              SELECT col_default_is('load_balancers', 'region', 'us-east-1');
SELECT col_not_null('load_balancers', 'hourly_cost');         SELECT col_default_is('load_balancers', 'hourly_cost', '0');
SELECT col_is_null('load_balancers', 'avg_request_count_7d'); SELECT col_default_is('load_balancers', 'avg_request_count_7d', '0');
SELECT col_not_null('load_balancers', 'created_at');          SELECT col_default_is('load_balancers', 'created_at', 'now()');
SELECT col_not_null('load_balancers', 'updated_at');          SELECT col_default_is('load_balancers', 'updated_at', 'now()');

SELECT * FROM finish();
ROLLBACK;

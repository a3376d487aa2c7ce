-- 003b_defaults: nullability and default of every column of the last 13 tables of the spec
-- (elastic_ips through api_clients, and optimization_actions) and of waste_findings: one line per
-- column, NOT NULL or NULL, then the spec's default or the absence of one. 003a_defaults covers the rest.
BEGIN;
SELECT plan(278);

-- elastic_ips
SELECT col_not_null('elastic_ips', 'id');                    SELECT col_default_is('elastic_ips', 'id', 'gen_random_uuid()');
SELECT col_not_null('elastic_ips', 'account_id');            SELECT col_hasnt_default('elastic_ips', 'account_id');
SELECT col_not_null('elastic_ips', 'allocation_id');         SELECT col_hasnt_default('elastic_ips', 'allocation_id');
SELECT col_not_null('elastic_ips', 'public_ip');             SELECT col_hasnt_default('elastic_ips', 'public_ip');
SELECT col_is_null('elastic_ips', 'associated_instance_id'); SELECT col_hasnt_default('elastic_ips', 'associated_instance_id');
SELECT col_is_null('elastic_ips', 'associated_lb_arn');      SELECT col_hasnt_default('elastic_ips', 'associated_lb_arn');
SELECT col_not_null('elastic_ips', 'state');                 SELECT col_default_is('elastic_ips', 'state', 'unassociated');
SELECT col_not_null('elastic_ips', 'hourly_cost');           SELECT col_default_is('elastic_ips', 'hourly_cost', '0');
SELECT col_not_null('elastic_ips', 'created_at');            SELECT col_default_is('elastic_ips', 'created_at', 'now()');
SELECT col_not_null('elastic_ips', 'updated_at');            SELECT col_default_is('elastic_ips', 'updated_at', 'now()');

-- data_transfer_daily
SELECT col_not_null('data_transfer_daily', 'id');                     SELECT col_default_is('data_transfer_daily', 'id', 'gen_random_uuid()');
SELECT col_not_null('data_transfer_daily', 'account_id');             SELECT col_hasnt_default('data_transfer_daily', 'account_id');
SELECT col_not_null('data_transfer_daily', 'date');                   SELECT col_hasnt_default('data_transfer_daily', 'date');
SELECT col_not_null('data_transfer_daily', 'source_region');          SELECT col_hasnt_default('data_transfer_daily', 'source_region');
SELECT col_not_null('data_transfer_daily', 'dest_region');            SELECT col_hasnt_default('data_transfer_daily', 'dest_region');
SELECT col_not_null('data_transfer_daily', 'direction');              SELECT col_hasnt_default('data_transfer_daily', 'direction');
SELECT col_not_null('data_transfer_daily', 'gb_transferred');         SELECT col_default_is('data_transfer_daily', 'gb_transferred', '0');
SELECT col_is_null('data_transfer_daily', 'estimated_transfer_cost'); SELECT col_default_is('data_transfer_daily', 'estimated_transfer_cost', '0');

-- managed_services
SELECT col_not_null('managed_services', 'id');           SELECT col_default_is('managed_services', 'id', 'gen_random_uuid()');
SELECT col_not_null('managed_services', 'account_id');   SELECT col_hasnt_default('managed_services', 'account_id');
SELECT col_not_null('managed_services', 'service_type'); SELECT col_hasnt_default('managed_services', 'service_type');
SELECT col_not_null('managed_services', 'name');         SELECT col_hasnt_default('managed_services', 'name');
SELECT col_not_null('managed_services', 'env');          SELECT col_default_is('managed_services', 'env', 'dev');
SELECT col_not_null('managed_services', 'region');       SELECT col_default_is('managed_services', 'region', 'us-east-1');
SELECT col_not_null('managed_services', 'instance_type'); SELECT col_hasnt_default('managed_services', 'instance_type');
SELECT col_not_null('managed_services', 'node_count');   SELECT col_default_is('managed_services', 'node_count', '1');
SELECT col_not_null('managed_services', 'hourly_cost');  SELECT col_default_is('managed_services', 'hourly_cost', '0');
SELECT col_is_null('managed_services', 'avg_cpu_7d');    SELECT col_default_is('managed_services', 'avg_cpu_7d', '0');
SELECT col_is_null('managed_services', 'avg_memory_7d'); SELECT col_default_is('managed_services', 'avg_memory_7d', '0');
SELECT col_not_null('managed_services', 'created_at');   SELECT col_default_is('managed_services', 'created_at', 'now()');
SELECT col_not_null('managed_services', 'updated_at');   SELECT col_default_is('managed_services', 'updated_at', 'now()');

-- streaming_clusters
SELECT col_not_null('streaming_clusters', 'id');                         SELECT col_default_is('streaming_clusters', 'id', 'gen_random_uuid()');
SELECT col_not_null('streaming_clusters', 'account_id');                 SELECT col_hasnt_default('streaming_clusters', 'account_id');
SELECT col_not_null('streaming_clusters', 'name');                       SELECT col_hasnt_default('streaming_clusters', 'name');
SELECT col_not_null('streaming_clusters', 'engine');                     SELECT col_default_is('streaming_clusters', 'engine', 'kinesis');
SELECT col_not_null('streaming_clusters', 'env');                        SELECT col_default_is('streaming_clusters', 'env', 'dev');
SELECT col_not_null('streaming_clusters', 'region');                     SELECT col_default_is('streaming_clusters', 'region', 'us-east-1');
SELECT col_not_null('streaming_clusters', 'shard_count');                SELECT col_default_is('streaming_clusters', 'shard_count', '1');
SELECT col_not_null('streaming_clusters', 'retention_hours');            SELECT col_default_is('streaming_clusters', 'retention_hours', '24');
SELECT col_is_null('streaming_clusters', 'provisioned_throughput_mbps'); SELECT col_default_is('streaming_clusters', 'provisioned_throughput_mbps', '0');
SELECT col_is_null('streaming_clusters', 'avg_usage_mbps_7d');           SELECT col_default_is('streaming_clusters', 'avg_usage_mbps_7d', '0');
SELECT col_not_null('streaming_clusters', 'hourly_cost');                SELECT col_default_is('streaming_clusters', 'hourly_cost', '0');
SELECT col_not_null('streaming_clusters', 'created_at');                 SELECT col_default_is('streaming_clusters', 'created_at', 'now()');
SELECT col_not_null('streaming_clusters', 'updated_at');                 SELECT col_default_is('streaming_clusters', 'updated_at', 'now()');

-- log_groups
SELECT col_not_null('log_groups', 'id');            SELECT col_default_is('log_groups', 'id', 'gen_random_uuid()');
SELECT col_not_null('log_groups', 'account_id');    SELECT col_hasnt_default('log_groups', 'account_id');
SELECT col_not_null('log_groups', 'name');          SELECT col_hasnt_default('log_groups', 'name');
SELECT col_not_null('log_groups', 'env');           SELECT col_default_is('log_groups', 'env', 'dev');
SELECT col_not_null('log_groups', 'region');        SELECT col_default_is('log_groups', 'region', 'us-east-1');
SELECT col_is_null('log_groups', 'retention_days'); SELECT col_default_is('log_groups', 'retention_days', '30');
SELECT col_is_null('log_groups', 'tags');           SELECT col_default_is('log_groups', 'tags', '{}');
SELECT col_not_null('log_groups', 'created_at');    SELECT col_default_is('log_groups', 'created_at', 'now()');

-- log_group_usage_daily
SELECT col_not_null('log_group_usage_daily', 'id');                      SELECT col_default_is('log_group_usage_daily', 'id', 'gen_random_uuid()');
SELECT col_not_null('log_group_usage_daily', 'log_group_id');            SELECT col_hasnt_default('log_group_usage_daily', 'log_group_id');
SELECT col_not_null('log_group_usage_daily', 'date');                    SELECT col_hasnt_default('log_group_usage_daily', 'date');
SELECT col_is_null('log_group_usage_daily', 'ingested_gb');              SELECT col_default_is('log_group_usage_daily', 'ingested_gb', '0');
SELECT col_is_null('log_group_usage_daily', 'stored_gb');                SELECT col_default_is('log_group_usage_daily', 'stored_gb', '0');
SELECT col_is_null('log_group_usage_daily', 'estimated_ingestion_cost'); SELECT col_default_is('log_group_usage_daily', 'estimated_ingestion_cost', '0');
SELECT col_is_null('log_group_usage_daily', 'estimated_storage_cost');   SELECT col_default_is('log_group_usage_daily', 'estimated_storage_cost', '0');

-- commitments
SELECT col_not_null('commitments', 'id');                       SELECT col_default_is('commitments', 'id', 'gen_random_uuid()');
SELECT col_not_null('commitments', 'account_id');               SELECT col_hasnt_default('commitments', 'account_id');
SELECT col_not_null('commitments', 'commitment_type');          SELECT col_hasnt_default('commitments', 'commitment_type');
SELECT col_not_null('commitments', 'scope');                    SELECT col_hasnt_default('commitments', 'scope');
SELECT col_not_null('commitments', 'term_months');              SELECT col_hasnt_default('commitments', 'term_months');
SELECT col_not_null('commitments', 'hourly_commitment_amount'); SELECT col_hasnt_default('commitments', 'hourly_commitment_amount');
SELECT col_not_null('commitments', 'start_date');               SELECT col_hasnt_default('commitments', 'start_date');
SELECT col_not_null('commitments', 'end_date');                 SELECT col_hasnt_default('commitments', 'end_date');
SELECT col_not_null('commitments', 'created_at');               SELECT col_default_is('commitments', 'created_at', 'now()');

-- commitment_utilization_daily
SELECT col_not_null('commitment_utilization_daily', 'id');                            SELECT col_default_is('commitment_utilization_daily', 'id', 'gen_random_uuid()');
SELECT col_not_null('commitment_utilization_daily', 'commitment_id');                 SELECT col_hasnt_default('commitment_utilization_daily', 'commitment_id');
SELECT col_not_null('commitment_utilization_daily', 'date');                          SELECT col_hasnt_default('commitment_utilization_daily', 'date');
SELECT col_is_null('commitment_utilization_daily', 'actual_hourly_usage_equivalent'); SELECT col_default_is('commitment_utilization_daily', 'actual_hourly_usage_equivalent', '0');
SELECT col_is_null('commitment_utilization_daily', 'utilization_percent');            SELECT col_default_is('commitment_utilization_daily', 'utilization_percent', '0');
SELECT col_is_null('commitment_utilization_daily', 'estimated_savings_vs_ondemand');  SELECT col_default_is('commitment_utilization_daily', 'estimated_savings_vs_ondemand', '0');

-- resource_tags
SELECT col_not_null('resource_tags', 'id');            SELECT col_default_is('resource_tags', 'id', 'gen_random_uuid()');
SELECT col_not_null('resource_tags', 'account_id');    SELECT col_hasnt_default('resource_tags', 'account_id');
SELECT col_not_null('resource_tags', 'resource_type'); SELECT col_hasnt_default('resource_tags', 'resource_type');
SELECT col_not_null('resource_tags', 'resource_id');   SELECT col_hasnt_default('resource_tags', 'resource_id');
SELECT col_not_null('resource_tags', 'key');           SELECT col_hasnt_default('resource_tags', 'key');
SELECT col_not_null('resource_tags', 'value');         SELECT col_hasnt_default('resource_tags', 'value');
SELECT col_not_null('resource_tags', 'created_at');    SELECT col_default_is('resource_tags', 'created_at', 'now()');

-- metrics_daily
SELECT col_not_null('metrics_daily', 'id');                  SELECT col_default_is('metrics_daily', 'id', 'gen_random_uuid()');
SELECT col_not_null('metrics_daily', 'account_id');          SELECT col_hasnt_default('metrics_daily', 'account_id');
SELECT col_not_null('metrics_daily', 'resource_type');       SELECT col_hasnt_default('metrics_daily', 'resource_type');
SELECT col_not_null('metrics_daily', 'resource_id');         SELECT col_hasnt_default('metrics_daily', 'resource_id');
SELECT col_not_null('metrics_daily', 'date');                SELECT col_hasnt_default('metrics_daily', 'date');
SELECT col_not_null('metrics_daily', 'metric_payload');      SELECT col_default_is('metrics_daily', 'metric_payload', '{}');
SELECT col_is_null('metrics_daily', 'estimated_daily_cost'); SELECT col_default_is('metrics_daily', 'estimated_daily_cost', '0');
SELECT col_not_null('metrics_daily', 'created_at');          SELECT col_default_is('metrics_daily', 'created_at', 'now()');

-- container_services
SELECT col_not_null('container_services', 'id');                 SELECT col_default_is('container_services', 'id', 'gen_random_uuid()');
SELECT col_not_null('container_services', 'cluster_id');         SELECT col_hasnt_default('container_services', 'cluster_id');
SELECT col_not_null('container_services', 'name');               SELECT col_hasnt_default('container_services', 'name');
SELECT col_not_null('container_services', 'env');                SELECT col_default_is('container_services', 'env', 'dev');
SELECT col_not_null('container_services', 'region');             SELECT col_default_is('container_services', 'region', 'us-east-1');
SELECT col_is_null('container_services', 'requested_cpu');       SELECT col_default_is('container_services', 'requested_cpu', '0');
SELECT col_is_null('container_services', 'requested_memory_mb'); SELECT col_default_is('container_services', 'requested_memory_mb', '0');
SELECT col_not_null('container_services', 'replica_count');      SELECT col_default_is('container_services', 'replica_count', '1');
SELECT col_is_null('container_services', 'avg_cpu_7d');          SELECT col_default_is('container_services', 'avg_cpu_7d', '0');
SELECT col_is_null('container_services', 'avg_memory_7d');       SELECT col_default_is('container_services', 'avg_memory_7d', '0');
SELECT col_not_null('container_services', 'created_at');         SELECT col_default_is('container_services', 'created_at', 'now()');
SELECT col_not_null('container_services', 'updated_at');         SELECT col_default_is('container_services', 'updated_at', 'now()');

-- api_clients
SELECT col_not_null('api_clients', 'id');              SELECT col_default_is('api_clients', 'id', 'gen_random_uuid()');
SELECT col_not_null('api_clients', 'account_id');      SELECT col_hasnt_default('api_clients', 'account_id');
SELECT col_not_null('api_clients', 'name');            SELECT col_hasnt_default('api_clients', 'name');
SELECT col_not_null('api_clients', 'access_key_id');   SELECT col_hasnt_default('api_clients', 'access_key_id');
SELECT col_not_null('api_clients', 'secret_key_hash'); SELECT col_hasnt_default('api_clients', 'secret_key_hash');
SELECT col_not_null('api_clients', 'scopes');          SELECT col_default_is('api_clients', 'scopes', '["read:*"]');
SELECT col_not_null('api_clients', 'created_at');      SELECT col_default_is('api_clients', 'created_at', 'now()');
SELECT col_is_null('api_clients', 'last_used_at');     SELECT col_hasnt_default('api_clients', 'last_used_at');

-- optimization_actions
SELECT col_not_null('optimization_actions', 'id');                       SELECT col_default_is('optimization_actions', 'id', 'gen_random_uuid()');
SELECT col_not_null('optimization_actions', 'account_id');               SELECT col_hasnt_default('optimization_actions', 'account_id');
SELECT col_not_null('optimization_actions', 'resource_type');            SELECT col_hasnt_default('optimization_actions', 'resource_type');
SELECT col_not_null('optimization_actions', 'resource_id');              SELECT col_hasnt_default('optimization_actions', 'resource_id');
SELECT col_not_null('optimization_actions', 'action_type');              SELECT col_hasnt_default('optimization_actions', 'action_type');
SELECT col_not_null('optimization_actions', 'status');                   SELECT col_default_is('optimization_actions', 'status', 'pending');
SELECT col_is_null('optimization_actions', 'estimated_monthly_savings'); SELECT col_default_is('optimization_actions', 'estimated_monthly_savings', '0');
SELECT col_is_null('optimization_actions', 'realized_monthly_savings');  SELECT col_hasnt_default('optimization_actions', 'realized_monthly_savings');
SELECT col_is_null('optimization_actions', 'requested_by_client_id');    SELECT col_hasnt_default('optimization_actions', 'requested_by_client_id');
SELECT col_not_null('optimization_actions', 'details');                  SELECT col_default_is('optimization_actions', 'details', '{}');
SELECT col_not_null('optimization_actions', 'created_at');               SELECT col_default_is('optimization_actions', 'created_at', 'now()');
SELECT col_not_null('optimization_actions', 'updated_at');               SELECT col_default_is('optimization_actions', 'updated_at', 'now()');
SELECT col_is_null('optimization_actions', 'applied_at');                SELECT col_hasnt_default('optimization_actions', 'applied_at');
SELECT col_is_null('optimization_actions', 'approved_at');               SELECT col_hasnt_default('optimization_actions', 'approved_at');
SELECT col_is_null('optimization_actions', 'started_at');                SELECT col_hasnt_default('optimization_actions', 'started_at');
SELECT col_is_null('optimization_actions', 'completed_at');              SELECT col_hasnt_default('optimization_actions', 'completed_at');
SELECT col_is_null('optimization_actions', 'reason');                    SELECT col_hasnt_default('optimization_actions', 'reason');
SELECT col_not_null('optimization_actions', 'params');                   SELECT col_default_is('optimization_actions', 'params', '{}');
SELECT col_is_null('optimization_actions', 'error');                     SELECT col_hasnt_default('optimization_actions', 'error');

-- waste_findings
SELECT col_not_null('waste_findings', 'id');                        SELECT col_default_is('waste_findings', 'id', 'gen_random_uuid()');
SELECT col_not_null('waste_findings', 'account_id');                SELECT col_hasnt_default('waste_findings', 'account_id');
SELECT col_not_null('waste_findings', 'resource_type');             SELECT col_hasnt_default('waste_findings', 'resource_type');
SELECT col_not_null('waste_findings', 'resource_id');               SELECT col_hasnt_default('waste_findings', 'resource_id');
SELECT col_not_null('waste_findings', 'pattern');                   SELECT col_hasnt_default('waste_findings', 'pattern');
SELECT col_is_null('waste_findings', 'estimated_monthly_savings');  SELECT col_hasnt_default('waste_findings', 'estimated_monthly_savings');
SELECT col_is_null('waste_findings', 'reason');                     SELECT col_hasnt_default('waste_findings', 'reason');
SELECT col_is_null('waste_findings', 'reported_by_client_id');      SELECT col_hasnt_default('waste_findings', 'reported_by_client_id');
SELECT col_not_null('waste_findings', 'reported_at');               SELECT col_default_is('waste_findings', 'reported_at', 'now()');
SELECT col_not_null('waste_findings', 'created_at');                SELECT col_default_is('waste_findings', 'created_at', 'now()');
SELECT col_not_null('waste_findings', 'updated_at');                SELECT col_default_is('waste_findings', 'updated_at', 'now()');

SELECT * FROM finish();
ROLLBACK;

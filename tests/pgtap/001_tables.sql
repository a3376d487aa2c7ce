-- 001_tables: public holds exactly the 26 tables of the spec (25 from migrations 001-010 plus
-- optimization_actions) and waste_findings (migration 020), and each has a primary key on its id column.
BEGIN;
SELECT plan(55);

SELECT tables_are('public', ARRAY[
  'cloud_accounts',
  'autoscaling_groups', 'instances', 'container_clusters', 'container_nodes', 'lambda_functions',
  'volumes', 'snapshots', 's3_buckets', 's3_bucket_usage_daily',
  'rds_instances', 'cache_clusters',
  'load_balancers', 'elastic_ips', 'data_transfer_daily',
  'managed_services', 'streaming_clusters',
  'log_groups', 'log_group_usage_daily',
  'commitments', 'commitment_utilization_daily',
  'resource_tags', 'metrics_daily',
  'container_services', 'api_clients',
  'optimization_actions', 'waste_findings'
]);

SELECT has_pk('cloud_accounts');                 SELECT col_is_pk('cloud_accounts', 'id');
SELECT has_pk('autoscaling_groups');             SELECT col_is_pk('autoscaling_groups', 'id');
SELECT has_pk('instances');                      SELECT col_is_pk('instances', 'id');
SELECT has_pk('container_clusters');             SELECT col_is_pk('container_clusters', 'id');
SELECT has_pk('container_nodes');                SELECT col_is_pk('container_nodes', 'id');
SELECT has_pk('lambda_functions');               SELECT col_is_pk('lambda_functions', 'id');
SELECT has_pk('volumes');                        SELECT col_is_pk('volumes', 'id');
SELECT has_pk('snapshots');                      SELECT col_is_pk('snapshots', 'id');
SELECT has_pk('s3_buckets');                     SELECT col_is_pk('s3_buckets', 'id');
SELECT has_pk('s3_bucket_usage_daily');          SELECT col_is_pk('s3_bucket_usage_daily', 'id');
SELECT has_pk('rds_instances');                  SELECT col_is_pk('rds_instances', 'id');
SELECT has_pk('cache_clusters');                 SELECT col_is_pk('cache_clusters', 'id');
SELECT has_pk('load_balancers');                 SELECT col_is_pk('load_balancers', 'id');
SELECT has_pk('elastic_ips');                    SELECT col_is_pk('elastic_ips', 'id');
SELECT has_pk('data_transfer_daily');            SELECT col_is_pk('data_transfer_daily', 'id');
SELECT has_pk('managed_services');               SELECT col_is_pk('managed_services', 'id');
SELECT has_pk('streaming_clusters');             SELECT col_is_pk('streaming_clusters', 'id');
SELECT has_pk('log_groups');                     SELECT col_is_pk('log_groups', 'id');
SELECT has_pk('log_group_usage_daily');          SELECT col_is_pk('log_group_usage_daily', 'id');
SELECT has_pk('commitments');                    SELECT col_is_pk('commitments', 'id');
SELECT has_pk('commitment_utilization_daily');   SELECT col_is_pk('commitment_utilization_daily', 'id');
SELECT has_pk('resource_tags');                  SELECT col_is_pk('resource_tags', 'id');
SELECT has_pk('metrics_daily');                  SELECT col_is_pk('metrics_daily', 'id');
SELECT has_pk('container_services');             SELECT col_is_pk('container_services', 'id');
SELECT has_pk('api_clients');                    SELECT col_is_pk('api_clients', 'id');
SELECT has_pk('optimization_actions');           SELECT col_is_pk('optimization_actions', 'id');
SELECT has_pk('waste_findings');                 SELECT col_is_pk('waste_findings', 'id');

SELECT * FROM finish();
ROLLBACK;

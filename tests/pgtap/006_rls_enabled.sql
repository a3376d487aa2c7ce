-- 006_rls_enabled: row level security is enabled on all 27 tables.
BEGIN;
SELECT plan(27);

CREATE FUNCTION pg_temp.rls_enabled(table_name text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT c.relrowsecurity FROM pg_class c WHERE c.oid = to_regclass('public.' || table_name) $$;

SELECT ok(pg_temp.rls_enabled('cloud_accounts'), 'cloud_accounts has row level security enabled');
SELECT ok(pg_temp.rls_enabled('autoscaling_groups'), 'autoscaling_groups has row level security enabled');
SELECT ok(pg_temp.rls_enabled('instances'), 'instances has row level security enabled');
SELECT ok(pg_temp.rls_enabled('container_clusters'), 'container_clusters has row level security enabled');
SELECT ok(pg_temp.rls_enabled('container_nodes'), 'container_nodes has row level security enabled');
SELECT ok(pg_temp.rls_enabled('lambda_functions'), 'lambda_functions has row level security enabled');
SELECT ok(pg_temp.rls_enabled('volumes'), 'volumes has row level security enabled');
SELECT ok(pg_temp.rls_enabled('snapshots'), 'snapshots has row level security enabled');
SELECT ok(pg_temp.rls_enabled('s3_buckets'), 's3_buckets has row level security enabled');
SELECT ok(pg_temp.rls_enabled('s3_bucket_usage_daily'), 's3_bucket_usage_daily has row level security enabled');
SELECT ok(pg_temp.rls_enabled('rds_instances'), 'rds_instances has row level security enabled');
SELECT ok(pg_temp.rls_enabled('cache_clusters'), 'cache_clusters has row level security enabled');
SELECT ok(pg_temp.rls_enabled('load_balancers'), 'load_balancers has row level security enabled');
SELECT ok(pg_temp.rls_enabled('elastic_ips'), 'elastic_ips has row level security enabled');
SELECT ok(pg_temp.rls_enabled('data_transfer_daily'), 'data_transfer_daily has row level security enabled');
SELECT ok(pg_temp.rls_enabled('managed_services'), 'managed_services has row level security enabled');
SELECT ok(pg_temp.rls_enabled('streaming_clusters'), 'streaming_clusters has row level security enabled');
SELECT ok(pg_temp.rls_enabled('log_groups'), 'log_groups has row level security enabled');
SELECT ok(pg_temp.rls_enabled('log_group_usage_daily'), 'log_group_usage_daily has row level security enabled');
SELECT ok(pg_temp.rls_enabled('commitments'), 'commitments has row level security enabled');
SELECT ok(pg_temp.rls_enabled('commitment_utilization_daily'), 'commitment_utilization_daily has row level security enabled');
SELECT ok(pg_temp.rls_enabled('resource_tags'), 'resource_tags has row level security enabled');
SELECT ok(pg_temp.rls_enabled('metrics_daily'), 'metrics_daily has row level security enabled');
SELECT ok(pg_temp.rls_enabled('container_services'), 'container_services has row level security enabled');
SELECT ok(pg_temp.rls_enabled('api_clients'), 'api_clients has row level security enabled');
SELECT ok(pg_temp.rls_enabled('optimization_actions'), 'optimization_actions has row level security enabled');
SELECT ok(pg_temp.rls_enabled('waste_findings'), 'waste_findings has row level security enabled');

SELECT * FROM finish();
ROLLBACK;

-- 008_updated_at: the 15 tables with an updated_at column (13 from spec migration 011 plus
-- optimization_actions and waste_findings) each have the user trigger update_{table}_updated_at, which
-- calls update_updated_at_column() and moves updated_at forward on UPDATE; it is their only trigger but
-- for optimization_actions' lifecycle guard (migration 020, tested by 015_agent_api); the other 12 tables
-- have none.
BEGIN;
SELECT plan(58);

SELECT has_function('update_updated_at_column', 'update_updated_at_column() exists');

-- Tables with updated_at: exactly the updated_at trigger, calling the shared function.
SELECT triggers_are('instances', ARRAY['update_instances_updated_at']);
SELECT triggers_are('autoscaling_groups', ARRAY['update_autoscaling_groups_updated_at']);
SELECT triggers_are('container_clusters', ARRAY['update_container_clusters_updated_at']);
SELECT triggers_are('container_nodes', ARRAY['update_container_nodes_updated_at']);
SELECT triggers_are('lambda_functions', ARRAY['update_lambda_functions_updated_at']);
SELECT triggers_are('volumes', ARRAY['update_volumes_updated_at']);
SELECT triggers_are('rds_instances', ARRAY['update_rds_instances_updated_at']);
SELECT triggers_are('cache_clusters', ARRAY['update_cache_clusters_updated_at']);
SELECT triggers_are('load_balancers', ARRAY['update_load_balancers_updated_at']);
SELECT triggers_are('elastic_ips', ARRAY['update_elastic_ips_updated_at']);
SELECT triggers_are('managed_services', ARRAY['update_managed_services_updated_at']);
SELECT triggers_are('streaming_clusters', ARRAY['update_streaming_clusters_updated_at']);
SELECT triggers_are('container_services', ARRAY['update_container_services_updated_at']);
SELECT triggers_are('optimization_actions', ARRAY['update_optimization_actions_updated_at', 'optimization_actions_tenant_lifecycle']);
SELECT triggers_are('waste_findings', ARRAY['update_waste_findings_updated_at']);

SELECT trigger_is('instances', 'update_instances_updated_at', 'update_updated_at_column');
SELECT trigger_is('autoscaling_groups', 'update_autoscaling_groups_updated_at', 'update_updated_at_column');
SELECT trigger_is('container_clusters', 'update_container_clusters_updated_at', 'update_updated_at_column');
SELECT trigger_is('container_nodes', 'update_container_nodes_updated_at', 'update_updated_at_column');
SELECT trigger_is('lambda_functions', 'update_lambda_functions_updated_at', 'update_updated_at_column');
SELECT trigger_is('volumes', 'update_volumes_updated_at', 'update_updated_at_column');
SELECT trigger_is('rds_instances', 'update_rds_instances_updated_at', 'update_updated_at_column');
SELECT trigger_is('cache_clusters', 'update_cache_clusters_updated_at', 'update_updated_at_column');
SELECT trigger_is('load_balancers', 'update_load_balancers_updated_at', 'update_updated_at_column');
SELECT trigger_is('elastic_ips', 'update_elastic_ips_updated_at', 'update_updated_at_column');
SELECT trigger_is('managed_services', 'update_managed_services_updated_at', 'update_updated_at_column');
SELECT trigger_is('streaming_clusters', 'update_streaming_clusters_updated_at', 'update_updated_at_column');
SELECT trigger_is('container_services', 'update_container_services_updated_at', 'update_updated_at_column');
SELECT trigger_is('optimization_actions', 'update_optimization_actions_updated_at', 'update_updated_at_column');
SELECT trigger_is('waste_findings', 'update_waste_findings_updated_at', 'update_updated_at_column');

-- Tables without updated_at: no user triggers.
SELECT triggers_are('cloud_accounts', ARRAY[]::name[]);
SELECT triggers_are('snapshots', ARRAY[]::name[]);
SELECT triggers_are('s3_buckets', ARRAY[]::name[]);
SELECT triggers_are('s3_bucket_usage_daily', ARRAY[]::name[]);
SELECT triggers_are('data_transfer_daily', ARRAY[]::name[]);
SELECT triggers_are('log_groups', ARRAY[]::name[]);
SELECT triggers_are('log_group_usage_daily', ARRAY[]::name[]);
SELECT triggers_are('commitments', ARRAY[]::name[]);
SELECT triggers_are('commitment_utilization_daily', ARRAY[]::name[]);
SELECT triggers_are('resource_tags', ARRAY[]::name[]);
SELECT triggers_are('metrics_daily', ARRAY[]::name[]);
SELECT triggers_are('api_clients', ARRAY[]::name[]);

-- Behaviour: rows written with updated_at in 2000, then an UPDATE of another column. now() is fixed
-- for the whole transaction, so the test compares with the old value rather than with now().
INSERT INTO cloud_accounts (id, name) VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'pgtap updated_at');
INSERT INTO autoscaling_groups (id, account_id, name, instance_type, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000002', 'eeeeeeee-0000-4000-8000-000000000001', 'asg', 'm5.large', '2000-01-01');
INSERT INTO instances (account_id, instance_id, instance_type, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'pgtap-updated-at-i', 'm5.large', '2000-01-01');
INSERT INTO container_clusters (id, account_id, name, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000004', 'eeeeeeee-0000-4000-8000-000000000001', 'k8s', '2000-01-01');
INSERT INTO container_nodes (cluster_id, instance_id, instance_type, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000004', 'pgtap-updated-at-node', 'm5.large', '2000-01-01');
INSERT INTO lambda_functions (account_id, name, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'fn', '2000-01-01');
INSERT INTO volumes (account_id, volume_id, size_gib, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'pgtap-updated-at-vol', 8, '2000-01-01');
INSERT INTO rds_instances (account_id, db_instance_id, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'pgtap-updated-at-db', '2000-01-01');
INSERT INTO cache_clusters (account_id, cluster_id, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'pgtap-updated-at-cache', '2000-01-01');
INSERT INTO load_balancers (account_id, lb_arn, name, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'arn:pgtap:lb/updated-at', 'lb', '2000-01-01');
INSERT INTO elastic_ips (account_id, allocation_id, public_ip, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'pgtap-updated-at-eip', '192.0.2.9', '2000-01-01');
INSERT INTO managed_services (account_id, service_type, name, instance_type, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'opensearch', 'search', 'r6g.large', '2000-01-01');
INSERT INTO streaming_clusters (account_id, name, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'stream', '2000-01-01');
INSERT INTO container_services (cluster_id, name, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000004', 'svc', '2000-01-01');
INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'instance', 'pgtap-updated-at-i', 'stop', '2000-01-01');
INSERT INTO waste_findings (account_id, resource_type, resource_id, pattern, updated_at)
  VALUES ('eeeeeeee-0000-4000-8000-000000000001', 'instance', 'pgtap-updated-at-i', 'ec2_idle', '2000-01-01');

UPDATE autoscaling_groups SET desired_capacity = 2 WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001';
UPDATE instances SET state = 'stopped' WHERE instance_id = 'pgtap-updated-at-i';
UPDATE container_clusters SET desired_nodes = 4 WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001';
UPDATE container_nodes SET state = 'stopped' WHERE instance_id = 'pgtap-updated-at-node';
UPDATE lambda_functions SET memory_mb = 256 WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001';
UPDATE volumes SET state = 'in-use' WHERE volume_id = 'pgtap-updated-at-vol';
UPDATE rds_instances SET state = 'stopped' WHERE db_instance_id = 'pgtap-updated-at-db';
UPDATE cache_clusters SET num_nodes = 2 WHERE cluster_id = 'pgtap-updated-at-cache';
UPDATE load_balancers SET hourly_cost = 0.0225 WHERE lb_arn = 'arn:pgtap:lb/updated-at';
UPDATE elastic_ips SET state = 'associated' WHERE allocation_id = 'pgtap-updated-at-eip';
UPDATE managed_services SET node_count = 3 WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001';
UPDATE streaming_clusters SET shard_count = 2 WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001';
UPDATE container_services SET replica_count = 2 WHERE cluster_id = 'eeeeeeee-0000-4000-8000-000000000004';
UPDATE optimization_actions SET status = 'approved' WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001';
UPDATE waste_findings SET reason = 'idle' WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001';

SELECT ok((SELECT updated_at > '2000-01-01' FROM autoscaling_groups WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001'),
  'updating an autoscaling group moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM instances WHERE instance_id = 'pgtap-updated-at-i'),
  'updating an instance moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM container_clusters WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001'),
  'updating a container cluster moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM container_nodes WHERE instance_id = 'pgtap-updated-at-node'),
  'updating a container node moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM lambda_functions WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001'),
  'updating a lambda function moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM volumes WHERE volume_id = 'pgtap-updated-at-vol'),
  'updating a volume moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM rds_instances WHERE db_instance_id = 'pgtap-updated-at-db'),
  'updating an RDS instance moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM cache_clusters WHERE cluster_id = 'pgtap-updated-at-cache'),
  'updating a cache cluster moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM load_balancers WHERE lb_arn = 'arn:pgtap:lb/updated-at'),
  'updating a load balancer moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM elastic_ips WHERE allocation_id = 'pgtap-updated-at-eip'),
  'updating an elastic IP moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM managed_services WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001'),
  'updating a managed service moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM streaming_clusters WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001'),
  'updating a streaming cluster moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM container_services WHERE cluster_id = 'eeeeeeee-0000-4000-8000-000000000004'),
  'updating a container service moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM optimization_actions WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001'),
  'updating an optimization action moves its updated_at');
SELECT ok((SELECT updated_at > '2000-01-01' FROM waste_findings WHERE account_id = 'eeeeeeee-0000-4000-8000-000000000001'),
  'updating a waste finding moves its updated_at');

SELECT * FROM finish();
ROLLBACK;

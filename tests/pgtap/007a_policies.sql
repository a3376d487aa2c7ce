-- 007a_policies: each table has exactly two policies, {table}_service_role_all for service_role and
-- {table}_tenant_all for authenticated, both for all commands; anon has none, so RLS denies it. The eight
-- tables that hold references to other rows or resources also have {table}_tenant_references (migration
-- 018, and 020 for waste_findings): restrictive, for authenticated, all commands (014_cross_tenant_references
-- and 015_agent_api test what they do).
-- 007b_policy_behaviour checks what the policies let each role see and write.
BEGIN;
SELECT plan(153);

-- cloud_accounts
SELECT policies_are('cloud_accounts', ARRAY['cloud_accounts_service_role_all', 'cloud_accounts_tenant_all']);
SELECT policy_roles_are('cloud_accounts', 'cloud_accounts_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('cloud_accounts', 'cloud_accounts_service_role_all', 'all');
SELECT policy_roles_are('cloud_accounts', 'cloud_accounts_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('cloud_accounts', 'cloud_accounts_tenant_all', 'all');
-- autoscaling_groups
SELECT policies_are('autoscaling_groups', ARRAY['autoscaling_groups_service_role_all', 'autoscaling_groups_tenant_all']);
SELECT policy_roles_are('autoscaling_groups', 'autoscaling_groups_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('autoscaling_groups', 'autoscaling_groups_service_role_all', 'all');
SELECT policy_roles_are('autoscaling_groups', 'autoscaling_groups_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('autoscaling_groups', 'autoscaling_groups_tenant_all', 'all');
-- instances
SELECT policies_are('instances', ARRAY['instances_service_role_all', 'instances_tenant_all', 'instances_tenant_references']);
SELECT policy_roles_are('instances', 'instances_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('instances', 'instances_service_role_all', 'all');
SELECT policy_roles_are('instances', 'instances_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('instances', 'instances_tenant_all', 'all');
-- container_clusters
SELECT policies_are('container_clusters', ARRAY['container_clusters_service_role_all', 'container_clusters_tenant_all']);
SELECT policy_roles_are('container_clusters', 'container_clusters_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('container_clusters', 'container_clusters_service_role_all', 'all');
SELECT policy_roles_are('container_clusters', 'container_clusters_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('container_clusters', 'container_clusters_tenant_all', 'all');
-- container_nodes
SELECT policies_are('container_nodes', ARRAY['container_nodes_service_role_all', 'container_nodes_tenant_all']);
SELECT policy_roles_are('container_nodes', 'container_nodes_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('container_nodes', 'container_nodes_service_role_all', 'all');
SELECT policy_roles_are('container_nodes', 'container_nodes_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('container_nodes', 'container_nodes_tenant_all', 'all');
-- lambda_functions
SELECT policies_are('lambda_functions', ARRAY['lambda_functions_service_role_all', 'lambda_functions_tenant_all']);
SELECT policy_roles_are('lambda_functions', 'lambda_functions_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('lambda_functions', 'lambda_functions_service_role_all', 'all');
SELECT policy_roles_are('lambda_functions', 'lambda_functions_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('lambda_functions', 'lambda_functions_tenant_all', 'all');
-- volumes
SELECT policies_are('volumes', ARRAY['volumes_service_role_all', 'volumes_tenant_all', 'volumes_tenant_references']);
SELECT policy_roles_are('volumes', 'volumes_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('volumes', 'volumes_service_role_all', 'all');
SELECT policy_roles_are('volumes', 'volumes_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('volumes', 'volumes_tenant_all', 'all');
-- snapshots
SELECT policies_are('snapshots', ARRAY['snapshots_service_role_all', 'snapshots_tenant_all', 'snapshots_tenant_references']);
SELECT policy_roles_are('snapshots', 'snapshots_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('snapshots', 'snapshots_service_role_all', 'all');
SELECT policy_roles_are('snapshots', 'snapshots_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('snapshots', 'snapshots_tenant_all', 'all');
-- s3_buckets
SELECT policies_are('s3_buckets', ARRAY['s3_buckets_service_role_all', 's3_buckets_tenant_all']);
SELECT policy_roles_are('s3_buckets', 's3_buckets_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('s3_buckets', 's3_buckets_service_role_all', 'all');
SELECT policy_roles_are('s3_buckets', 's3_buckets_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('s3_buckets', 's3_buckets_tenant_all', 'all');
-- s3_bucket_usage_daily
SELECT policies_are('s3_bucket_usage_daily', ARRAY['s3_bucket_usage_daily_service_role_all', 's3_bucket_usage_daily_tenant_all']);
SELECT policy_roles_are('s3_bucket_usage_daily', 's3_bucket_usage_daily_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('s3_bucket_usage_daily', 's3_bucket_usage_daily_service_role_all', 'all');
SELECT policy_roles_are('s3_bucket_usage_daily', 's3_bucket_usage_daily_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('s3_bucket_usage_daily', 's3_bucket_usage_daily_tenant_all', 'all');
-- rds_instances
SELECT policies_are('rds_instances', ARRAY['rds_instances_service_role_all', 'rds_instances_tenant_all']);
SELECT policy_roles_are('rds_instances', 'rds_instances_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('rds_instances', 'rds_instances_service_role_all', 'all');
SELECT policy_roles_are('rds_instances', 'rds_instances_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('rds_instances', 'rds_instances_tenant_all', 'all');
-- cache_clusters
SELECT policies_are('cache_clusters', ARRAY['cache_clusters_service_role_all', 'cache_clusters_tenant_all']);
SELECT policy_roles_are('cache_clusters', 'cache_clusters_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('cache_clusters', 'cache_clusters_service_role_all', 'all');
SELECT policy_roles_are('cache_clusters', 'cache_clusters_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('cache_clusters', 'cache_clusters_tenant_all', 'all');
-- load_balancers
SELECT policies_are('load_balancers', ARRAY['load_balancers_service_role_all', 'load_balancers_tenant_all']);
SELECT policy_roles_are('load_balancers', 'load_balancers_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('load_balancers', 'load_balancers_service_role_all', 'all');
SELECT policy_roles_are('load_balancers', 'load_balancers_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('load_balancers', 'load_balancers_tenant_all', 'all');
-- elastic_ips
SELECT policies_are('elastic_ips', ARRAY['elastic_ips_service_role_all', 'elastic_ips_tenant_all', 'elastic_ips_tenant_references']);
SELECT policy_roles_are('elastic_ips', 'elastic_ips_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('elastic_ips', 'elastic_ips_service_role_all', 'all');
SELECT policy_roles_are('elastic_ips', 'elastic_ips_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('elastic_ips', 'elastic_ips_tenant_all', 'all');
-- data_transfer_daily
SELECT policies_are('data_transfer_daily', ARRAY['data_transfer_daily_service_role_all', 'data_transfer_daily_tenant_all']);
SELECT policy_roles_are('data_transfer_daily', 'data_transfer_daily_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('data_transfer_daily', 'data_transfer_daily_service_role_all', 'all');
SELECT policy_roles_are('data_transfer_daily', 'data_transfer_daily_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('data_transfer_daily', 'data_transfer_daily_tenant_all', 'all');
-- managed_services
SELECT policies_are('managed_services', ARRAY['managed_services_service_role_all', 'managed_services_tenant_all']);
SELECT policy_roles_are('managed_services', 'managed_services_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('managed_services', 'managed_services_service_role_all', 'all');
SELECT policy_roles_are('managed_services', 'managed_services_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('managed_services', 'managed_services_tenant_all', 'all');
-- streaming_clusters
SELECT policies_are('streaming_clusters', ARRAY['streaming_clusters_service_role_all', 'streaming_clusters_tenant_all']);
SELECT policy_roles_are('streaming_clusters', 'streaming_clusters_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('streaming_clusters', 'streaming_clusters_service_role_all', 'all');
SELECT policy_roles_are('streaming_clusters', 'streaming_clusters_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('streaming_clusters', 'streaming_clusters_tenant_all', 'all');
-- log_groups
SELECT policies_are('log_groups', ARRAY['log_groups_service_role_all', 'log_groups_tenant_all']);
SELECT policy_roles_are('log_groups', 'log_groups_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('log_groups', 'log_groups_service_role_all', 'all');
SELECT policy_roles_are('log_groups', 'log_groups_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('log_groups', 'log_groups_tenant_all', 'all');
-- log_group_usage_daily
SELECT policies_are('log_group_usage_daily', ARRAY['log_group_usage_daily_service_role_all', 'log_group_usage_daily_tenant_all']);
SELECT policy_roles_are('log_group_usage_daily', 'log_group_usage_daily_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('log_group_usage_daily', 'log_group_usage_daily_service_role_all', 'all');
SELECT policy_roles_are('log_group_usage_daily', 'log_group_usage_daily_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('log_group_usage_daily', 'log_group_usage_daily_tenant_all', 'all');
-- commitments
SELECT policies_are('commitments', ARRAY['commitments_service_role_all', 'commitments_tenant_all']);
SELECT policy_roles_are('commitments', 'commitments_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('commitments', 'commitments_service_role_all', 'all');
SELECT policy_roles_are('commitments', 'commitments_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('commitments', 'commitments_tenant_all', 'all');
-- commitment_utilization_daily
SELECT policies_are('commitment_utilization_daily', ARRAY['commitment_utilization_daily_service_role_all', 'commitment_utilization_daily_tenant_all']);
SELECT policy_roles_are('commitment_utilization_daily', 'commitment_utilization_daily_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('commitment_utilization_daily', 'commitment_utilization_daily_service_role_all', 'all');
SELECT policy_roles_are('commitment_utilization_daily', 'commitment_utilization_daily_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('commitment_utilization_daily', 'commitment_utilization_daily_tenant_all', 'all');
-- resource_tags
SELECT policies_are('resource_tags', ARRAY['resource_tags_service_role_all', 'resource_tags_tenant_all', 'resource_tags_tenant_references']);
SELECT policy_roles_are('resource_tags', 'resource_tags_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('resource_tags', 'resource_tags_service_role_all', 'all');
SELECT policy_roles_are('resource_tags', 'resource_tags_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('resource_tags', 'resource_tags_tenant_all', 'all');
-- metrics_daily
SELECT policies_are('metrics_daily', ARRAY['metrics_daily_service_role_all', 'metrics_daily_tenant_all', 'metrics_daily_tenant_references']);
SELECT policy_roles_are('metrics_daily', 'metrics_daily_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('metrics_daily', 'metrics_daily_service_role_all', 'all');
SELECT policy_roles_are('metrics_daily', 'metrics_daily_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('metrics_daily', 'metrics_daily_tenant_all', 'all');
-- container_services
SELECT policies_are('container_services', ARRAY['container_services_service_role_all', 'container_services_tenant_all']);
SELECT policy_roles_are('container_services', 'container_services_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('container_services', 'container_services_service_role_all', 'all');
SELECT policy_roles_are('container_services', 'container_services_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('container_services', 'container_services_tenant_all', 'all');
-- api_clients
SELECT policies_are('api_clients', ARRAY['api_clients_service_role_all', 'api_clients_tenant_all']);
SELECT policy_roles_are('api_clients', 'api_clients_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('api_clients', 'api_clients_service_role_all', 'all');
SELECT policy_roles_are('api_clients', 'api_clients_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('api_clients', 'api_clients_tenant_all', 'all');
-- optimization_actions
SELECT policies_are('optimization_actions', ARRAY['optimization_actions_service_role_all', 'optimization_actions_tenant_all', 'optimization_actions_tenant_references']);
SELECT policy_roles_are('optimization_actions', 'optimization_actions_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('optimization_actions', 'optimization_actions_service_role_all', 'all');
SELECT policy_roles_are('optimization_actions', 'optimization_actions_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('optimization_actions', 'optimization_actions_tenant_all', 'all');

-- waste_findings (migration 020)
SELECT policies_are('waste_findings', ARRAY['waste_findings_service_role_all', 'waste_findings_tenant_all', 'waste_findings_tenant_references']);
SELECT policy_roles_are('waste_findings', 'waste_findings_service_role_all', ARRAY['service_role']);
SELECT policy_cmd_is('waste_findings', 'waste_findings_service_role_all', 'all');
SELECT policy_roles_are('waste_findings', 'waste_findings_tenant_all', ARRAY['authenticated']);
SELECT policy_cmd_is('waste_findings', 'waste_findings_tenant_all', 'all');

-- The restrictive reference checks of 018.
SELECT policy_roles_are('instances', 'instances_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('instances', 'instances_tenant_references', 'all');
SELECT policy_roles_are('volumes', 'volumes_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('volumes', 'volumes_tenant_references', 'all');
SELECT policy_roles_are('snapshots', 'snapshots_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('snapshots', 'snapshots_tenant_references', 'all');
SELECT policy_roles_are('elastic_ips', 'elastic_ips_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('elastic_ips', 'elastic_ips_tenant_references', 'all');
SELECT policy_roles_are('resource_tags', 'resource_tags_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('resource_tags', 'resource_tags_tenant_references', 'all');
SELECT policy_roles_are('metrics_daily', 'metrics_daily_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('metrics_daily', 'metrics_daily_tenant_references', 'all');
SELECT policy_roles_are('optimization_actions', 'optimization_actions_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('optimization_actions', 'optimization_actions_tenant_references', 'all');
SELECT policy_roles_are('waste_findings', 'waste_findings_tenant_references', ARRAY['authenticated']);
SELECT policy_cmd_is('waste_findings', 'waste_findings_tenant_references', 'all');
SELECT set_eq($$SELECT tablename::text FROM pg_policies WHERE schemaname = 'public' AND permissive = 'RESTRICTIVE'$$,
  ARRAY['instances', 'volumes', 'snapshots', 'elastic_ips', 'resource_tags', 'metrics_daily', 'optimization_actions',
        'waste_findings'],
  'the reference checks are the only restrictive policies, one per table that holds references');
SELECT is((SELECT count(*)::int FROM pg_policies WHERE schemaname = 'public' AND permissive = 'RESTRICTIVE' AND qual <> 'true'),
  0, 'the reference checks never filter reads');

SELECT * FROM finish();
ROLLBACK;

-- 009_checks: every CHECK constraint of the spec (and of optimization_actions and waste_findings) accepts each allowed
-- value and rejects others (23514); NOT NULL (23502) and UNIQUE (23505) hold on natural keys.
BEGIN;
SELECT plan(64);

SELECT is(
  (SELECT count(*)::int FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'c' AND n.nspname = 'public'),
  13, 'public has exactly the 13 CHECK constraints below');

SELECT col_has_check('instances', 'state');
SELECT col_has_check('container_nodes', 'state');
SELECT col_has_check('volumes', 'state');
SELECT col_has_check('rds_instances', 'state');
SELECT col_has_check('load_balancers', 'type');
SELECT col_has_check('elastic_ips', 'state');
SELECT col_has_check('data_transfer_daily', 'direction');
SELECT col_has_check('streaming_clusters', 'engine');
SELECT col_has_check('commitments', 'commitment_type');
SELECT col_has_check('commitments', 'term_months');
SELECT col_has_check('optimization_actions', 'action_type');
SELECT col_has_check('optimization_actions', 'status');
SELECT col_has_check('waste_findings', 'estimated_monthly_savings');

INSERT INTO cloud_accounts (id, name) VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap checks');
INSERT INTO container_clusters (id, account_id, name)
  VALUES ('ffffffff-0000-4000-8000-000000000004', 'ffffffff-0000-4000-8000-000000000001', 'k8s');

-- CHECK: every allowed value in one statement, then one value that is not allowed.
SELECT lives_ok($$INSERT INTO instances (account_id, instance_id, instance_type, state)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-' || s, 'm5.large', s
  FROM unnest(ARRAY['pending', 'running', 'stopping', 'stopped', 'terminated']) s$$, 'instances.state accepts its 5 states');
SELECT throws_ok($$INSERT INTO instances (account_id, instance_id, instance_type, state)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-bad', 'm5.large', 'hibernated')$$,
  '23514', NULL, 'instances.state rejects hibernated');

SELECT lives_ok($$INSERT INTO container_nodes (cluster_id, instance_id, instance_type, state)
  SELECT 'ffffffff-0000-4000-8000-000000000004', 'pgtap-chk-' || s, 'm5.large', s
  FROM unnest(ARRAY['running', 'stopped']) s$$, 'container_nodes.state accepts running and stopped');
SELECT throws_ok($$INSERT INTO container_nodes (cluster_id, instance_id, instance_type, state)
  VALUES ('ffffffff-0000-4000-8000-000000000004', 'pgtap-chk-bad', 'm5.large', 'pending')$$,
  '23514', NULL, 'container_nodes.state rejects pending');

SELECT lives_ok($$INSERT INTO volumes (account_id, volume_id, size_gib, state)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-' || s, 8, s
  FROM unnest(ARRAY['creating', 'available', 'in-use', 'deleting', 'deleted']) s$$, 'volumes.state accepts its 5 states');
SELECT throws_ok($$INSERT INTO volumes (account_id, volume_id, size_gib, state)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-bad', 8, 'attached')$$,
  '23514', NULL, 'volumes.state rejects attached');

SELECT lives_ok($$INSERT INTO rds_instances (account_id, db_instance_id, state)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-' || s, s
  FROM unnest(ARRAY['available', 'stopped', 'starting', 'stopping', 'deleting']) s$$, 'rds_instances.state accepts its 5 states');
SELECT throws_ok($$INSERT INTO rds_instances (account_id, db_instance_id, state)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-bad', 'running')$$,
  '23514', NULL, 'rds_instances.state rejects running');

SELECT lives_ok($$INSERT INTO load_balancers (account_id, lb_arn, name, type)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'arn:pgtap:chk/' || s, 'lb', s
  FROM unnest(ARRAY['application', 'network', 'gateway', 'classic']) s$$, 'load_balancers.type accepts its 4 types');
SELECT throws_ok($$INSERT INTO load_balancers (account_id, lb_arn, name, type)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'arn:pgtap:chk/bad', 'lb', 'alb')$$,
  '23514', NULL, 'load_balancers.type rejects alb');

SELECT lives_ok($$INSERT INTO elastic_ips (account_id, allocation_id, public_ip, state)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-' || s, '192.0.2.3', s
  FROM unnest(ARRAY['associated', 'unassociated']) s$$, 'elastic_ips.state accepts associated and unassociated');
SELECT throws_ok($$INSERT INTO elastic_ips (account_id, allocation_id, public_ip, state)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-bad', '192.0.2.3', 'released')$$,
  '23514', NULL, 'elastic_ips.state rejects released');

SELECT lives_ok($$INSERT INTO data_transfer_daily (account_id, date, source_region, dest_region, direction)
  SELECT 'ffffffff-0000-4000-8000-000000000001', DATE '2025-01-01', 'us-east-1', 'us-west-2', s
  FROM unnest(ARRAY['intra-az', 'cross-az', 'cross-region', 'egress', 'ingress']) s$$,
  'data_transfer_daily.direction accepts its 5 directions');
SELECT throws_ok($$INSERT INTO data_transfer_daily (account_id, date, source_region, dest_region, direction)
  VALUES ('ffffffff-0000-4000-8000-000000000001', DATE '2025-01-01', 'us-east-1', 'us-west-2', 'internet')$$,
  '23514', NULL, 'data_transfer_daily.direction rejects internet');

SELECT lives_ok($$INSERT INTO streaming_clusters (account_id, name, engine)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'stream', s FROM unnest(ARRAY['kinesis', 'kafka', 'msk']) s$$,
  'streaming_clusters.engine accepts kinesis, kafka and msk');
SELECT throws_ok($$INSERT INTO streaming_clusters (account_id, name, engine)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'stream', 'pulsar')$$,
  '23514', NULL, 'streaming_clusters.engine rejects pulsar');

SELECT lives_ok($$INSERT INTO commitments (account_id, commitment_type, scope, term_months, hourly_commitment_amount, start_date, end_date)
  SELECT 'ffffffff-0000-4000-8000-000000000001', s, 'compute', 12, 1, DATE '2025-01-01', DATE '2026-01-01'
  FROM unnest(ARRAY['reserved_instance', 'savings_plan', 'edp']) s$$, 'commitments.commitment_type accepts its 3 types');
SELECT throws_ok($$INSERT INTO commitments (account_id, commitment_type, scope, term_months, hourly_commitment_amount, start_date, end_date)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'spot', 'compute', 12, 1, DATE '2025-01-01', DATE '2026-01-01')$$,
  '23514', NULL, 'commitments.commitment_type rejects spot');

SELECT lives_ok($$INSERT INTO commitments (account_id, commitment_type, scope, term_months, hourly_commitment_amount, start_date, end_date)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'savings_plan', 'compute', m, 1, DATE '2025-01-01', DATE '2028-01-01'
  FROM unnest(ARRAY[12, 36]) m$$, 'commitments.term_months accepts 12 and 36');
SELECT throws_ok($$INSERT INTO commitments (account_id, commitment_type, scope, term_months, hourly_commitment_amount, start_date, end_date)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'savings_plan', 'compute', 24, 1, DATE '2025-01-01', DATE '2027-01-01')$$,
  '23514', NULL, 'commitments.term_months rejects 24');

SELECT lives_ok($$INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-chk', s
  FROM unnest(ARRAY['stop', 'start', 'terminate', 'resize', 'delete_volume', 'delete_snapshot', 'modify_volume_type',
    'release_eip', 'delete_load_balancer', 'set_log_retention', 'add_s3_lifecycle', 'scale_asg', 'downsize_rds',
    'downsize_cache', 'delete', 'release', 'set_retention', 'add_lifecycle', 'purchase_commitment', 'schedule',
    'rightsize', 'other']) s$$,
  'optimization_actions.action_type accepts its 22 action types (14 requestable, 8 of history rows)');
SELECT throws_ok($$INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-chk', 'explode')$$,
  '23514', NULL, 'optimization_actions.action_type rejects explode');

SELECT lives_ok($$INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type, status)
  SELECT 'ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-chk', 'stop', s
  FROM unnest(ARRAY['pending', 'approved', 'executing', 'completed', 'failed', 'rolled_back', 'cancelled']) s$$,
  'optimization_actions.status accepts the 7 statuses of its lifecycle');
SELECT throws_ok($$INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type, status)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-chk', 'stop', 'proposed')$$,
  '23514', NULL, 'optimization_actions.status rejects proposed (the vocabulary before migration 020)');
SELECT throws_ok($$INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type, status)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-chk', 'stop', 'done')$$,
  '23514', NULL, 'optimization_actions.status rejects done');
SELECT lives_ok($$INSERT INTO waste_findings (account_id, resource_type, resource_id, pattern, estimated_monthly_savings)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-chk', 'ec2_idle', 0)$$,
  'waste_findings.estimated_monthly_savings accepts 0');
SELECT throws_ok($$INSERT INTO waste_findings (account_id, resource_type, resource_id, pattern, estimated_monthly_savings)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-chk', 'ec2_idle', -0.01)$$,
  '23514', NULL, 'waste_findings.estimated_monthly_savings rejects a negative saving');

-- NOT NULL on required columns without a default
SELECT throws_ok($$INSERT INTO instances (account_id, instance_id) VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-nn')$$,
  '23502', NULL, 'instances.instance_type is required');
SELECT throws_ok($$INSERT INTO volumes (account_id, volume_id) VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-nn')$$,
  '23502', NULL, 'volumes.size_gib is required');
SELECT throws_ok($$INSERT INTO container_nodes (instance_id, instance_type) VALUES ('pgtap-nn', 'm5.large')$$,
  '23502', NULL, 'container_nodes.cluster_id is required');
SELECT throws_ok($$INSERT INTO commitments (account_id, commitment_type, scope, term_months, start_date, end_date)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'edp', 'all', 12, DATE '2025-01-01', DATE '2026-01-01')$$,
  '23502', NULL, 'commitments.hourly_commitment_amount is required');
SELECT throws_ok($$INSERT INTO metrics_daily (account_id, resource_type, resource_id, date, metric_payload)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-nn', DATE '2025-01-01', NULL)$$,
  '23502', NULL, 'metrics_daily.metric_payload cannot be null');
SELECT throws_ok($$INSERT INTO api_clients (account_id, name, access_key_id)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'client', 'PGTAPNN')$$,
  '23502', NULL, 'api_clients.secret_key_hash is required');

-- UNIQUE natural keys: a second row with the same key is rejected.
INSERT INTO snapshots (account_id, snapshot_id, size_gib) VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-uq', 8);
INSERT INTO s3_buckets (id, account_id, name) VALUES ('ffffffff-0000-4000-8000-000000000009', 'ffffffff-0000-4000-8000-000000000001', 'pgtap-uq');
INSERT INTO cache_clusters (account_id, cluster_id) VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-uq');
INSERT INTO api_clients (account_id, name, access_key_id, secret_key_hash)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'client', 'PGTAPUQ', 'hash');
INSERT INTO resource_tags (account_id, resource_type, resource_id, key, value)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-uq', 'team', 'ml');
INSERT INTO metrics_daily (account_id, resource_type, resource_id, date)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-uq', DATE '2025-01-01');
INSERT INTO s3_bucket_usage_daily (bucket_id, date) VALUES ('ffffffff-0000-4000-8000-000000000009', DATE '2025-01-01');
INSERT INTO log_groups (id, account_id, name) VALUES ('ffffffff-0000-4000-8000-000000000018', 'ffffffff-0000-4000-8000-000000000001', '/pgtap');
INSERT INTO log_group_usage_daily (log_group_id, date) VALUES ('ffffffff-0000-4000-8000-000000000018', DATE '2025-01-01');
INSERT INTO commitments (id, account_id, commitment_type, scope, term_months, hourly_commitment_amount, start_date, end_date)
  VALUES ('ffffffff-0000-4000-8000-000000000020', 'ffffffff-0000-4000-8000-000000000001', 'edp', 'all', 12, 1,
    DATE '2025-01-01', DATE '2026-01-01');
INSERT INTO commitment_utilization_daily (commitment_id, date) VALUES ('ffffffff-0000-4000-8000-000000000020', DATE '2025-01-01');

SELECT throws_ok($$INSERT INTO instances (account_id, instance_id, instance_type)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-running', 'm5.large')$$, '23505', NULL, 'instances.instance_id is unique');
SELECT throws_ok($$INSERT INTO volumes (account_id, volume_id, size_gib)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-available', 8)$$, '23505', NULL, 'volumes.volume_id is unique');
SELECT throws_ok($$INSERT INTO snapshots (account_id, snapshot_id, size_gib)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-uq', 8)$$, '23505', NULL, 'snapshots.snapshot_id is unique');
SELECT throws_ok($$INSERT INTO s3_buckets (account_id, name)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-uq')$$, '23505', NULL, 's3_buckets.name is unique');
SELECT throws_ok($$INSERT INTO load_balancers (account_id, lb_arn, name)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'arn:pgtap:chk/network', 'lb')$$, '23505', NULL, 'load_balancers.lb_arn is unique');
SELECT throws_ok($$INSERT INTO elastic_ips (account_id, allocation_id, public_ip)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-associated', '192.0.2.4')$$, '23505', NULL, 'elastic_ips.allocation_id is unique');
SELECT throws_ok($$INSERT INTO rds_instances (account_id, db_instance_id)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-chk-stopped')$$, '23505', NULL, 'rds_instances.db_instance_id is unique');
SELECT throws_ok($$INSERT INTO cache_clusters (account_id, cluster_id)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'pgtap-uq')$$, '23505', NULL, 'cache_clusters.cluster_id is unique');
SELECT throws_ok($$INSERT INTO api_clients (account_id, name, access_key_id, secret_key_hash)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'other', 'PGTAPUQ', 'hash2')$$, '23505', NULL, 'api_clients.access_key_id is unique');
SELECT throws_ok($$INSERT INTO resource_tags (account_id, resource_type, resource_id, key, value)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-uq', 'team', 'web')$$,
  '23505', NULL, 'resource_tags (resource_type, resource_id, key) is unique');
SELECT throws_ok($$INSERT INTO metrics_daily (account_id, resource_type, resource_id, date)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-uq', DATE '2025-01-01')$$,
  '23505', NULL, 'metrics_daily (resource_type, resource_id, date) is unique');
SELECT throws_ok($$INSERT INTO s3_bucket_usage_daily (bucket_id, date)
  VALUES ('ffffffff-0000-4000-8000-000000000009', DATE '2025-01-01')$$, '23505', NULL, 's3_bucket_usage_daily (bucket_id, date) is unique');
SELECT throws_ok($$INSERT INTO log_group_usage_daily (log_group_id, date)
  VALUES ('ffffffff-0000-4000-8000-000000000018', DATE '2025-01-01')$$, '23505', NULL, 'log_group_usage_daily (log_group_id, date) is unique');
SELECT throws_ok($$INSERT INTO commitment_utilization_daily (commitment_id, date)
  VALUES ('ffffffff-0000-4000-8000-000000000020', DATE '2025-01-01')$$,
  '23505', NULL, 'commitment_utilization_daily (commitment_id, date) is unique');

-- Composite keys are unique only as a whole.
SELECT lives_ok($$INSERT INTO resource_tags (account_id, resource_type, resource_id, key, value)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'instance', 'pgtap-uq', 'owner', 'alice')$$,
  'resource_tags: another key on the same resource is fine');
SELECT lives_ok($$INSERT INTO metrics_daily (account_id, resource_type, resource_id, date)
  VALUES ('ffffffff-0000-4000-8000-000000000001', 'volume', 'pgtap-uq', DATE '2025-01-01')$$,
  'metrics_daily: the same resource_id under another resource_type is fine');
SELECT lives_ok($$INSERT INTO s3_bucket_usage_daily (bucket_id, date)
  VALUES ('ffffffff-0000-4000-8000-000000000009', DATE '2025-01-02')$$, 's3_bucket_usage_daily: another date is fine');

SELECT * FROM finish();
ROLLBACK;

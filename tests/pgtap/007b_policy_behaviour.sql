-- 007b_policy_behaviour: what the policies of 013 (and 020 for waste_findings) let each role do, on two accounts a and b that each
-- have one row in every table. authenticated with claim account_id = a sees and writes only a's rows,
-- including the child tables scoped through their parent; without a valid claim it sees nothing; anon
-- has no privileges at all; service_role sees and writes everything.
BEGIN;
SELECT plan(161);

-- Fixture (as the superuser running the test): row n of table number n of account x has id
-- xxxxxxxx-0000-4000-8000-00000000000n, tables numbered in spec order (1 cloud_accounts ... 26), 27 waste_findings.
CREATE TEMP TABLE fixture_accounts AS SELECT unnest(ARRAY['a', 'b']) AS a;
\ir fixtures/every_table.sql

-- new_row_sql: an INSERT of one more row into table_name that belongs to account acct (through its
-- parent for the child tables). Natural keys end in "-new" so they do not clash with the fixture.
CREATE FUNCTION pg_temp.new_row_sql(table_name text, acct text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE table_name
    WHEN 'cloud_accounts' THEN format('INSERT INTO cloud_accounts (name) VALUES (%L)', 'pgtap new')
    WHEN 'autoscaling_groups' THEN format('INSERT INTO autoscaling_groups (account_id, name, instance_type) VALUES (%L, %L, %L)', pg_temp.uid(acct, 1), 'asg-new', 'm5.large')
    WHEN 'instances' THEN format('INSERT INTO instances (account_id, instance_id, instance_type) VALUES (%L, %L, %L)', pg_temp.uid(acct, 1), 'pgtap-i-new-' || acct, 'm5.large')
    WHEN 'container_clusters' THEN format('INSERT INTO container_clusters (account_id, name) VALUES (%L, %L)', pg_temp.uid(acct, 1), 'k8s-new')
    WHEN 'container_nodes' THEN format('INSERT INTO container_nodes (cluster_id, instance_id, instance_type) VALUES (%L, %L, %L)', pg_temp.uid(acct, 4), 'pgtap-node-new', 'm5.large')
    WHEN 'lambda_functions' THEN format('INSERT INTO lambda_functions (account_id, name) VALUES (%L, %L)', pg_temp.uid(acct, 1), 'fn-new')
    WHEN 'volumes' THEN format('INSERT INTO volumes (account_id, volume_id, size_gib) VALUES (%L, %L, 10)', pg_temp.uid(acct, 1), 'pgtap-vol-new-' || acct)
    WHEN 'snapshots' THEN format('INSERT INTO snapshots (account_id, snapshot_id, size_gib) VALUES (%L, %L, 10)', pg_temp.uid(acct, 1), 'pgtap-snap-new-' || acct)
    WHEN 's3_buckets' THEN format('INSERT INTO s3_buckets (account_id, name) VALUES (%L, %L)', pg_temp.uid(acct, 1), 'pgtap-bucket-new-' || acct)
    WHEN 's3_bucket_usage_daily' THEN format('INSERT INTO s3_bucket_usage_daily (bucket_id, date) VALUES (%L, %L)', pg_temp.uid(acct, 9), '2025-01-02')
    WHEN 'rds_instances' THEN format('INSERT INTO rds_instances (account_id, db_instance_id) VALUES (%L, %L)', pg_temp.uid(acct, 1), 'pgtap-db-new-' || acct)
    WHEN 'cache_clusters' THEN format('INSERT INTO cache_clusters (account_id, cluster_id) VALUES (%L, %L)', pg_temp.uid(acct, 1), 'pgtap-cache-new-' || acct)
    WHEN 'load_balancers' THEN format('INSERT INTO load_balancers (account_id, lb_arn, name) VALUES (%L, %L, %L)', pg_temp.uid(acct, 1), 'arn:pgtap:lb/new-' || acct, 'lb-new')
    WHEN 'elastic_ips' THEN format('INSERT INTO elastic_ips (account_id, allocation_id, public_ip) VALUES (%L, %L, %L)', pg_temp.uid(acct, 1), 'pgtap-eipalloc-new-' || acct, '192.0.2.2')
    WHEN 'data_transfer_daily' THEN format('INSERT INTO data_transfer_daily (account_id, date, source_region, dest_region, direction) VALUES (%L, %L, %L, %L, %L)', pg_temp.uid(acct, 1), '2025-01-02', 'us-east-1', 'us-east-1', 'egress')
    WHEN 'managed_services' THEN format('INSERT INTO managed_services (account_id, service_type, name, instance_type) VALUES (%L, %L, %L, %L)', pg_temp.uid(acct, 1), 'opensearch', 'search-new', 'r6g.large')
    WHEN 'streaming_clusters' THEN format('INSERT INTO streaming_clusters (account_id, name) VALUES (%L, %L)', pg_temp.uid(acct, 1), 'stream-new')
    WHEN 'log_groups' THEN format('INSERT INTO log_groups (account_id, name) VALUES (%L, %L)', pg_temp.uid(acct, 1), '/pgtap/new')
    WHEN 'log_group_usage_daily' THEN format('INSERT INTO log_group_usage_daily (log_group_id, date) VALUES (%L, %L)', pg_temp.uid(acct, 18), '2025-01-02')
    WHEN 'commitments' THEN format('INSERT INTO commitments (account_id, commitment_type, scope, term_months, hourly_commitment_amount, start_date, end_date) VALUES (%L, %L, %L, 36, 0.5, %L, %L)', pg_temp.uid(acct, 1), 'reserved_instance', 'm5/us-east-1', '2025-01-01', '2028-01-01')
    WHEN 'commitment_utilization_daily' THEN format('INSERT INTO commitment_utilization_daily (commitment_id, date) VALUES (%L, %L)', pg_temp.uid(acct, 20), '2025-01-02')
    WHEN 'resource_tags' THEN format('INSERT INTO resource_tags (account_id, resource_type, resource_id, key, value) VALUES (%L, %L, %L, %L, %L)', pg_temp.uid(acct, 1), 'instance', 'pgtap-i-new-' || acct, 'team', 'ml')
    WHEN 'metrics_daily' THEN format('INSERT INTO metrics_daily (account_id, resource_type, resource_id, date) VALUES (%L, %L, %L, %L)', pg_temp.uid(acct, 1), 'instance', 'pgtap-i-new-' || acct, '2025-01-02')
    WHEN 'container_services' THEN format('INSERT INTO container_services (cluster_id, name) VALUES (%L, %L)', pg_temp.uid(acct, 4), 'svc-new')
    WHEN 'api_clients' THEN format('INSERT INTO api_clients (account_id, name, access_key_id, secret_key_hash) VALUES (%L, %L, %L, %L)', pg_temp.uid(acct, 1), 'client-new', 'PGTAPKEYNEW' || acct, 'hash')
    WHEN 'optimization_actions' THEN format('INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type) VALUES (%L, %L, %L, %L)', pg_temp.uid(acct, 1), 'instance', 'pgtap-i-' || acct, 'terminate')
    WHEN 'waste_findings' THEN format('INSERT INTO waste_findings (account_id, resource_type, resource_id, pattern) VALUES (%L, %L, %L, %L)', pg_temp.uid(acct, 1), 'instance', 'pgtap-i-' || acct, 'ec2_idle')
  END
$$;

\ir fixtures/api_roles_reach_pgtap.sql

-- ---------------------------------------------------------------- authenticated, claim account a
SET LOCAL ROLE authenticated;
SET LOCAL request.jwt.claims = '{"sub": "pgtap", "account_id": "aaaaaaaa-0000-4000-8000-000000000001"}';

SELECT set_eq('SELECT id FROM cloud_accounts', ARRAY[pg_temp.uid('a', 1)], 'tenant a sees only its cloud_accounts row');
SELECT set_eq('SELECT id FROM autoscaling_groups', ARRAY[pg_temp.uid('a', 2)], 'tenant a sees only its autoscaling_groups');
SELECT set_eq('SELECT id FROM instances', ARRAY[pg_temp.uid('a', 3)], 'tenant a sees only its instances');
SELECT set_eq('SELECT id FROM container_clusters', ARRAY[pg_temp.uid('a', 4)], 'tenant a sees only its container_clusters');
SELECT set_eq('SELECT id FROM container_nodes', ARRAY[pg_temp.uid('a', 5)], 'tenant a sees only its container_nodes');
SELECT set_eq('SELECT id FROM lambda_functions', ARRAY[pg_temp.uid('a', 6)], 'tenant a sees only its lambda_functions');
SELECT set_eq('SELECT id FROM volumes', ARRAY[pg_temp.uid('a', 7)], 'tenant a sees only its volumes');
SELECT set_eq('SELECT id FROM snapshots', ARRAY[pg_temp.uid('a', 8)], 'tenant a sees only its snapshots');
SELECT set_eq('SELECT id FROM s3_buckets', ARRAY[pg_temp.uid('a', 9)], 'tenant a sees only its s3_buckets');
SELECT set_eq('SELECT id FROM s3_bucket_usage_daily', ARRAY[pg_temp.uid('a', 10)], 'tenant a sees only its s3_bucket_usage_daily');
SELECT set_eq('SELECT id FROM rds_instances', ARRAY[pg_temp.uid('a', 11)], 'tenant a sees only its rds_instances');
SELECT set_eq('SELECT id FROM cache_clusters', ARRAY[pg_temp.uid('a', 12)], 'tenant a sees only its cache_clusters');
SELECT set_eq('SELECT id FROM load_balancers', ARRAY[pg_temp.uid('a', 13)], 'tenant a sees only its load_balancers');
SELECT set_eq('SELECT id FROM elastic_ips', ARRAY[pg_temp.uid('a', 14)], 'tenant a sees only its elastic_ips');
SELECT set_eq('SELECT id FROM data_transfer_daily', ARRAY[pg_temp.uid('a', 15)], 'tenant a sees only its data_transfer_daily');
SELECT set_eq('SELECT id FROM managed_services', ARRAY[pg_temp.uid('a', 16)], 'tenant a sees only its managed_services');
SELECT set_eq('SELECT id FROM streaming_clusters', ARRAY[pg_temp.uid('a', 17)], 'tenant a sees only its streaming_clusters');
SELECT set_eq('SELECT id FROM log_groups', ARRAY[pg_temp.uid('a', 18)], 'tenant a sees only its log_groups');
SELECT set_eq('SELECT id FROM log_group_usage_daily', ARRAY[pg_temp.uid('a', 19)], 'tenant a sees only its log_group_usage_daily');
SELECT set_eq('SELECT id FROM commitments', ARRAY[pg_temp.uid('a', 20)], 'tenant a sees only its commitments');
SELECT set_eq('SELECT id FROM commitment_utilization_daily', ARRAY[pg_temp.uid('a', 21)], 'tenant a sees only its commitment_utilization_daily');
SELECT set_eq('SELECT id FROM resource_tags', ARRAY[pg_temp.uid('a', 22)], 'tenant a sees only its resource_tags');
SELECT set_eq('SELECT id FROM metrics_daily', ARRAY[pg_temp.uid('a', 23)], 'tenant a sees only its metrics_daily');
SELECT set_eq('SELECT id FROM container_services', ARRAY[pg_temp.uid('a', 24)], 'tenant a sees only its container_services');
SELECT set_eq('SELECT id FROM api_clients', ARRAY[pg_temp.uid('a', 25)], 'tenant a sees only its api_clients');
SELECT set_eq('SELECT id FROM optimization_actions', ARRAY[pg_temp.uid('a', 26)], 'tenant a sees only its optimization_actions');
SELECT set_eq('SELECT id FROM waste_findings', ARRAY[pg_temp.uid('a', 27)], 'tenant a sees only its waste_findings');

-- Tenant a can add rows to its own account (child tables pass through the parent's policy)...
SELECT lives_ok(pg_temp.new_row_sql(t, 'a'), 'tenant a can insert a row of its own into ' || t)
  FROM unnest(ARRAY['autoscaling_groups', 'instances', 'container_clusters', 'container_nodes', 'lambda_functions',
    'volumes', 'snapshots', 's3_buckets', 's3_bucket_usage_daily', 'rds_instances', 'cache_clusters',
    'load_balancers', 'elastic_ips', 'data_transfer_daily', 'managed_services', 'streaming_clusters', 'log_groups',
    'log_group_usage_daily', 'commitments', 'commitment_utilization_daily', 'resource_tags', 'metrics_daily',
    'container_services', 'api_clients', 'optimization_actions', 'waste_findings']) AS t;

-- ...but not to account b, nor create another account.
SELECT throws_ok(pg_temp.new_row_sql(t, 'b'), '42501', format('new row violates row-level security policy for table "%s"', t),
    'tenant a cannot insert a row of account b into ' || t)
  FROM unnest(ARRAY['cloud_accounts', 'autoscaling_groups', 'instances', 'container_clusters', 'container_nodes',
    'lambda_functions', 'volumes', 'snapshots', 's3_buckets', 's3_bucket_usage_daily', 'rds_instances',
    'cache_clusters', 'load_balancers', 'elastic_ips', 'data_transfer_daily', 'managed_services',
    'streaming_clusters', 'log_groups', 'log_group_usage_daily', 'commitments', 'commitment_utilization_daily',
    'resource_tags', 'metrics_daily', 'container_services', 'api_clients', 'optimization_actions',
    'waste_findings']) AS t;

SELECT throws_ok($$UPDATE instances SET account_id = 'bbbbbbbb-0000-4000-8000-000000000001'$$, '42501',
  'new row violates row-level security policy for table "instances"', 'tenant a cannot move its instance to account b');
SELECT throws_ok($$UPDATE container_nodes SET cluster_id = 'bbbbbbbb-0000-4000-8000-000000000004'$$, '42501',
  'new row violates row-level security policy for table "container_nodes"', 'tenant a cannot move its node into a cluster of account b');
SELECT lives_ok($$UPDATE instances SET name = 'renamed by a'$$, 'tenant a can run an unfiltered UPDATE');

-- Without a valid claim an authenticated caller sees nothing; with b's claim it sees b.
SET LOCAL request.jwt.claims = '{"sub": "pgtap"}';
SELECT is((SELECT count(*)::int FROM cloud_accounts), 0, 'authenticated without an account_id claim sees no account');
SET LOCAL request.jwt.claims = 'not json';
SELECT is(public.current_account_id(), NULL, 'current_account_id() is null when the claims are not JSON');
SELECT is((SELECT count(*)::int FROM instances), 0, 'authenticated with unreadable claims sees no instance');
SET LOCAL request.jwt.claims = '{"account_id": "bbbbbbbb-0000-4000-8000-000000000001"}';
SELECT set_eq('SELECT id FROM cloud_accounts', ARRAY[pg_temp.uid('b', 1)], 'with b''s claim the caller sees only account b');
RESET ROLE;

-- ---------------------------------------------------------------- anon: no privileges at all
SET LOCAL ROLE anon;
SELECT throws_ok(format('SELECT id FROM %I', t), '42501', format('permission denied for table %s', t), 'anon cannot read ' || t)
  FROM unnest(ARRAY['cloud_accounts', 'autoscaling_groups', 'instances', 'container_clusters', 'container_nodes',
    'lambda_functions', 'volumes', 'snapshots', 's3_buckets', 's3_bucket_usage_daily', 'rds_instances',
    'cache_clusters', 'load_balancers', 'elastic_ips', 'data_transfer_daily', 'managed_services',
    'streaming_clusters', 'log_groups', 'log_group_usage_daily', 'commitments', 'commitment_utilization_daily',
    'resource_tags', 'metrics_daily', 'container_services', 'api_clients', 'optimization_actions',
    'waste_findings']) AS t;
SELECT throws_ok('SELECT public.current_account_id()', '42501', 'permission denied for function current_account_id',
  'anon cannot call current_account_id()');
RESET ROLE;

-- ---------------------------------------------------------------- service_role: everything
SET LOCAL ROLE service_role;
SELECT set_has(format('SELECT id FROM %I', t), format('VALUES (%L::uuid), (%L::uuid)', pg_temp.uid('a', n::int), pg_temp.uid('b', n::int)),
    'service_role sees the rows of both accounts in ' || t)
  FROM unnest(ARRAY['cloud_accounts', 'autoscaling_groups', 'instances', 'container_clusters', 'container_nodes',
    'lambda_functions', 'volumes', 'snapshots', 's3_buckets', 's3_bucket_usage_daily', 'rds_instances',
    'cache_clusters', 'load_balancers', 'elastic_ips', 'data_transfer_daily', 'managed_services',
    'streaming_clusters', 'log_groups', 'log_group_usage_daily', 'commitments', 'commitment_utilization_daily',
    'resource_tags', 'metrics_daily', 'container_services', 'api_clients', 'optimization_actions',
    'waste_findings'])
    WITH ORDINALITY AS tables(t, n);
SELECT lives_ok(pg_temp.new_row_sql('container_services', 'b'), 'service_role can insert rows for any account');
RESET ROLE;

SELECT is((SELECT name FROM instances WHERE id = pg_temp.uid('b', 3)), NULL, 'tenant a''s unfiltered UPDATE left b''s instance alone');
SELECT is((SELECT name FROM instances WHERE id = pg_temp.uid('a', 3)), 'renamed by a', 'tenant a''s unfiltered UPDATE changed its own instance');

-- ---------------------------------------------------------------- tenant a deletes everything it can
SET LOCAL ROLE authenticated;
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001"}';
SELECT lives_ok(format('DELETE FROM %I', t), 'tenant a can run an unfiltered DELETE on ' || t)
  FROM unnest(ARRAY['container_nodes', 'container_services', 's3_bucket_usage_daily', 'log_group_usage_daily',
    'commitment_utilization_daily', 'optimization_actions', 'instances', 'autoscaling_groups', 'volumes', 'snapshots',
    'resource_tags', 'metrics_daily', 'data_transfer_daily', 'waste_findings']) AS t;
RESET ROLE;

CREATE FUNCTION pg_temp.fixture_rows_left(acct text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT ((SELECT count(*) FROM instances WHERE id = pg_temp.uid(acct, 3))
        + (SELECT count(*) FROM autoscaling_groups WHERE id = pg_temp.uid(acct, 2))
        + (SELECT count(*) FROM container_nodes WHERE id = pg_temp.uid(acct, 5))
        + (SELECT count(*) FROM volumes WHERE id = pg_temp.uid(acct, 7))
        + (SELECT count(*) FROM snapshots WHERE id = pg_temp.uid(acct, 8))
        + (SELECT count(*) FROM s3_bucket_usage_daily WHERE id = pg_temp.uid(acct, 10))
        + (SELECT count(*) FROM data_transfer_daily WHERE id = pg_temp.uid(acct, 15))
        + (SELECT count(*) FROM log_group_usage_daily WHERE id = pg_temp.uid(acct, 19))
        + (SELECT count(*) FROM commitment_utilization_daily WHERE id = pg_temp.uid(acct, 21))
        + (SELECT count(*) FROM resource_tags WHERE id = pg_temp.uid(acct, 22))
        + (SELECT count(*) FROM metrics_daily WHERE id = pg_temp.uid(acct, 23))
        + (SELECT count(*) FROM container_services WHERE id = pg_temp.uid(acct, 24))
        + (SELECT count(*) FROM optimization_actions WHERE id = pg_temp.uid(acct, 26))
        + (SELECT count(*) FROM waste_findings WHERE id = pg_temp.uid(acct, 27)))::int
$$;
SELECT is(pg_temp.fixture_rows_left('a'), 0, 'tenant a''s unfiltered DELETEs removed its rows from the 14 tables');
SELECT is(pg_temp.fixture_rows_left('b'), 14, 'tenant a''s unfiltered DELETEs left account b''s rows alone');

SELECT * FROM finish();
ROLLBACK;

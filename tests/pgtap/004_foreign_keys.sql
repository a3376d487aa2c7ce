-- 004_foreign_keys: every foreign key of the spec (and of optimization_actions) exists on the right
-- columns, and deleting a parent does what the spec says: cascade everywhere except
-- instances.autoscaling_group_id and optimization_actions.requested_by_client_id, which become null.
-- waste_findings (migration 020) has none on purpose: a load replaces the tables they would reference.
BEGIN;
SELECT plan(73);

-- Foreign keys on account_id
SELECT fk_ok('autoscaling_groups', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('instances', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('container_clusters', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('lambda_functions', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('volumes', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('snapshots', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('s3_buckets', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('rds_instances', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('cache_clusters', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('load_balancers', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('elastic_ips', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('data_transfer_daily', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('managed_services', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('streaming_clusters', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('log_groups', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('commitments', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('resource_tags', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('metrics_daily', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('api_clients', 'account_id', 'cloud_accounts', 'id');
SELECT fk_ok('optimization_actions', 'account_id', 'cloud_accounts', 'id');

-- Other foreign keys
SELECT fk_ok('instances', 'autoscaling_group_id', 'autoscaling_groups', 'id');
SELECT fk_ok('container_nodes', 'cluster_id', 'container_clusters', 'id');
SELECT fk_ok('container_services', 'cluster_id', 'container_clusters', 'id');
SELECT fk_ok('s3_bucket_usage_daily', 'bucket_id', 's3_buckets', 'id');
SELECT fk_ok('log_group_usage_daily', 'log_group_id', 'log_groups', 'id');
SELECT fk_ok('commitment_utilization_daily', 'commitment_id', 'commitments', 'id');
SELECT fk_ok('optimization_actions', 'requested_by_client_id', 'api_clients', 'id');
SELECT hasnt_fk('waste_findings', 'waste_findings has no foreign key (loads replace cloud_accounts and api_clients)');

SELECT is(
  (SELECT count(*)::int FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'),
  27, 'public has exactly the 27 foreign keys above');

-- Fixture: accounts a and c, each with one row in every table. Row n of table number n of
-- account x has id xxxxxxxx-0000-4000-8000-00000000000n (tables numbered in spec order, 1-26).
CREATE TEMP TABLE fixture_accounts AS SELECT unnest(ARRAY['a', 'c']) AS a;
\ir fixtures/every_table.sql

-- Deleting account a removes its rows from every table, directly or through a parent.
SELECT is((
  SELECT (SELECT count(*) FROM cloud_accounts WHERE id = pg_temp.uid('a', 1))
       + (SELECT count(*) FROM autoscaling_groups WHERE id = pg_temp.uid('a', 2))
       + (SELECT count(*) FROM instances WHERE id = pg_temp.uid('a', 3))
       + (SELECT count(*) FROM container_clusters WHERE id = pg_temp.uid('a', 4))
       + (SELECT count(*) FROM container_nodes WHERE id = pg_temp.uid('a', 5))
       + (SELECT count(*) FROM lambda_functions WHERE id = pg_temp.uid('a', 6))
       + (SELECT count(*) FROM volumes WHERE id = pg_temp.uid('a', 7))
       + (SELECT count(*) FROM snapshots WHERE id = pg_temp.uid('a', 8))
       + (SELECT count(*) FROM s3_buckets WHERE id = pg_temp.uid('a', 9))
       + (SELECT count(*) FROM s3_bucket_usage_daily WHERE id = pg_temp.uid('a', 10))
       + (SELECT count(*) FROM rds_instances WHERE id = pg_temp.uid('a', 11))
       + (SELECT count(*) FROM cache_clusters WHERE id = pg_temp.uid('a', 12))
       + (SELECT count(*) FROM load_balancers WHERE id = pg_temp.uid('a', 13))
       + (SELECT count(*) FROM elastic_ips WHERE id = pg_temp.uid('a', 14))
       + (SELECT count(*) FROM data_transfer_daily WHERE id = pg_temp.uid('a', 15))
       + (SELECT count(*) FROM managed_services WHERE id = pg_temp.uid('a', 16))
       + (SELECT count(*) FROM streaming_clusters WHERE id = pg_temp.uid('a', 17))
       + (SELECT count(*) FROM log_groups WHERE id = pg_temp.uid('a', 18))
       + (SELECT count(*) FROM log_group_usage_daily WHERE id = pg_temp.uid('a', 19))
       + (SELECT count(*) FROM commitments WHERE id = pg_temp.uid('a', 20))
       + (SELECT count(*) FROM commitment_utilization_daily WHERE id = pg_temp.uid('a', 21))
       + (SELECT count(*) FROM resource_tags WHERE id = pg_temp.uid('a', 22))
       + (SELECT count(*) FROM metrics_daily WHERE id = pg_temp.uid('a', 23))
       + (SELECT count(*) FROM container_services WHERE id = pg_temp.uid('a', 24))
       + (SELECT count(*) FROM api_clients WHERE id = pg_temp.uid('a', 25))
       + (SELECT count(*) FROM optimization_actions WHERE id = pg_temp.uid('a', 26)))::int,
  26, 'fixture: account a has one row in each of the 26 tables');

SELECT lives_ok($$DELETE FROM cloud_accounts WHERE id = pg_temp.uid('a', 1)$$, 'deleting account a succeeds');

SELECT is((SELECT count(*)::int FROM autoscaling_groups WHERE id = pg_temp.uid('a', 2)), 0, 'autoscaling_groups row cascaded');
SELECT is((SELECT count(*)::int FROM instances WHERE id = pg_temp.uid('a', 3)), 0, 'instances row cascaded');
SELECT is((SELECT count(*)::int FROM container_clusters WHERE id = pg_temp.uid('a', 4)), 0, 'container_clusters row cascaded');
SELECT is((SELECT count(*)::int FROM container_nodes WHERE id = pg_temp.uid('a', 5)), 0, 'container_nodes row cascaded');
SELECT is((SELECT count(*)::int FROM lambda_functions WHERE id = pg_temp.uid('a', 6)), 0, 'lambda_functions row cascaded');
SELECT is((SELECT count(*)::int FROM volumes WHERE id = pg_temp.uid('a', 7)), 0, 'volumes row cascaded');
SELECT is((SELECT count(*)::int FROM snapshots WHERE id = pg_temp.uid('a', 8)), 0, 'snapshots row cascaded');
SELECT is((SELECT count(*)::int FROM s3_buckets WHERE id = pg_temp.uid('a', 9)), 0, 's3_buckets row cascaded');
SELECT is((SELECT count(*)::int FROM s3_bucket_usage_daily WHERE id = pg_temp.uid('a', 10)), 0, 's3_bucket_usage_daily row cascaded');
SELECT is((SELECT count(*)::int FROM rds_instances WHERE id = pg_temp.uid('a', 11)), 0, 'rds_instances row cascaded');
SELECT is((SELECT count(*)::int FROM cache_clusters WHERE id = pg_temp.uid('a', 12)), 0, 'cache_clusters row cascaded');
SELECT is((SELECT count(*)::int FROM load_balancers WHERE id = pg_temp.uid('a', 13)), 0, 'load_balancers row cascaded');
SELECT is((SELECT count(*)::int FROM elastic_ips WHERE id = pg_temp.uid('a', 14)), 0, 'elastic_ips row cascaded');
SELECT is((SELECT count(*)::int FROM data_transfer_daily WHERE id = pg_temp.uid('a', 15)), 0, 'data_transfer_daily row cascaded');
SELECT is((SELECT count(*)::int FROM managed_services WHERE id = pg_temp.uid('a', 16)), 0, 'managed_services row cascaded');
SELECT is((SELECT count(*)::int FROM streaming_clusters WHERE id = pg_temp.uid('a', 17)), 0, 'streaming_clusters row cascaded');
SELECT is((SELECT count(*)::int FROM log_groups WHERE id = pg_temp.uid('a', 18)), 0, 'log_groups row cascaded');
SELECT is((SELECT count(*)::int FROM log_group_usage_daily WHERE id = pg_temp.uid('a', 19)), 0, 'log_group_usage_daily row cascaded');
SELECT is((SELECT count(*)::int FROM commitments WHERE id = pg_temp.uid('a', 20)), 0, 'commitments row cascaded');
SELECT is((SELECT count(*)::int FROM commitment_utilization_daily WHERE id = pg_temp.uid('a', 21)), 0, 'commitment_utilization_daily row cascaded');
SELECT is((SELECT count(*)::int FROM resource_tags WHERE id = pg_temp.uid('a', 22)), 0, 'resource_tags row cascaded');
SELECT is((SELECT count(*)::int FROM metrics_daily WHERE id = pg_temp.uid('a', 23)), 0, 'metrics_daily row cascaded');
SELECT is((SELECT count(*)::int FROM container_services WHERE id = pg_temp.uid('a', 24)), 0, 'container_services row cascaded');
SELECT is((SELECT count(*)::int FROM api_clients WHERE id = pg_temp.uid('a', 25)), 0, 'api_clients row cascaded');
SELECT is((SELECT count(*)::int FROM optimization_actions WHERE id = pg_temp.uid('a', 26)), 0, 'optimization_actions row cascaded');

-- Deleting a parent other than the account, on account c.
SELECT lives_ok($$DELETE FROM autoscaling_groups WHERE id = pg_temp.uid('c', 2)$$, 'deleting a row of autoscaling_groups succeeds');
SELECT is((SELECT count(*)::int FROM instances WHERE id = pg_temp.uid('c', 3)), 1, 'instance survives deleting its autoscaling group');
SELECT is((SELECT autoscaling_group_id FROM instances WHERE id = pg_temp.uid('c', 3)), NULL,
  'instances.autoscaling_group_id is set null when the group is deleted');

SELECT lives_ok($$DELETE FROM api_clients WHERE id = pg_temp.uid('c', 25)$$, 'deleting a row of api_clients succeeds');
SELECT is((SELECT count(*)::int FROM optimization_actions WHERE id = pg_temp.uid('c', 26)), 1,
  'optimization action survives deleting the api client that requested it');
SELECT is((SELECT requested_by_client_id FROM optimization_actions WHERE id = pg_temp.uid('c', 26)), NULL,
  'optimization_actions.requested_by_client_id is set null when the client is deleted');

SELECT lives_ok($$DELETE FROM container_clusters WHERE id = pg_temp.uid('c', 4)$$, 'deleting a row of container_clusters succeeds');
SELECT is((SELECT count(*)::int FROM container_nodes WHERE id = pg_temp.uid('c', 5)), 0, 'deleting a cluster deletes its nodes');
SELECT is((SELECT count(*)::int FROM container_services WHERE id = pg_temp.uid('c', 24)), 0, 'deleting a cluster deletes its services');

SELECT lives_ok($$DELETE FROM s3_buckets WHERE id = pg_temp.uid('c', 9)$$, 'deleting a row of s3_buckets succeeds');
SELECT is((SELECT count(*)::int FROM s3_bucket_usage_daily WHERE id = pg_temp.uid('c', 10)), 0, 'deleting a bucket deletes its daily usage');
SELECT lives_ok($$DELETE FROM log_groups WHERE id = pg_temp.uid('c', 18)$$, 'deleting a row of log_groups succeeds');
SELECT is((SELECT count(*)::int FROM log_group_usage_daily WHERE id = pg_temp.uid('c', 19)), 0, 'deleting a log group deletes its daily usage');
SELECT lives_ok($$DELETE FROM commitments WHERE id = pg_temp.uid('c', 20)$$, 'deleting a row of commitments succeeds');
SELECT is((SELECT count(*)::int FROM commitment_utilization_daily WHERE id = pg_temp.uid('c', 21)), 0,
  'deleting a commitment deletes its daily utilization');

-- A child row must name an existing parent.
SELECT throws_ok($$INSERT INTO instances (account_id, instance_id, instance_type)
  VALUES ('dddddddd-0000-4000-8000-000000000001', 'pgtap-orphan', 'm5.large')$$,
  '23503', NULL, 'an instance of a missing account is rejected');
SELECT throws_ok($$INSERT INTO container_nodes (cluster_id, instance_id, instance_type)
  VALUES (pg_temp.uid('c', 4), 'pgtap-orphan', 'm5.large')$$,
  '23503', NULL, 'a node of a deleted cluster is rejected');

SELECT * FROM finish();
ROLLBACK;

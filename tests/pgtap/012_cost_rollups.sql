-- 012_cost_rollups: migration 015. cost_rollup_monthly exists with its columns, a unique index (so it can
-- be refreshed CONCURRENTLY) and the global queries' index, and a comment; only service_role may read it
-- (a materialized view has no row level security) and anon may not call resource_monthly_costs. After
-- fixture rows and a REFRESH, every line holds the cost typed here by hand from the pricing rules.
BEGIN;
SELECT plan(26);

SELECT materialized_views_are('public', ARRAY['cost_rollup_monthly', 'resource_cost_monthly']);
SELECT columns_are('public', 'cost_rollup_monthly',
  ARRAY['as_of', 'account_id', 'service', 'region', 'env', 'resources', 'monthly_cost']);
SELECT col_type_is('public', 'cost_rollup_monthly', 'as_of', 'date', 'as_of is date');
SELECT col_type_is('public', 'cost_rollup_monthly', 'account_id', 'uuid', 'account_id is uuid');
SELECT col_type_is('public', 'cost_rollup_monthly', 'resources', 'bigint', 'resources is bigint');
SELECT col_type_is('public', 'cost_rollup_monthly', 'monthly_cost', 'numeric', 'monthly_cost is numeric');
SELECT indexes_are('public', 'cost_rollup_monthly', ARRAY['cost_rollup_monthly_key', 'idx_cost_rollup_monthly_cost']);
SELECT has_index('public', 'cost_rollup_monthly', 'cost_rollup_monthly_key', ARRAY['account_id', 'service', 'region', 'env']);
SELECT index_is_unique('public', 'cost_rollup_monthly', 'cost_rollup_monthly_key');
SELECT matches(obj_description('public.cost_rollup_monthly'::regclass, 'pg_class'), 'refreshed by every seedgen load',
  'the view says who refreshes it');

SELECT table_privs_are('public', 'cost_rollup_monthly', 'anon', ARRAY[]::text[]);
SELECT table_privs_are('public', 'cost_rollup_monthly', 'authenticated', ARRAY[]::text[]);
SELECT table_privs_are('public', 'cost_rollup_monthly', 'service_role', ARRAY['SELECT']);
SELECT function_privs_are('public', 'resource_monthly_costs', ARRAY['date'], 'anon', ARRAY[]::text[]);
SELECT function_privs_are('public', 'resource_monthly_costs', ARRAY['date'], 'authenticated', ARRAY['EXECUTE']);

-- Fixture (as the superuser): one row in every table for accounts a and b (as_of = the metrics row's day,
-- 2025-01-01), then prices on a's rows. b keeps the defaults: everything costs 0 except its compute
-- savings plan, active and 0 % used, which adds its whole fee, 1.5 x 730 = 1095.
CREATE TEMP TABLE fixture_accounts AS SELECT unnest(ARRAY['a', 'b']) AS a;
\ir fixtures/every_table.sql
UPDATE instances SET hourly_cost = 0.1 WHERE id = pg_temp.uid('a', 3);
UPDATE container_clusters SET estimated_hourly_cost = 0.3 WHERE id = pg_temp.uid('a', 4);
UPDATE container_nodes SET hourly_cost = 0.2 WHERE id = pg_temp.uid('a', 5);
UPDATE lambda_functions SET estimated_monthly_cost = 5.5 WHERE id = pg_temp.uid('a', 6);
UPDATE volumes SET monthly_cost = 8, tags = '{"env": "prod"}' WHERE id = pg_temp.uid('a', 7);
UPDATE snapshots SET monthly_cost = 2.5 WHERE id = pg_temp.uid('a', 8);
UPDATE s3_bucket_usage_daily SET estimated_storage_cost = 0.1, estimated_request_cost = 0.02 WHERE id = pg_temp.uid('a', 10);
UPDATE rds_instances SET hourly_cost = 0.2, storage_monthly_cost = 11.5 WHERE id = pg_temp.uid('a', 11);
UPDATE elastic_ips SET hourly_cost = 0.005, state = 'associated', associated_instance_id = 'pgtap-i-a' WHERE id = pg_temp.uid('a', 14);
UPDATE data_transfer_daily SET estimated_transfer_cost = 0.48 WHERE id = pg_temp.uid('a', 15);
UPDATE log_group_usage_daily SET estimated_ingestion_cost = 0.24, estimated_storage_cost = 0.048 WHERE id = pg_temp.uid('a', 19);
UPDATE commitment_utilization_daily SET utilization_percent = 80 WHERE id = pg_temp.uid('a', 21);

SELECT is((SELECT count(*) FROM cost_rollup_monthly), 0::bigint, 'the view holds nothing before a refresh');
REFRESH MATERIALIZED VIEW cost_rollup_monthly;

-- a: instance 0.1 x 730; control plane (0.3 - 0.2) x 730; node 0.2 x 730; volume env from its tag;
-- snapshot without env tag; bucket 30 x (0.1 + 0.02); RDS 0.2 x 730 + 11.5; EIP on a's instance 0.005 x
-- 730; logs (0.24 + 0.048) x 730 / 24; transfer 0.48 x 730 / 24; savings plan (1 - 0.80) x 1.5 x 730.
SELECT results_eq(
  $$SELECT service, region, env, resources, monthly_cost FROM cost_rollup_monthly
    WHERE account_id = pg_temp.uid('a', 1) ORDER BY service$$,
  $$VALUES ('cache_cluster', 'us-east-1', 'dev', 1::bigint, 0.0000::numeric),
           ('commitment', 'global', 'untagged', 0, 219.0000),
           ('container_cluster', 'us-east-1', 'dev', 1, 73.0000),
           ('container_node', 'us-east-1', 'dev', 1, 146.0000),
           ('data_transfer', 'us-east-1', 'untagged', 0, 14.6000),
           ('elastic_ip', 'us-east-1', 'dev', 1, 3.6500),
           ('instance', 'us-east-1', 'dev', 1, 73.0000),
           ('lambda_function', 'us-east-1', 'dev', 1, 5.5000),
           ('load_balancer', 'us-east-1', 'dev', 1, 0.0000),
           ('log_group', 'us-east-1', 'dev', 1, 8.7600),
           ('managed_service', 'us-east-1', 'dev', 1, 0.0000),
           ('rds_instance', 'us-east-1', 'dev', 1, 157.5000),
           ('s3_bucket', 'us-east-1', 'dev', 1, 3.6000),
           ('snapshot', 'us-east-1', 'untagged', 1, 2.5000),
           ('streaming_cluster', 'us-east-1', 'dev', 1, 0.0000),
           ('volume', 'us-east-1', 'prod', 1, 8.0000)$$,
  'account a: one line per service, priced by hand');
SELECT is((SELECT sum(monthly_cost) FROM cost_rollup_monthly WHERE account_id = pg_temp.uid('a', 1)), 715.1100,
  'account a costs 715.11 a month');
SELECT is((SELECT sum(monthly_cost) FROM cost_rollup_monthly WHERE account_id = pg_temp.uid('b', 1)), 1095.0000,
  'account b costs its unused savings plan, 1095 a month');
SELECT is((SELECT sum(resources) FROM cost_rollup_monthly), 28::numeric, '14 resources in each account');
-- b's address is associated with nothing, so it has no region; its untagged volume takes its instance's env.
SELECT is((SELECT region || '/' || env FROM cost_rollup_monthly WHERE account_id = pg_temp.uid('b', 1) AND service = 'elastic_ip'),
  'unknown/untagged', 'an unassociated address has no region or env');
SELECT is((SELECT env FROM cost_rollup_monthly WHERE account_id = pg_temp.uid('b', 1) AND service = 'volume'), 'dev',
  'an untagged attached volume takes its instance''s env');
SELECT is((SELECT array_agg(DISTINCT as_of) FROM cost_rollup_monthly), ARRAY[DATE '2025-01-01'],
  'every line is priced as of the last metrics_daily day');

SET LOCAL ROLE anon;
SELECT throws_ok('SELECT * FROM cost_rollup_monthly', '42501', NULL, 'anon cannot read the roll-up');
RESET ROLE;
SET LOCAL ROLE authenticated;
SELECT throws_ok('SELECT * FROM cost_rollup_monthly', '42501', NULL, 'authenticated cannot read the roll-up (no RLS on it)');
RESET ROLE;
SET LOCAL ROLE service_role;
SELECT is((SELECT count(*) FROM cost_rollup_monthly), 32::bigint, 'service_role reads every line of both accounts');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

-- layout.sql (pgTAP, on the Citus coordinator after a load; tests/support/citus-check layout): the catalog
-- facts docs/CITUS.md lists for layout citus, and that row level security, the updated_at triggers and the
-- cost roll-ups still work on the distributed fleet. The expected lists are written out here, from the spec.
BEGIN;
SELECT plan(18);

-- Distribution: the 28 account tables hash-distributed, co-located, by the column the docs name.
SELECT set_eq(
  $$SELECT logicalrelid::regclass::text, column_to_column_name(logicalrelid, partkey)
      FROM pg_dist_partition WHERE partmethod = 'h'$$,
  $$VALUES ('cloud_accounts', 'id'), ('autoscaling_groups', 'account_id'), ('instances', 'account_id'),
           ('container_clusters', 'account_id'), ('container_nodes', 'account_id'), ('lambda_functions', 'account_id'),
           ('volumes', 'account_id'), ('snapshots', 'account_id'), ('s3_buckets', 'account_id'),
           ('s3_bucket_usage_daily', 'account_id'), ('rds_instances', 'account_id'), ('cache_clusters', 'account_id'),
           ('load_balancers', 'account_id'), ('elastic_ips', 'account_id'), ('data_transfer_daily', 'account_id'),
           ('managed_services', 'account_id'), ('streaming_clusters', 'account_id'), ('log_groups', 'account_id'),
           ('log_group_usage_daily', 'account_id'), ('commitments', 'account_id'),
           ('commitment_utilization_daily', 'account_id'), ('resource_tags', 'account_id'),
           ('metrics_daily', 'account_id'), ('container_services', 'account_id'), ('api_clients', 'account_id'),
           ('optimization_actions', 'account_id'), ('waste_findings', 'account_id'),
           ('seedgen.planted_waste', 'account_id')$$,
  'the 28 account tables are distributed by account');
SELECT is((SELECT count(DISTINCT colocationid)::int FROM pg_dist_partition WHERE partmethod = 'h'), 1,
          'all of them in one co-location group');
SELECT set_eq($$SELECT logicalrelid::regclass::text FROM pg_dist_partition WHERE partmethod = 'n'$$,
              ARRAY['seedgen.prices', 'seedgen.waste_patterns', 'seedgen.agent_action_types'],
              'the three lookup tables are reference tables');
SELECT is((SELECT count(*)::int FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
            WHERE c.relname IN ('runs', 'schema_migrations', 'layout_migrations')), 0,
          'the run log and the ledgers stay on the coordinator');

-- The five tables the spec keys by their parent have an account_id, not null.
SELECT col_not_null(t, 'account_id', t || '.account_id is not null')
  FROM unnest(ARRAY['container_nodes', 'container_services', 's3_bucket_usage_daily', 'log_group_usage_daily',
                    'commitment_utilization_daily']) t;

-- Keys: every primary key, unique constraint and foreign key of a distributed table holds its column.
SELECT is((SELECT count(*)::int FROM pg_constraint c JOIN pg_dist_partition p ON p.logicalrelid = c.conrelid
            WHERE p.partmethod = 'h' AND c.contype IN ('p', 'u', 'f')
              AND NOT (SELECT attnum FROM pg_attribute WHERE attrelid = c.conrelid
                          AND attname = column_to_column_name(p.logicalrelid, p.partkey)) = ANY (c.conkey)), 0,
          'every key holds the distribution column');
SELECT col_is_pk('instances', ARRAY['account_id', 'id'], 'instances: primary key (account_id, id)');
SELECT col_is_unique('instances', ARRAY['account_id', 'instance_id'], 'instances: unique (account_id, instance_id)');
SELECT fk_ok('public', 'container_nodes', ARRAY['account_id', 'cluster_id'],
             'public', 'container_clusters', ARRAY['account_id', 'id'], 'a node names its cluster through its account');

-- Row level security: no policy with a subquery is left, and a tenant sees exactly its account's rows.
SELECT is((SELECT count(*)::int FROM pg_policy WHERE polname LIKE '%\_tenant\_references'), 0,
          'the reference-check policies are gone (Citus refuses their subqueries)');
-- SET LOCAL, which the layout's citus.propagate_set_commands = local sends to the workers with the query.
SELECT format('SET LOCAL request.jwt.claims = %L',
              json_build_object('account_id', (SELECT id FROM cloud_accounts ORDER BY id LIMIT 1))) \gexec
CREATE TEMP TABLE expected ON COMMIT DROP AS
  SELECT (SELECT count(*) FROM instances WHERE account_id = a.id) AS instances,
         (SELECT count(*) FROM container_nodes WHERE account_id = a.id) AS nodes
    FROM cloud_accounts a ORDER BY a.id LIMIT 1;
GRANT SELECT ON expected TO authenticated;
SET LOCAL ROLE authenticated;
SELECT is((SELECT count(*) FROM instances), (SELECT instances FROM expected), 'a tenant sees its own instances only');
SELECT is((SELECT count(*) FROM container_nodes), (SELECT nodes FROM expected),
          'a tenant sees its own container nodes only (policy on the added account_id)');
RESET ROLE;

-- The updated_at trigger fires on the worker that holds the row.
UPDATE instances SET updated_at = '2000-01-01', name = name
 WHERE id = (SELECT id FROM instances ORDER BY id LIMIT 1);
SELECT cmp_ok((SELECT updated_at FROM instances ORDER BY id LIMIT 1), '>', '2000-01-02'::timestamptz,
              'update_instances_updated_at moved updated_at forward');

-- The roll-ups, refreshed by the load, price the estate as the generator did (within the documented $10),
-- once the load balancers' capacity charges, which the roll-up leaves out, are added from their metrics
-- rows of the last 7 days (docs/data/platform.md).
SELECT cmp_ok((SELECT abs(sum(monthly_cost)
                          + (SELECT coalesce(sum(capacity), 0)
                               FROM (SELECT avg(m.estimated_daily_cost - lb.hourly_cost * 24) * 730 / 24 AS capacity
                                       FROM load_balancers lb
                                       JOIN metrics_daily m ON m.account_id = lb.account_id
                                        AND m.resource_type = 'load_balancer' AND m.resource_id = lb.lb_arn
                                      WHERE m.date > (SELECT max(date) FROM metrics_daily) - 7
                                      GROUP BY lb.account_id, lb.id) charges)
                          - (SELECT monthly_cost FROM seedgen.runs WHERE status = 'completed'
                              ORDER BY run_id DESC LIMIT 1)) FROM cost_rollup_monthly),
              '<', 10::numeric, 'cost_rollup_monthly sums to the generator''s monthly cost');

SELECT * FROM finish();
ROLLBACK;

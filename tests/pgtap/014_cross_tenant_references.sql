-- 014_cross_tenant_references: a tenant cannot make its rows point at another account's rows or
-- resources (migration 018, and 013 for the child tables and account_id), for every table that holds a
-- reference: a reference to account b's id fails exactly like a reference to an id that exists nowhere
-- (same SQLSTATE, same message), so that errors reveal nothing about other accounts; references to the
-- tenant's own rows keep working, for inserts and updates; service_role is not restricted.
BEGIN;
SELECT plan(135);

-- The functions the checks call are for the roles that write rows (6).
SELECT function_privs_are('public', 'resource_visible', ARRAY['text', 'text'], 'anon', ARRAY[]::text[]);
SELECT function_privs_are('public', 'resource_visible', ARRAY['text', 'text'], 'authenticated', ARRAY['EXECUTE']);
SELECT function_privs_are('public', 'resource_visible', ARRAY['text', 'text'], 'service_role', ARRAY['EXECUTE']);
SELECT function_privs_are('public', 'snapshot_source_visible', ARRAY['text'], 'anon', ARRAY[]::text[]);
SELECT function_privs_are('public', 'snapshot_source_visible', ARRAY['text'], 'authenticated', ARRAY['EXECUTE']);
SELECT function_privs_are('public', 'snapshot_source_visible', ARRAY['text'], 'service_role', ARRAY['EXECUTE']);

CREATE TEMP TABLE fixture_accounts AS SELECT unnest(ARRAY['a', 'b']) AS a;
\ir fixtures/every_table.sql

-- Snapshots whose source volume is gone (as the generator writes a quarter of the stale ones).
INSERT INTO snapshots (account_id, snapshot_id, size_gib, source_volume_id)
  SELECT pg_temp.uid(a, 1), 'pgtap-snap-orphan-' || a, 10, 'vol-gone-' || a FROM fixture_accounts;

-- The 14 resource types (pg_temp.resource_of, of the fixture, names account x's row of each).
CREATE TEMP TABLE resource_types AS SELECT unnest(ARRAY['instance', 'volume', 'snapshot', 's3_bucket',
  'rds_instance', 'cache_cluster', 'load_balancer', 'elastic_ip', 'lambda_function', 'container_cluster',
  'container_node', 'streaming_cluster', 'managed_service', 'log_group']) AS resource_type;
GRANT SELECT ON resource_types TO authenticated;

-- polymorphic_insert: an INSERT into table_name (resource_tags, metrics_daily or optimization_actions) of
-- account a that names (resource_type, resource_id).
CREATE FUNCTION pg_temp.polymorphic_insert(table_name text, resource_type text, resource_id text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE table_name
    WHEN 'resource_tags' THEN format('INSERT INTO resource_tags (account_id, resource_type, resource_id, key, value) VALUES (%L, %L, %L, %L, %L)',
                                     pg_temp.uid('a', 1), resource_type, resource_id, 'pgtap-key', 'v')
    WHEN 'metrics_daily' THEN format('INSERT INTO metrics_daily (account_id, resource_type, resource_id, date) VALUES (%L, %L, %L, %L)',
                                     pg_temp.uid('a', 1), resource_type, resource_id, '2025-01-09')
    WHEN 'optimization_actions' THEN format('INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type) VALUES (%L, %L, %L, %L)',
                                            pg_temp.uid('a', 1), resource_type, resource_id, 'other')
  END
$$;

\ir fixtures/api_roles_reach_pgtap.sql

SET LOCAL ROLE authenticated;
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001"}';

-- ---------------------------------------------------------------- polymorphic references (3 x 14 x 2 + 8)
SELECT lives_ok(pg_temp.polymorphic_insert(t, r, pg_temp.resource_of(r, 'a')),
                format('%s can name tenant a''s own %s', t, r))
  FROM unnest(ARRAY['resource_tags', 'metrics_daily', 'optimization_actions']) AS t, resource_types AS rt(r);

SELECT throws_ok(pg_temp.polymorphic_insert(t, r, pg_temp.resource_of(r, 'b')), '42501',
                 format('new row violates row-level security policy "%s_tenant_references" for table "%s"', t, t),
                 format('%s cannot name account b''s %s', t, r))
  FROM unnest(ARRAY['resource_tags', 'metrics_daily', 'optimization_actions']) AS t, resource_types AS rt(r);

SELECT throws_ok(pg_temp.polymorphic_insert(t, 'instance', 'i-0000000000nowhere'), '42501',
                 format('new row violates row-level security policy "%s_tenant_references" for table "%s"', t, t),
                 format('%s naming an instance that exists nowhere fails like naming b''s', t))
  FROM unnest(ARRAY['resource_tags', 'metrics_daily', 'optimization_actions']) AS t;

SELECT throws_ok(pg_temp.polymorphic_insert(t, 'nat_gateway', 'nat-1'), '42501',
                 format('new row violates row-level security policy "%s_tenant_references" for table "%s"', t, t),
                 format('%s cannot name a resource type that has no table', t))
  FROM unnest(ARRAY['resource_tags', 'metrics_daily', 'optimization_actions']) AS t;

SELECT throws_ok($$UPDATE resource_tags SET resource_id = 'pgtap-i-b' WHERE id = 'aaaaaaaa-0000-4000-8000-000000000022'$$,
  '42501', 'new row violates row-level security policy "resource_tags_tenant_references" for table "resource_tags"',
  'tenant a cannot retarget its tag at b''s instance');
SELECT lives_ok($$UPDATE metrics_daily SET metric_payload = '{"cpu_avg": 1}'$$,
  'tenant a can update its metrics rows (their references are its own)');

-- ---------------------------------------------------------------- instances.autoscaling_group_id (4)
SELECT lives_ok(format('INSERT INTO instances (account_id, instance_id, instance_type, autoscaling_group_id) VALUES (%L, %L, %L, %L)',
  pg_temp.uid('a', 1), 'pgtap-i-asg-a', 'm5.large', pg_temp.uid('a', 2)), 'an instance can join tenant a''s own group');
SELECT throws_ok(format('INSERT INTO instances (account_id, instance_id, instance_type, autoscaling_group_id) VALUES (%L, %L, %L, %L)',
  pg_temp.uid('a', 1), 'pgtap-i-asg-b', 'm5.large', pg_temp.uid('b', 2)), '42501',
  'new row violates row-level security policy "instances_tenant_references" for table "instances"',
  'an instance cannot join account b''s group');
SELECT throws_ok(format('INSERT INTO instances (account_id, instance_id, instance_type, autoscaling_group_id) VALUES (%L, %L, %L, %L)',
  pg_temp.uid('a', 1), 'pgtap-i-asg-none', 'm5.large', '00000000-0000-4000-8000-00000000dead'), '42501',
  'new row violates row-level security policy "instances_tenant_references" for table "instances"',
  'a group that exists nowhere fails like b''s (no foreign key error to tell them apart)');
SELECT throws_ok(format('UPDATE instances SET autoscaling_group_id = %L WHERE id = %L', pg_temp.uid('b', 2), pg_temp.uid('a', 3)),
  '42501', 'new row violates row-level security policy "instances_tenant_references" for table "instances"',
  'tenant a cannot move its instance into b''s group');

-- ---------------------------------------------------------------- volumes.attached_instance_id (4)
SELECT lives_ok($$UPDATE volumes SET attached_instance_id = 'pgtap-i-a'$$, 'a volume can attach to tenant a''s instance');
SELECT throws_ok($$UPDATE volumes SET attached_instance_id = 'pgtap-i-b'$$, '42501',
  'new row violates row-level security policy "volumes_tenant_references" for table "volumes"',
  'a volume cannot attach to b''s instance');
SELECT throws_ok($$UPDATE volumes SET attached_instance_id = 'i-0000000000nowhere'$$, '42501',
  'new row violates row-level security policy "volumes_tenant_references" for table "volumes"',
  'an instance that exists nowhere fails like b''s');
SELECT throws_ok(format('INSERT INTO volumes (account_id, volume_id, size_gib, attached_instance_id) VALUES (%L, %L, 8, %L)',
  pg_temp.uid('a', 1), 'pgtap-vol-b-attach', 'pgtap-i-b'), '42501',
  'new row violates row-level security policy "volumes_tenant_references" for table "volumes"',
  'a new volume cannot attach to b''s instance');

-- ---------------------------------------------------------------- snapshots.source_volume_id (6)
SELECT lives_ok(format('INSERT INTO snapshots (account_id, snapshot_id, size_gib, source_volume_id) VALUES (%L, %L, 8, %L)',
  pg_temp.uid('a', 1), 'pgtap-snap-own', 'pgtap-vol-a'), 'a snapshot can come from tenant a''s volume');
SELECT lives_ok(format('INSERT INTO snapshots (account_id, snapshot_id, size_gib, source_volume_id) VALUES (%L, %L, 8, %L)',
  pg_temp.uid('a', 1), 'pgtap-snap-orphan-copy', 'vol-gone-a'),
  'a snapshot can repeat the gone source volume of one of tenant a''s snapshots');
SELECT lives_ok($$UPDATE snapshots SET retention_policy = 'keep-30d' WHERE snapshot_id = 'pgtap-snap-orphan-a'$$,
  'tenant a can update a snapshot whose source volume is gone');
SELECT throws_ok(format('INSERT INTO snapshots (account_id, snapshot_id, size_gib, source_volume_id) VALUES (%L, %L, 8, %L)',
  pg_temp.uid('a', 1), 'pgtap-snap-from-b', 'pgtap-vol-b'), '42501',
  'new row violates row-level security policy "snapshots_tenant_references" for table "snapshots"',
  'a snapshot cannot come from b''s volume');
SELECT throws_ok(format('INSERT INTO snapshots (account_id, snapshot_id, size_gib, source_volume_id) VALUES (%L, %L, 8, %L)',
  pg_temp.uid('a', 1), 'pgtap-snap-from-b-gone', 'vol-gone-b'), '42501',
  'new row violates row-level security policy "snapshots_tenant_references" for table "snapshots"',
  'a snapshot cannot repeat the gone source volume of b''s snapshot');
SELECT throws_ok(format('INSERT INTO snapshots (account_id, snapshot_id, size_gib, source_volume_id) VALUES (%L, %L, 8, %L)',
  pg_temp.uid('a', 1), 'pgtap-snap-from-nowhere', 'vol-0000000000nowhere'), '42501',
  'new row violates row-level security policy "snapshots_tenant_references" for table "snapshots"',
  'a source volume that nobody has fails like b''s');

-- ---------------------------------------------------------------- elastic_ips (6)
SELECT lives_ok($$UPDATE elastic_ips SET state = 'associated', associated_instance_id = 'pgtap-i-a'$$,
  'an address can be associated with tenant a''s instance');
SELECT lives_ok($$UPDATE elastic_ips SET associated_instance_id = NULL, associated_lb_arn = 'arn:pgtap:lb/a'$$,
  'an address can be associated with tenant a''s load balancer');
SELECT throws_ok($$UPDATE elastic_ips SET associated_lb_arn = NULL, associated_instance_id = 'pgtap-i-b'$$, '42501',
  'new row violates row-level security policy "elastic_ips_tenant_references" for table "elastic_ips"',
  'an address cannot be associated with b''s instance');
SELECT throws_ok($$UPDATE elastic_ips SET associated_lb_arn = 'arn:pgtap:lb/b'$$, '42501',
  'new row violates row-level security policy "elastic_ips_tenant_references" for table "elastic_ips"',
  'an address cannot be associated with b''s load balancer');
SELECT throws_ok($$UPDATE elastic_ips SET associated_instance_id = 'i-0000000000nowhere'$$, '42501',
  'new row violates row-level security policy "elastic_ips_tenant_references" for table "elastic_ips"',
  'an instance that exists nowhere fails like b''s');
SELECT throws_ok($$UPDATE elastic_ips SET associated_lb_arn = 'arn:nowhere'$$, '42501',
  'new row violates row-level security policy "elastic_ips_tenant_references" for table "elastic_ips"',
  'a load balancer that exists nowhere fails like b''s');

-- ---------------------------------------------------------------- optimization_actions.requested_by_client_id (3)
SELECT lives_ok(format('UPDATE optimization_actions SET requested_by_client_id = %L', pg_temp.uid('a', 25)),
  'an action can name tenant a''s API client');
SELECT throws_ok(format('UPDATE optimization_actions SET requested_by_client_id = %L', pg_temp.uid('b', 25)), '42501',
  'new row violates row-level security policy "optimization_actions_tenant_references" for table "optimization_actions"',
  'an action cannot name b''s API client');
SELECT throws_ok($$UPDATE optimization_actions SET requested_by_client_id = '00000000-0000-4000-8000-00000000dead'$$, '42501',
  'new row violates row-level security policy "optimization_actions_tenant_references" for table "optimization_actions"',
  'an API client that exists nowhere fails like b''s (no foreign key error)');

-- ---------------------------------------------------------------- child tables and account_id (013): b's parent = no parent (12)
SELECT throws_ok(format(statement, parent), '42501', format('new row violates row-level security policy for table "%s"', t),
                 format('%s: a parent of %s fails with the same RLS error', t, whose))
  FROM (VALUES
    ('container_nodes', 'INSERT INTO container_nodes (cluster_id, instance_id, instance_type) VALUES (%L, ''n-x'', ''m5.large'')', 4),
    ('container_services', 'INSERT INTO container_services (cluster_id, name) VALUES (%L, ''svc-x'')', 4),
    ('s3_bucket_usage_daily', 'INSERT INTO s3_bucket_usage_daily (bucket_id, date) VALUES (%L, ''2025-01-05'')', 9),
    ('log_group_usage_daily', 'INSERT INTO log_group_usage_daily (log_group_id, date) VALUES (%L, ''2025-01-05'')', 18),
    ('commitment_utilization_daily', 'INSERT INTO commitment_utilization_daily (commitment_id, date) VALUES (%L, ''2025-01-05'')', 20),
    ('lambda_functions', 'INSERT INTO lambda_functions (account_id, name) VALUES (%L, ''fn-x'')', 1)
  ) AS children(t, statement, n),
  LATERAL (VALUES ('account b', pg_temp.uid('b', n)::text), ('nowhere', '00000000-0000-4000-8000-00000000dead')) AS parents(whose, parent);

RESET ROLE;

-- ---------------------------------------------------------------- service_role is not restricted (2)
SET LOCAL ROLE service_role;
SELECT lives_ok(pg_temp.polymorphic_insert('resource_tags', 'instance', 'pgtap-i-b'),
  'service_role can write any reference (it administers every account)');
SELECT lives_ok(format('UPDATE instances SET autoscaling_group_id = %L WHERE id = %L', pg_temp.uid('b', 2), pg_temp.uid('a', 3)),
  'service_role can link across accounts');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

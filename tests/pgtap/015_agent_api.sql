-- 015_agent_api: the agent API of migration 020. Accounts a and b each have one row in every table
-- (fixtures/every_table.sql, whose finding 27 is an ebs_unattached of the account's volume); a's client 25
-- holds every scope, a's client "c2" none of the API's, b's client 25 every scope. Checks who may call the functions, what each refuses (with which SQLSTATE and message), that
-- another account's resource fails exactly like one that exists nowhere, that tenants see and cancel only
-- their own actions and findings, and that only service_role moves an action past pending.
BEGIN;
SELECT plan(97);

-- ---------------------------------------------------------------- privileges (16)
SELECT function_privs_are('public', f, args, 'anon', ARRAY[]::text[])
  FROM (VALUES ('request_optimization_action', ARRAY['text', 'text', 'text', 'jsonb', 'text']),
               ('cancel_optimization_action', ARRAY['uuid']), ('my_optimization_actions', ARRAY['text']),
               ('report_waste_finding', ARRAY['text', 'text', 'text', 'numeric', 'text'])) AS fs(f, args);
SELECT function_privs_are('public', f, args, r, ARRAY['EXECUTE'])
  FROM (VALUES ('request_optimization_action', ARRAY['text', 'text', 'text', 'jsonb', 'text']),
               ('cancel_optimization_action', ARRAY['uuid']), ('my_optimization_actions', ARRAY['text']),
               ('report_waste_finding', ARRAY['text', 'text', 'text', 'numeric', 'text'])) AS fs(f, args),
       unnest(ARRAY['authenticated', 'service_role']) AS r;
SELECT function_privs_are('public', 'current_api_client_id', ARRAY[]::text[], 'anon', ARRAY[]::text[]);
SELECT function_privs_are('public', 'current_api_client_id', ARRAY[]::text[], 'authenticated', ARRAY['EXECUTE']);
SELECT is((SELECT count(*)::int FROM pg_proc p WHERE p.proname IN ('request_optimization_action',
           'cancel_optimization_action', 'my_optimization_actions', 'report_waste_finding') AND p.prosecdef),
          0, 'the four API functions are SECURITY INVOKER (RLS applies)');
SELECT is((SELECT count(*)::int FROM seedgen.waste_patterns), 27, 'seedgen.waste_patterns holds the 27 pattern ids');

-- ---------------------------------------------------------------- fixture
CREATE TEMP TABLE fixture_accounts AS SELECT unnest(ARRAY['a', 'b']) AS a;
\ir fixtures/every_table.sql
UPDATE api_clients SET scopes = '["read:*", "actions:request", "actions:cancel", "actions:read", "findings:write"]';
INSERT INTO api_clients (id, account_id, name, access_key_id, secret_key_hash, scopes)
  VALUES ('aaaaaaaa-0000-4000-8000-0000000000c2', pg_temp.uid('a', 1), 'no-scopes', 'PGTAPKEYC2', 'hash', '["read:*", "write:actions"]'),
         ('aaaaaaaa-0000-4000-8000-0000000000c3', pg_temp.uid('a', 1), 'wildcard', 'PGTAPKEYC3', 'hash', '["actions:*"]');
-- a's history: a completed action and an approved one.
INSERT INTO optimization_actions (id, account_id, resource_type, resource_id, action_type, status, completed_at)
  VALUES ('aaaaaaaa-0000-4000-8000-0000000000d1', pg_temp.uid('a', 1), 'instance', 'pgtap-i-a', 'terminate', 'completed', now()),
         ('aaaaaaaa-0000-4000-8000-0000000000d2', pg_temp.uid('a', 1), 'volume', 'pgtap-vol-a', 'delete_volume', 'approved', null);

-- Every (action, resource type) pair the API accepts; pg_temp.resource_of names the fixture's resources.
CREATE TEMP TABLE fitting AS SELECT action_type, resource_type FROM seedgen.agent_action_types;
GRANT SELECT ON fitting TO authenticated;

\ir fixtures/api_roles_reach_pgtap.sql

-- ---------------------------------------------------------------- anon gets nothing (6)
SET LOCAL ROLE anon;
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001", "client_id": "aaaaaaaa-0000-4000-8000-000000000025"}';
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'stop')$$, '42501',
  'permission denied for function request_optimization_action', 'anon cannot request an action');
SELECT throws_ok($$SELECT cancel_optimization_action('aaaaaaaa-0000-4000-8000-000000000026')$$, '42501',
  'permission denied for function cancel_optimization_action', 'anon cannot cancel an action');
SELECT throws_ok($$SELECT * FROM my_optimization_actions()$$, '42501',
  'permission denied for function my_optimization_actions', 'anon cannot read actions');
SELECT throws_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-a', 'ebs_gp2')$$, '42501',
  'permission denied for function report_waste_finding', 'anon cannot report a finding');
SELECT throws_ok('SELECT id FROM waste_findings', '42501', 'permission denied for table waste_findings', 'anon cannot read waste_findings');
SELECT throws_ok('SELECT id FROM seedgen.waste_patterns', '42501', 'permission denied for schema seedgen', 'anon cannot read the pattern list');
RESET ROLE;

-- ---------------------------------------------------------------- tenant a, client with every scope
SET LOCAL ROLE authenticated;
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001", "client_id": "aaaaaaaa-0000-4000-8000-000000000025"}';

-- A valid request (6).
CREATE TEMP TABLE requested AS
  SELECT request_optimization_action('instance', 'pgtap-i-a', 'resize', '{"instance_type": "m5.large"}', 'CPU below 5 %') AS id;
SELECT is((SELECT count(*)::int FROM requested WHERE id IS NOT NULL), 1, 'a valid request returns the new action''s id');
SELECT row_eq($$SELECT account_id, resource_type, resource_id, action_type, status, requested_by_client_id, params, reason
                  FROM optimization_actions WHERE id = (SELECT id FROM requested)$$,
  ROW(pg_temp.uid('a', 1), 'instance'::text, 'pgtap-i-a'::text, 'resize'::text, 'pending'::text, pg_temp.uid('a', 25),
      '{"instance_type": "m5.large"}'::jsonb, 'CPU below 5 %'::text),
  'the new action is pending, in account a, requested by the claim''s client, with its params and reason');
SELECT is((SELECT approved_at FROM optimization_actions WHERE id = (SELECT id FROM requested)), NULL, 'a new action is not approved');
CREATE TEMP TABLE requested_without_params AS SELECT request_optimization_action('volume', 'pgtap-vol-a', 'modify_volume_type') AS id;
SELECT is((SELECT params FROM optimization_actions WHERE id = (SELECT id FROM requested_without_params)),
  '{}'::jsonb, 'params default to an empty object');
SELECT lives_ok($$SELECT request_optimization_action('autoscaling_group', 'aaaaaaaa-0000-4000-8000-000000000002', 'scale_asg', '{"desired_capacity": 1}')$$,
  'scale_asg names an autoscaling group by its uuid');
SELECT lives_ok($$SELECT request_optimization_action('elastic_ip', 'pgtap-eipalloc-a', 'release_eip')$$, 'release_eip on tenant a''s address');

-- Every (action, resource type) pair of seedgen.agent_action_types is accepted on a's own resource (16).
SELECT lives_ok(format('SELECT request_optimization_action(%L, %L, %L)', resource_type, pg_temp.resource_of(resource_type, 'a'), action_type),
                format('%s on tenant a''s %s is accepted', action_type, resource_type))
  FROM fitting ORDER BY action_type, resource_type;

-- Refusals (9).
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-b', 'stop')$$, 'PT404',
  'no instance "pgtap-i-b" in this account', 'another account''s instance is refused as unknown');
SELECT throws_ok($$SELECT request_optimization_action('instance', 'i-0000000000nowhere', 'stop')$$, 'PT404',
  'no instance "i-0000000000nowhere" in this account', 'an instance that exists nowhere fails the same way');
SELECT throws_ok($$SELECT request_optimization_action('autoscaling_group', 'bbbbbbbb-0000-4000-8000-000000000002', 'scale_asg')$$, 'PT404',
  'no autoscaling_group "bbbbbbbb-0000-4000-8000-000000000002" in this account', 'another account''s group is refused as unknown');
SELECT throws_ok($$SELECT request_optimization_action('autoscaling_group', 'not-a-uuid', 'scale_asg')$$, 'PT404',
  'no autoscaling_group "not-a-uuid" in this account', 'a malformed uuid names nothing (no cast error)');
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'release_eip')$$, '22023',
  'action release_eip does not apply to resource type "instance"', 'release_eip on an instance does not fit');
SELECT throws_ok($$SELECT request_optimization_action('volume', 'pgtap-vol-a', 'terminate')$$, '22023',
  'action terminate does not apply to resource type "volume"', 'terminate on a volume does not fit');
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'explode')$$, '22023',
  'unknown action type "explode"', 'an unknown action type is refused');
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'rightsize')$$, '22023',
  'unknown action type "rightsize"', 'history-only action types cannot be requested');
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'resize', '[1]')$$, '22023',
  'params must be a JSON object, not array', 'params must be an object');

-- Findings (10).
SELECT lives_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-a', 'ebs_gp2', 12.5, 'gp2 at 100 GiB')$$, 'a valid finding is recorded');
SELECT row_eq($$SELECT account_id, resource_type, resource_id, pattern, estimated_monthly_savings, reason, reported_by_client_id
                  FROM waste_findings WHERE pattern = 'ebs_gp2'$$,
  ROW(pg_temp.uid('a', 1), 'volume'::text, 'pgtap-vol-a'::text, 'ebs_gp2'::text, 12.5::numeric(12,4), 'gp2 at 100 GiB'::text, pg_temp.uid('a', 25)),
  'the finding is tenant a''s, reported by the claim''s client');
SELECT lives_ok($$SELECT report_waste_finding('data_transfer', 'us-east-1->eu-west-1:cross-region', 'transfer_avoidable')$$,
  'a finding can name a transfer flow of the account');
SELECT lives_ok($$SELECT report_waste_finding('commitment', 'aaaaaaaa-0000-4000-8000-000000000020', 'commitment_underutilized')$$,
  'a finding can name a commitment of the account');
SELECT throws_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-a', 'ebs_gp1')$$, '22023', 'unknown waste pattern "ebs_gp1"',
  'an unknown pattern id is refused');
SELECT throws_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-b', 'ebs_unattached')$$, 'PT404',
  'no volume "pgtap-vol-b" in this account', 'a finding on another account''s volume is refused as unknown');
SELECT throws_ok($$SELECT report_waste_finding('volume', 'vol-0000000000nowhere', 'ebs_unattached')$$, 'PT404',
  'no volume "vol-0000000000nowhere" in this account', 'a finding on a volume that exists nowhere fails the same way');
SELECT throws_ok($$SELECT report_waste_finding('data_transfer', 'us-east-1->eu-west-1:egress', 'transfer_avoidable')$$, 'PT404',
  'no data_transfer "us-east-1->eu-west-1:egress" in this account', 'a transfer flow the account does not have is unknown');
SELECT throws_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-a', 'ebs_gp2', -1)$$, '22023',
  'estimated_monthly_savings must not be negative', 'a negative saving is refused');
SELECT set_eq('SELECT pattern || '' '' || resource_id FROM waste_findings', ARRAY['ebs_unattached pgtap-vol-a',
  'ebs_gp2 pgtap-vol-a', 'transfer_avoidable us-east-1->eu-west-1:cross-region',
  'commitment_underutilized aaaaaaaa-0000-4000-8000-000000000020'], 'tenant a sees its own findings only');

-- Reading actions (4).
SELECT ok((SELECT bool_and(id <> pg_temp.uid('b', 26)) FROM my_optimization_actions()), 'my_optimization_actions() omits b''s actions');
SELECT is((SELECT count(*)::int FROM my_optimization_actions()), (SELECT count(*)::int FROM optimization_actions),
  'my_optimization_actions() returns every action of tenant a');
SELECT set_eq($$SELECT id FROM my_optimization_actions('completed')$$, ARRAY['aaaaaaaa-0000-4000-8000-0000000000d1'::uuid],
  'my_optimization_actions(status) filters by status');
SELECT throws_ok($$SELECT * FROM my_optimization_actions('done')$$, '22023', 'unknown action status "done"', 'an unknown status is refused');

-- Cancelling (6).
SELECT lives_ok($$SELECT cancel_optimization_action((SELECT id FROM requested))$$, 'a pending action can be cancelled');
SELECT is((SELECT status FROM optimization_actions WHERE id = (SELECT id FROM requested)), 'cancelled', 'the cancelled action says so');
SELECT lives_ok($$SELECT cancel_optimization_action('aaaaaaaa-0000-4000-8000-0000000000d2')$$, 'an approved action can be cancelled');
SELECT throws_ok($$SELECT cancel_optimization_action('aaaaaaaa-0000-4000-8000-0000000000d1')$$, 'PT409',
  'optimization action aaaaaaaa-0000-4000-8000-0000000000d1 is completed; only pending or approved actions can be cancelled',
  'a completed action cannot be cancelled');
SELECT throws_ok($$SELECT cancel_optimization_action('bbbbbbbb-0000-4000-8000-000000000026')$$, 'PT404',
  'no optimization action bbbbbbbb-0000-4000-8000-000000000026 in this account', 'tenant a cannot cancel b''s action');
SELECT throws_ok($$SELECT cancel_optimization_action('00000000-0000-4000-8000-00000000dead')$$, 'PT404',
  'no optimization action 00000000-0000-4000-8000-00000000dead in this account', 'an action that exists nowhere fails the same way');

-- Direct writes: tenants cannot approve, complete or erase history, nor write b's findings (7).
SELECT throws_ok($$UPDATE optimization_actions SET status = 'approved' WHERE id = 'aaaaaaaa-0000-4000-8000-000000000026'$$, '42501',
  'a tenant can only cancel pending or approved optimization actions (action aaaaaaaa-0000-4000-8000-000000000026 is pending)',
  'a tenant cannot approve its own action');
SELECT throws_ok(format('INSERT INTO optimization_actions (account_id, resource_type, resource_id, action_type, status) VALUES (%L, %L, %L, %L, %L)',
  pg_temp.uid('a', 1), 'instance', 'pgtap-i-a', 'stop', 'completed'), '42501', 'a tenant can only create pending optimization actions',
  'a tenant cannot insert a completed action');
SELECT throws_ok($$UPDATE optimization_actions SET error = 'none' WHERE id = 'aaaaaaaa-0000-4000-8000-0000000000d1'$$, '42501',
  'a tenant can only cancel pending or approved optimization actions (action aaaaaaaa-0000-4000-8000-0000000000d1 is completed)',
  'a tenant cannot rewrite the outcome of an action');
SELECT throws_ok($$DELETE FROM optimization_actions WHERE id = 'aaaaaaaa-0000-4000-8000-0000000000d1'$$, '42501',
  'optimization action aaaaaaaa-0000-4000-8000-0000000000d1 is completed; a tenant can delete only pending or cancelled actions',
  'a tenant cannot delete its history');
SELECT throws_ok(format('INSERT INTO waste_findings (account_id, resource_type, resource_id, pattern) VALUES (%L, %L, %L, %L)',
  pg_temp.uid('b', 1), 'volume', 'pgtap-vol-b', 'ebs_gp2'), '42501', 'new row violates row-level security policy for table "waste_findings"',
  'tenant a cannot write a finding into account b');
SELECT throws_ok(format('INSERT INTO waste_findings (account_id, resource_type, resource_id, pattern) VALUES (%L, %L, %L, %L)',
  pg_temp.uid('a', 1), 'volume', 'pgtap-vol-b', 'ebs_gp2'), '42501',
  'new row violates row-level security policy "waste_findings_tenant_references" for table "waste_findings"',
  'tenant a cannot write a finding naming b''s volume');
SELECT throws_ok(format('INSERT INTO waste_findings (account_id, resource_type, resource_id, pattern, reported_by_client_id) VALUES (%L, %L, %L, %L, %L)',
  pg_temp.uid('a', 1), 'volume', 'pgtap-vol-a', 'ebs_gp2', pg_temp.uid('b', 25)), '42501',
  'new row violates row-level security policy "waste_findings_tenant_references" for table "waste_findings"',
  'tenant a cannot attribute a finding to b''s client');
UPDATE waste_findings SET reason = 'touched by a';
DELETE FROM waste_findings WHERE pattern = 'ebs_unattached';

-- ---------------------------------------------------------------- scopes and claims (10)
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001", "client_id": "aaaaaaaa-0000-4000-8000-0000000000c2"}';
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'stop')$$, '42501',
  'API client aaaaaaaa-0000-4000-8000-0000000000c2 lacks scope "actions:request"', 'a client without actions:request cannot request');
SELECT throws_ok($$SELECT cancel_optimization_action('aaaaaaaa-0000-4000-8000-000000000026')$$, '42501',
  'API client aaaaaaaa-0000-4000-8000-0000000000c2 lacks scope "actions:cancel"', 'a client without actions:cancel cannot cancel');
SELECT throws_ok($$SELECT * FROM my_optimization_actions()$$, '42501',
  'API client aaaaaaaa-0000-4000-8000-0000000000c2 lacks scope "actions:read"', 'a client without actions:read cannot read actions');
SELECT throws_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-a', 'ebs_gp2')$$, '42501',
  'API client aaaaaaaa-0000-4000-8000-0000000000c2 lacks scope "findings:write"', 'a client without findings:write cannot report');
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001", "client_id": "aaaaaaaa-0000-4000-8000-0000000000c3"}';
SELECT lives_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'stop')$$, 'actions:* grants actions:request');
SELECT throws_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-a', 'ebs_gp2')$$, '42501',
  'API client aaaaaaaa-0000-4000-8000-0000000000c3 lacks scope "findings:write"', 'actions:* does not grant findings:write');
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001"}';
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'stop')$$, '28000',
  'the request names no API client (JWT claim "client_id")', 'a caller without a client_id claim is refused');
SET LOCAL request.jwt.claims = '{"client_id": "aaaaaaaa-0000-4000-8000-000000000025"}';
SELECT throws_ok($$SELECT report_waste_finding('volume', 'pgtap-vol-a', 'ebs_gp2')$$, '28000',
  'the request names no account (JWT claim "account_id")', 'a caller without an account_id claim is refused');
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001", "client_id": "bbbbbbbb-0000-4000-8000-000000000025"}';
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'stop')$$, '28000',
  'API client bbbbbbbb-0000-4000-8000-000000000025 is not a client of account aaaaaaaa-0000-4000-8000-000000000001',
  'a client of account b cannot act for account a');
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001", "client_id": "not-a-uuid"}';
SELECT throws_ok($$SELECT * FROM my_optimization_actions()$$, '28000',
  'the request names no API client (JWT claim "client_id")', 'a client_id claim that is not a uuid names no client');

-- ---------------------------------------------------------------- tenant b (3)
SET LOCAL request.jwt.claims = '{"account_id": "bbbbbbbb-0000-4000-8000-000000000001", "client_id": "bbbbbbbb-0000-4000-8000-000000000025"}';
SELECT set_eq('SELECT id FROM my_optimization_actions()', ARRAY[pg_temp.uid('b', 26)], 'tenant b reads only its own action');
SELECT set_eq('SELECT id FROM waste_findings', ARRAY[pg_temp.uid('b', 27)], 'tenant b sees only its own finding');
SELECT is((SELECT reason FROM waste_findings), NULL, 'tenant a''s unfiltered UPDATE of waste_findings left b''s finding alone');
RESET ROLE;

-- ---------------------------------------------------------------- service_role (4)
SET LOCAL ROLE service_role;
SET LOCAL request.jwt.claims = '{"account_id": "aaaaaaaa-0000-4000-8000-000000000001", "client_id": "aaaaaaaa-0000-4000-8000-000000000025"}';
SELECT lives_ok($$SELECT request_optimization_action('instance', 'pgtap-i-a', 'start')$$, 'service_role can request for the account of its claims');
SELECT throws_ok($$SELECT request_optimization_action('instance', 'pgtap-i-b', 'stop')$$, 'PT404',
  'no instance "pgtap-i-b" in this account', 'service_role is held to the account of its claims too');
SELECT lives_ok($$UPDATE optimization_actions SET status = 'approved', approved_at = now() WHERE id = 'aaaaaaaa-0000-4000-8000-000000000026'$$,
  'service_role approves an action');
SELECT is((SELECT count(*)::int FROM waste_findings WHERE id = pg_temp.uid('b', 27)), 1,
  'tenant a''s unfiltered DELETE of waste_findings left b''s finding');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;

-- 017_action_executor: the bookkeeping of seedgen act (sql/seedgen/004-008) is seedgen's alone: tenants and
-- anon can neither read its tables nor call its functions; service_role reads the tables (incidents and
-- outcomes are for operators); the rules tables hold one row per requestable action type and resource.
BEGIN;
SELECT plan(14);

SELECT table_privs_are('seedgen', t, r, ARRAY[]::text[])
  FROM unnest(ARRAY['executed_actions', 'incidents', 'resolved_findings', 'action_savings_daily']) AS t,
       unnest(ARRAY['anon', 'authenticated']) AS r;
SELECT table_privs_are('seedgen', t, 'service_role', ARRAY['SELECT'])
  FROM unnest(ARRAY['executed_actions', 'incidents', 'resolved_findings', 'action_savings_daily']) AS t;
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'seedgen' AND p.proname IN ('execute_approved_actions', 'reapply_actions', 'action_effect',
                                                          'switch_effect_triggers', 'record_incidents', 'clear_findings')
              AND (has_function_privilege('authenticated', p.oid, 'EXECUTE')
                   OR has_function_privilege('anon', p.oid, 'EXECUTE'))),
          0, 'neither tenants nor anon may call the executor');
-- Every action the API accepts (seedgen.agent_action_types, migration 020) is one the executor knows.
SELECT set_eq('SELECT action_type, resource_type FROM seedgen.agent_action_types',
              'SELECT action_type, resource_type FROM seedgen.action_kinds',
              'seedgen act carries out exactly the action types the API accepts');

SELECT * FROM finish();
ROLLBACK;

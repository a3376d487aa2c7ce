-- 013_agent_query_indexes.sql: the indexes migration 016 adds for the agent query catalog: their keys,
-- the idle-day predicate typed from the waste catalog (CPU <= 10 %, network <= 5 MB), the comment seedbench
-- relies on, and that the planner really answers an idle-day count from the partial index alone.
BEGIN;
SELECT plan(12);

SELECT has_index('instances', 'idx_instances_account_state', ARRAY['account_id', 'state']);
SELECT has_index('metrics_daily', 'idx_metrics_daily_idle_instance_days', ARRAY['resource_id', 'date']);
SELECT is(
  (SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'idx_metrics_daily_idle_instance_days'::regclass),
  '((resource_type = ''instance''::text) AND (((metric_payload ->> ''cpu_avg''::text))::numeric <= (10)::numeric) '
  'AND (((metric_payload ->> ''network_mb''::text))::numeric <= (5)::numeric))',
  'the partial index holds exactly the idle instance days');
SELECT has_index('resource_tags', 'idx_resource_tags_account_key', ARRAY['account_id', 'key', 'resource_type', 'resource_id']);  -- the last two INCLUDEd
SELECT is(obj_description('idx_resource_tags_account_key'::regclass, 'pg_class') LIKE 'agent query catalog:%', true,
  'idx_resource_tags_account_key is marked as a query-catalog index');
SELECT is(obj_description('idx_instances_account_state'::regclass, 'pg_class') LIKE 'agent query catalog:%', true,
  'idx_instances_account_state is marked as a query-catalog index');
SELECT is(obj_description('idx_metrics_daily_idle_instance_days'::regclass, 'pg_class') LIKE 'agent query catalog:%',
  true, 'idx_metrics_daily_idle_instance_days is marked as a query-catalog index');
SELECT is((SELECT count(*)::int FROM pg_indexes i
            JOIN pg_class c ON c.relname = i.indexname
           WHERE i.schemaname = 'public' AND obj_description(c.oid, 'pg_class') LIKE 'agent query catalog:%'), 11,
  'no other index claims to be a query-catalog index (3 of migration 016, 7 of 019, 1 of 022)');
-- Migration 022: the partial days of instances, for the literal 14-full-day rules.
SELECT has_index('metrics_daily', 'idx_metrics_daily_partial_instance_days', ARRAY['account_id', 'date', 'resource_id']);
SELECT is(
  (SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'idx_metrics_daily_partial_instance_days'::regclass),
  '((resource_type = ''instance''::text) AND (((metric_payload ->> ''hours_running''::text))::numeric < (24)::numeric))',
  'the partial index holds exactly the instance days that did not run 24 hours');

-- An idle-day count with the default thresholds is planned on the partial index, with no heap access.
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
CREATE FUNCTION pg_temp.explain_lines(query text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE line text;
BEGIN
  FOR line IN EXECUTE 'EXPLAIN ' || query LOOP RETURN NEXT line; END LOOP;
END $f$;
SELECT ok(
  (SELECT string_agg(l, E'\n') FROM pg_temp.explain_lines($q$
     SELECT count(*) FROM metrics_daily m
      WHERE m.resource_type = 'instance' AND m.resource_id = 'i-0' AND m.date BETWEEN '2026-01-01' AND '2026-01-14'
        AND (m.metric_payload->>'cpu_avg')::numeric <= 10 AND (m.metric_payload->>'network_mb')::numeric <= 5 $q$) AS l)
    LIKE '%Index Only Scan using idx_metrics_daily_idle_instance_days%',
  'an idle-day count is an index-only scan on idx_metrics_daily_idle_instance_days');
SELECT ok(
  (SELECT string_agg(l, E'\n') FROM pg_temp.explain_lines($q$
     SELECT count(*) FROM metrics_daily m
      WHERE m.resource_type = 'instance' AND m.resource_id = 'i-0'
        AND (m.metric_payload->>'cpu_avg')::numeric <= 20 $q$) AS l)
    NOT LIKE '%idx_metrics_daily_idle_instance_days%',
  'a looser threshold (CPU <= 20 %) cannot use the idle-day index');

SELECT * FROM finish();
ROLLBACK;

-- 016_adhoc_query_indexes.sql: the indexes migration 019 adds for the shapes of the ad-hoc questions
-- (sql/queries/adhoc/): their keys, included columns and predicates, their query-catalog comment, and that
-- the planner picks them for the shape they serve (with sequential scans off, as on a large fleet).
BEGIN;
SELECT plan(17);

SELECT has_index('metrics_daily', 'idx_metrics_daily_account_type_date', ARRAY['account_id', 'resource_type', 'date']);
SELECT has_index('data_transfer_daily', 'idx_data_transfer_account_date',
  ARRAY['account_id', 'date', 'direction', 'gb_transferred', 'estimated_transfer_cost']);   -- the last three INCLUDEd
SELECT has_index('data_transfer_daily', 'idx_data_transfer_direction_date',
  ARRAY['direction', 'date', 'source_region', 'gb_transferred', 'estimated_transfer_cost']);
SELECT has_index('commitments', 'idx_commitments_end_date', ARRAY['end_date']);
SELECT has_index('instances', 'idx_instances_gpu_running', ARRAY['account_id', 'gpu_count', 'hourly_cost']);
SELECT has_index('instances', 'idx_instances_running_hourly_cost', ARRAY['hourly_cost', 'instance_id']);
SELECT has_index('instances', 'idx_instances_state_region', ARRAY['state', 'region', 'hourly_cost']);
SELECT is((SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'idx_instances_gpu_running'::regclass),
  '(has_gpu AND (state = ''running''::text))', 'the GPU index holds the running GPU instances only');
SELECT is((SELECT pg_get_expr(indpred, indrelid) FROM pg_index
            WHERE indexrelid = 'idx_instances_running_hourly_cost'::regclass),
  '(state = ''running''::text)', 'the price index holds running instances only');
SELECT is((SELECT count(*)::int FROM pg_class c
            WHERE c.relname IN ('idx_metrics_daily_account_type_date', 'idx_data_transfer_account_date',
                                'idx_data_transfer_direction_date', 'idx_commitments_end_date',
                                'idx_instances_gpu_running', 'idx_instances_running_hourly_cost',
                                'idx_instances_state_region')
              AND obj_description(c.oid, 'pg_class') LIKE 'agent query catalog: adhoc/%'), 7,
  'each names the ad-hoc question it serves');

-- The planner uses each for its shape (other plans made dearer, as a large fleet makes them).
SET LOCAL enable_seqscan = off;
CREATE FUNCTION pg_temp.plan_of(query text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE line text; plan text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN ' || query LOOP plan := plan || line || E'\n'; END LOOP;
  RETURN plan;
END $f$;
SELECT ok(pg_temp.plan_of($q$ SELECT m.date, count(*) FROM metrics_daily m
  WHERE m.account_id = '00000000-0000-0000-0000-000000000001' AND m.resource_type = 'instance'
    AND m.date BETWEEN '2026-01-01' AND '2026-01-14' GROUP BY m.date $q$) LIKE '%idx_metrics_daily_account_type_date%',
  'one account''s window of instance metrics uses idx_metrics_daily_account_type_date');
SELECT ok(pg_temp.plan_of($q$ SELECT t.date, sum(t.gb_transferred) FROM data_transfer_daily t
  WHERE t.account_id = '00000000-0000-0000-0000-000000000001' AND t.date > '2026-01-01' GROUP BY t.date $q$)
    LIKE '%Index Only Scan using idx_data_transfer_account_date%',
  'one account''s window of transfer is an index-only scan');
SELECT ok(pg_temp.plan_of($q$ SELECT t.source_region, sum(t.gb_transferred) FROM data_transfer_daily t
  WHERE t.direction = 'egress' AND t.date > '2026-01-01' GROUP BY t.source_region $q$)
    LIKE '%Index Only Scan using idx_data_transfer_direction_date%',
  'a fleet-wide window of egress is an index-only scan');
SELECT ok(pg_temp.plan_of($q$ SELECT count(*) FROM commitments c WHERE c.end_date BETWEEN '2026-01-01' AND '2026-03-01' $q$)
    LIKE '%idx_commitments_end_date%', 'commitments ending in a window use idx_commitments_end_date');
SELECT ok(pg_temp.plan_of($q$ SELECT i.account_id, sum(i.gpu_count) FROM instances i
  WHERE i.has_gpu AND i.state = 'running' GROUP BY i.account_id $q$) LIKE '%Index Only Scan using idx_instances_gpu_running%',
  'running GPU instances per account are an index-only scan');
SELECT ok(pg_temp.plan_of($q$ SELECT i.instance_id FROM instances i WHERE i.state = 'running'
  ORDER BY i.hourly_cost DESC, i.instance_id LIMIT 20 $q$) LIKE '%idx_instances_running_hourly_cost%',
  'the top running instances by price are read from idx_instances_running_hourly_cost');
SELECT ok(pg_temp.plan_of($q$ SELECT i.region, sum(i.hourly_cost) FROM instances i WHERE i.state = 'running'
  GROUP BY i.region $q$) LIKE '%Index Only Scan using idx_instances_state_region%',
  'running instances by region are an index-only scan');

SELECT * FROM finish();
ROLLBACK;

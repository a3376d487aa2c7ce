-- explain_settings: the settings of one EXPLAIN run, for the rest of its (rolled-back) transaction:
-- $1 statement_timeout in ms ('0': none); $2 true keeps the planner from any index or bitmap scan (false
-- leaves those settings as they are).
select set_config('statement_timeout', $1, true),
       set_config('enable_indexscan', case when $2::boolean then 'off' else current_setting('enable_indexscan') end, true),
       set_config('enable_indexonlyscan', case when $2::boolean then 'off' else current_setting('enable_indexonlyscan') end, true),
       set_config('enable_bitmapscan', case when $2::boolean then 'off' else current_setting('enable_bitmapscan') end, true)

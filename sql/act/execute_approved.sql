-- execute_approved.sql: carries out every approved optimization action of run $1 at the end of day $2,
-- approving the pending ones first when $3 (sql/seedgen/008_action_executor.sql); one row per action.
select action_id::text, action_type, resource_type, resource_id, outcome, coalesce(error, '')
  from seedgen.execute_approved_actions($1::bigint, $2::date, $3::boolean)

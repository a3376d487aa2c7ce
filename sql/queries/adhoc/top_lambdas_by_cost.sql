-- top_lambdas_by_cost: Which 10 Lambda functions of the account cost the most a month, with their
--   invocations and memory over the last 7 days?
-- Parameters: account_id (uuid).
-- Shape: top-N ranking of one account's resources by a cost column.
-- Served by: idx_lambda_functions_account_id (spec), then a top-N sort in memory.
-- Checked by: tests/support/check-adhoc.py.
select f.id,
       f.name,
       f.region,
       f.env,
       f.memory_mb,
       f.provisioned_concurrency,
       f.invocations_7d,
       f.estimated_monthly_cost
from lambda_functions f
where f.account_id = :'account_id'::uuid
order by f.estimated_monthly_cost desc, f.id
limit 10;

-- bucket_history: How did one S3 bucket grow over the last 30 days, per storage class, and what did it
--   cost each day?
-- Parameters: account_id (uuid), bucket_name (text; seedbench binds the account's first bucket by name),
--   as_of (date).
-- Shape: one resource's history in a child daily table, found by the parent's natural key.
-- Served by: the unique name key of s3_buckets, then the unique (bucket_id, date) key of the spec.
-- Checked by: tests/support/check-adhoc.py.
select u.date,
       u.storage_gb_standard,
       u.storage_gb_ia,
       u.storage_gb_glacier,
       u.requests_count,
       u.estimated_storage_cost + u.estimated_request_cost   as daily_cost
from s3_buckets b
join s3_bucket_usage_daily u on u.bucket_id = b.id
\if :{?citus}
  and u.account_id = :'account_id'::uuid
\endif
where b.account_id = :'account_id'::uuid
  and b.name = :'bucket_name'
  and u.date > :'as_of'::date - 30
order by u.date;

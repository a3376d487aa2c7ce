-- top_buckets_by_size: Which 10 S3 buckets of the account held the most data on as_of, in which storage
--   classes, and do they have a lifecycle policy?
-- Parameters: account_id (uuid), as_of (date).
-- Shape: top-N ranking over one day of a child daily table, joined to its parent.
-- Served by: idx_s3_buckets_account_id (spec), then the unique (bucket_id, date) key of the spec.
-- Checked by: tests/support/check-adhoc.py.
select b.name,
       b.region,
       b.env,
       u.storage_gb_standard + u.storage_gb_ia + u.storage_gb_glacier   as total_gb,
       u.storage_gb_standard,
       u.storage_gb_ia,
       u.storage_gb_glacier,
       b.lifecycle_policy <> '{}'::jsonb                                 as has_lifecycle
from s3_buckets b
join s3_bucket_usage_daily u on u.bucket_id = b.id and u.date = :'as_of'::date
\if :{?citus}
  and u.account_id = b.account_id
\endif
where b.account_id = :'account_id'::uuid
order by total_gb desc, b.name
limit 10;

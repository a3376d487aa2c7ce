-- s3_storage_daily: How much did the account store in S3, per storage class, and what did it cost, on
--   each of the last 30 days?
-- Parameters: account_id (uuid), as_of (date).
-- Shape: time-series aggregate over a child daily table (s3_bucket_usage_daily) joined to its parent.
-- Served by: idx_s3_buckets_account_id (spec), then the unique (bucket_id, date) key of the spec.
-- Checked by: tests/support/check-adhoc.py.
select u.date,
       count(*)                                                        as buckets,
       sum(u.storage_gb_standard)                                      as standard_gb,
       sum(u.storage_gb_ia)                                            as ia_gb,
       sum(u.storage_gb_glacier)                                       as glacier_gb,
       sum(u.requests_count)                                           as requests,
       sum(u.estimated_storage_cost + u.estimated_request_cost)        as daily_cost
from s3_buckets b
join s3_bucket_usage_daily u on u.bucket_id = b.id
\if :{?citus}
  and u.account_id = b.account_id
\endif
where b.account_id = :'account_id'::uuid
  and u.date > :'as_of'::date - 30
group by u.date
order by u.date;

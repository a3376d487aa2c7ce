-- s3_cold_no_lifecycle: which S3 buckets have no lifecycle rule that transitions or expires current objects
-- (none at all, or only rules that abort incomplete multipart uploads or expire noncurrent versions), were
-- barely accessed over the last 30 days (fewer than 1,000 requests in total), and still hold data in
-- Standard on as_of?
-- Parameters:
--   account_id    (uuid)  the account to scan
--   as_of         (date)  the reference day; "the last 30 days" = as_of-29 .. as_of
--   window_days   (int, default 30)   days of s3_bucket_usage_daily to sum
--   max_requests  (int, default 1000) the bucket is cold if the window's request sum is below this
-- Threshold source: Steampipe AWS Thrifty / Trusted Advisor "bucket without lifecycle", Cloud Custodian
-- configure-lifecycle (docs/WASTE-CATALOG.md s.1); the cold-bucket threshold is docs/data/storage.md's rule.
-- Saving: storage_gb_standard(as_of) x (s3.standard.gb_month - s3.glacier_ir.gb_month) in the
-- bucket's region (seedgen.prices), from moving
-- Standard to Glacier Instant Retrieval with a lifecycle rule.
\if :{?window_days} \else \set window_days 30 \endif
\if :{?max_requests} \else \set max_requests 1000 \endif
with usage as (
  select b.id,
         sum(u.requests_count)                                              as requests_window,
         max(u.storage_gb_standard) filter (where u.date = :'as_of'::date) as standard_gb,
         max(u.storage_gb_standard + u.storage_gb_ia + u.storage_gb_glacier)
           filter (where u.date = :'as_of'::date)                          as total_gb,
         max(u.estimated_storage_cost + u.estimated_request_cost)
           filter (where u.date = :'as_of'::date)                          as daily_cost
  from s3_buckets b
  join s3_bucket_usage_daily u
    on u.bucket_id = b.id
\if :{?citus}
   and u.account_id = b.account_id
\endif
   and u.date between :'as_of'::date - (:window_days - 1) and :'as_of'::date
  where b.account_id = :'account_id'::uuid
    -- no rule that moves or deletes current objects ('{}' has no rules at all)
    and not exists (select 1 from jsonb_array_elements(coalesce(b.lifecycle_policy->'rules', '[]'::jsonb)) r
                    where r ? 'transition_days' or r ? 'expiration_days')
  group by b.id
)
select 's3_bucket'::text                                as resource_type,
       b.name                                           as resource_id,
       round(u.standard_gb * (standard.usd - instant.usd), 4) as estimated_monthly_savings,
       b.name,
       b.region,
       b.env,
       u.standard_gb,
       u.total_gb,
       u.requests_window                                as requests_last_window,
       round(u.daily_cost * 30, 4)                      as monthly_cost
from usage u
join s3_buckets b on b.id = u.id and b.account_id = :'account_id'::uuid
left join seedgen.prices standard on standard.sku = 's3.standard.gb_month' and standard.region = b.region
left join seedgen.prices instant on instant.sku = 's3.glacier_ir.gb_month' and instant.region = b.region
where u.requests_window < :max_requests
  and u.standard_gb > 0
order by estimated_monthly_savings desc, resource_id;

-- logs_no_retention: which CloudWatch log groups never expire (no retention set), and what would a
-- 30-day retention save on storage?
-- Parameters:
--   account_id      (uuid)  the account to scan
--   as_of           (date)  the reference day; stored_gb is read on as_of
--   retention_days  (int, default 30) the retention proposed; the saving is the storage beyond what it
--                   would keep (ingestion over as_of-29 .. as_of)
-- Threshold source: Steampipe AWS Thrifty "retention null"; Cloud Custodian "set retention"
-- (docs/WASTE-CATALOG.md s.1). Groups with a long but finite retention are not flagged.
-- Saving: (stored_gb(as_of) - sum ingested_gb over the last 30 days) x logs.storage.gb_month
-- (seedgen.prices, in the group's region).
-- Rule from docs/data/platform.md.
\if :{?retention_days} \else \set retention_days 30 \endif
with usage as (
  select g.id,
         max(u.stored_gb) filter (where u.date = :'as_of'::date)                   as stored_gb,
         coalesce(sum(u.ingested_gb)
           filter (where u.date between :'as_of'::date - (:retention_days - 1) and :'as_of'::date), 0)
                                                                                   as ingested_window_gb,
         max(u.estimated_storage_cost) filter (where u.date = :'as_of'::date)      as daily_storage_cost
  from log_groups g
  left join log_group_usage_daily u
    on u.log_group_id = g.id
\if :{?citus}
   and u.account_id = g.account_id
\endif
   and u.date between :'as_of'::date - (:retention_days - 1) and :'as_of'::date
  where g.account_id = :'account_id'::uuid
    and g.retention_days is null
  group by g.id
)
select 'log_group'::text                                as resource_type,
       g.id::text                                       as resource_id,
       round(greatest(coalesce(u.stored_gb, 0) - u.ingested_window_gb, 0) * p.usd, 4)
                                                        as estimated_monthly_savings,
       g.name,
       g.region,
       g.env,
       u.stored_gb,
       u.ingested_window_gb,
       g.created_at
from usage u
join log_groups g on g.id = u.id and g.account_id = :'account_id'::uuid
left join seedgen.prices p on p.sku = 'logs.storage.gb_month' and p.region = g.region
order by estimated_monthly_savings desc, u.stored_gb desc nulls last, resource_id;

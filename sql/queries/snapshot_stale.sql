-- snapshot_stale: which EBS snapshots are older than 90 days, and what does deleting them save?
-- The rule is age alone (see docs/data/storage.md, "snapshot_stale"): young orphaned or policy-less
-- snapshots are not waste. Orphan status and retention policy are shown as context only.
-- Parameters:
--   account_id  (uuid)  the account to scan
--   as_of       (date)  the reference day; "older than N days" = created_at < (as_of - N days) 00:00 UTC
--   max_age_days (int, default 90) snapshots created before as_of - max_age_days are stale
-- Threshold source: Steampipe AWS Thrifty "snapshot older than 90 days" (docs/WASTE-CATALOG.md s.1).
-- Saving: monthly_cost (the snapshot is deleted).
\if :{?max_age_days} \else \set max_age_days 90 \endif
select 'snapshot'::text                                 as resource_type,
       s.snapshot_id                                    as resource_id,
       s.monthly_cost                                   as estimated_monthly_savings,
       s.tags ->> 'Name'                                as name,
       s.region,
       s.tags ->> 'env'                                 as env,
       s.size_gib,
       s.monthly_cost,
       s.created_at,
       (:'as_of'::date - (s.created_at at time zone 'UTC')::date) as age_days,
       s.source_volume_id,
       (s.source_volume_id is not null
        and not exists (select 1 from volumes v
                        where v.account_id = :'account_id'::uuid and v.volume_id = s.source_volume_id)) as orphaned,
       s.retention_policy
from snapshots s
where s.account_id = :'account_id'::uuid
  and s.created_at < ((:'as_of'::date - :max_age_days)::timestamp at time zone 'UTC')
order by estimated_monthly_savings desc, resource_id;

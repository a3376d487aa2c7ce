-- ebs_unattached: which EBS volumes have been unattached (state 'available') for more than 30 days?
-- Deleting them saves their whole monthly cost.
-- Parameters:
--   account_id   (uuid)  the account to scan
--   as_of        (date)  the reference day; "detached more than N days ago" means
--                        last_used_at < (as_of - N days) at 00:00 UTC
--   unused_days  (int, default 30) minimum days since the volume was detached
-- Threshold source: Cloud Custodian "unattached -> delete after 30 days"; Steampipe AWS Thrifty flags
-- volumes with no attachments; Trusted Advisor flags unattached / idle volumes (docs/WASTE-CATALOG.md s.1).
-- Rule and saving (monthly_cost) from docs/data/storage.md, "ebs_unattached".
\if :{?unused_days} \else \set unused_days 30 \endif
select 'volume'::text                                   as resource_type,
       v.volume_id                                      as resource_id,
       v.monthly_cost                                   as estimated_monthly_savings,
       v.tags ->> 'Name'                                as name,
       v.region,
       v.tags ->> 'env'                                 as env,
       v.volume_type,
       v.size_gib,
       v.monthly_cost,
       v.last_used_at                                   as detached_at,
       (:'as_of'::date - (v.last_used_at at time zone 'UTC')::date) as days_detached
from volumes v
where v.account_id = :'account_id'::uuid
  and v.state = 'available'
  and v.last_used_at < ((:'as_of'::date - :unused_days)::timestamp at time zone 'UTC')
order by estimated_monthly_savings desc, resource_id;

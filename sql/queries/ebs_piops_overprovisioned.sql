-- ebs_piops_overprovisioned: which in-use io1/io2 volumes could move to gp3 because they provision at
-- most 16,000 IOPS and peaked below gp3's 3,000 IOPS baseline on every one of the last 7 days?
-- Parameters:
--   account_id        (uuid)  the account to scan
--   as_of             (date)  the reference day; "the last 7 days" = as_of-6 .. as_of
--   window_days       (int, default 7)     days of metrics_daily to examine
--   max_piops         (int, default 16000) gp3's maximum provisioned IOPS
--   gp3_baseline_iops (int, default 3000)  gp3's free baseline; the daily peak must stay below it
-- Threshold source: Steampipe AWS Thrifty "io1/io2 with iops <= 16000 -> gp3"; Cloud Custodian checks
-- io1 max ops over 7 days (docs/WASTE-CATALOG.md s.1).
-- Rule and saving (monthly_cost - size_gib x ebs.gp3.gb_month, from seedgen.prices in the volume's
-- region) from docs/data/storage.md.
\if :{?window_days} \else \set window_days 7 \endif
\if :{?max_piops} \else \set max_piops 16000 \endif
\if :{?gp3_baseline_iops} \else \set gp3_baseline_iops 3000 \endif
-- Shape: each candidate volume reads its own week of metrics (lateral), so a prepared statement's generic
-- plan cannot start from the account's whole week of volume metrics instead (it guesses a date range of
-- parameters at 0.5 % of the rows).
select 'volume'::text                                   as resource_type,
       v.volume_id                                      as resource_id,
       round(v.monthly_cost - v.size_gib * gp3.usd, 4) as estimated_monthly_savings,
       v.tags ->> 'Name'                                as name,
       v.region,
       v.tags ->> 'env'                                 as env,
       v.volume_type,
       v.size_gib,
       u.provisioned_iops,
       u.peak_iops_max,
       u.peak_iops_avg,
       v.monthly_cost,
       v.attached_instance_id
from volumes v
cross join lateral (
  select max((m.metric_payload ->> 'provisioned_iops')::int)    as provisioned_iops,
         max((m.metric_payload ->> 'iops')::int)                as peak_iops_max,
         round(avg((m.metric_payload ->> 'iops')::numeric), 1)  as peak_iops_avg,
         count(*)                                                as days
  from metrics_daily m
  where m.account_id = :'account_id'::uuid      -- the account named, so Citus routes it to one worker
    and m.resource_type = 'volume' and m.resource_id = v.volume_id
    and m.date between :'as_of'::date - (:window_days - 1) and :'as_of'::date
) u
left join seedgen.prices gp3 on gp3.sku = 'ebs.gp3.gb_month' and gp3.region = v.region
where v.account_id = :'account_id'::uuid
  and v.volume_type in ('io1', 'io2')
  and v.state = 'in-use'
  and u.days > 0
  and u.provisioned_iops <= :max_piops
  and u.peak_iops_max < :gp3_baseline_iops
order by estimated_monthly_savings desc, resource_id;

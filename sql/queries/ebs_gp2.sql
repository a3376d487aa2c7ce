-- ebs_gp2: which in-use gp2 volumes should be migrated to gp3, and what would that save?
-- gp3 is $0.02 per GB-month cheaper than gp2 (us-east-1, times the region's price multiplier) with at
-- least the same baseline performance. Available (unattached) gp2 volumes are excluded: their whole cost
-- is already ebs_unattached's saving, or they are fresh orphans.
-- Parameters:
--   account_id  (uuid)  the account to scan
--   as_of       (date)  the reference day (not needed by the rule; accepted for a uniform interface)
-- Threshold source: Steampipe AWS Thrifty "any gp2 volume -> gp3" (docs/WASTE-CATALOG.md s.1).
-- Rule and saving (size_gib x (ebs.gp2.gb_month - ebs.gp3.gb_month) x m) from docs/data/storage.md.
with region_price(region, m) as (
  values ('us-east-1', 1.00), ('us-east-2', 1.00), ('us-west-1', 1.12), ('us-west-2', 1.00),
         ('eu-west-1', 1.10), ('eu-central-1', 1.15), ('ap-southeast-1', 1.18),
         ('ap-northeast-1', 1.22), ('sa-east-1', 1.45)
)
select 'volume'::text                                   as resource_type,
       v.volume_id                                      as resource_id,
       round(v.size_gib * (0.10 - 0.08) * coalesce(p.m, 1.0), 4) as estimated_monthly_savings,
       v.tags ->> 'Name'                                as name,
       v.region,
       v.tags ->> 'env'                                 as env,
       v.size_gib,
       v.monthly_cost,
       v.attached_instance_id
from volumes v
left join region_price p on p.region = v.region
where v.account_id = :'account_id'::uuid
  and v.volume_type = 'gp2'
  and v.state = 'in-use'
order by estimated_monthly_savings desc, resource_id;

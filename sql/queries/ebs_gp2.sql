-- ebs_gp2: which in-use gp2 volumes should be migrated to gp3, and what would that save?
-- gp3 is cheaper than gp2 per GB-month (seedgen.prices, in the volume's region) with at
-- least the same baseline performance. Available (unattached) gp2 volumes are excluded: their whole cost
-- is already ebs_unattached's saving, or they are fresh orphans.
-- Parameters:
--   account_id  (uuid)  the account to scan
--   as_of       (date)  the reference day (not needed by the rule; accepted for a uniform interface)
-- Threshold source: Steampipe AWS Thrifty "any gp2 volume -> gp3" (docs/WASTE-CATALOG.md s.1).
-- Rule and saving (size_gib x (ebs.gp2.gb_month - ebs.gp3.gb_month), prices from seedgen.prices in the
-- volume's region) from docs/data/storage.md.
select 'volume'::text                                   as resource_type,
       v.volume_id                                      as resource_id,
       round(v.size_gib * (gp2.usd - gp3.usd), 4)       as estimated_monthly_savings,
       v.tags ->> 'Name'                                as name,
       v.region,
       v.tags ->> 'env'                                 as env,
       v.size_gib,
       v.monthly_cost,
       v.attached_instance_id
from volumes v
left join seedgen.prices gp2 on gp2.sku = 'ebs.gp2.gb_month' and gp2.region = v.region
left join seedgen.prices gp3 on gp3.sku = 'ebs.gp3.gb_month' and gp3.region = v.region
where v.account_id = :'account_id'::uuid
  and v.volume_type = 'gp2'
  and v.state = 'in-use'
order by estimated_monthly_savings desc, resource_id;

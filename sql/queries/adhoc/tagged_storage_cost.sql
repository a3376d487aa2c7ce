-- tagged_storage_cost: What do the account's volumes and snapshots tagged tag_key = tag_value cost a
--   month, per resource type and region?
-- Parameters: account_id (uuid), tag_key, tag_value (text; seedbench binds the account's most used
--   (key, value) pair other than Name).
-- Shape: slicing by tag key and value through the polymorphic tag store, joined back to the resources.
-- Served by: idx_resource_tags_account_key (migration 016), then the unique volume_id and
--   snapshot_id keys of the spec.
-- Checked by: tests/support/check-adhoc.py.
select t.resource_type,
       coalesce(v.region, s.region)                      as region,
       count(*)                                          as resources,
       sum(coalesce(v.monthly_cost, s.monthly_cost))     as monthly_cost
from resource_tags t
left join volumes v on t.resource_type = 'volume' and v.volume_id = t.resource_id and v.account_id = t.account_id
left join snapshots s on t.resource_type = 'snapshot' and s.snapshot_id = t.resource_id and s.account_id = t.account_id
where t.account_id = :'account_id'::uuid
  and t.key = :'tag_key'
  and t.value = :'tag_value'
  and t.resource_type in ('volume', 'snapshot')
group by t.resource_type, coalesce(v.region, s.region)
order by t.resource_type, region;

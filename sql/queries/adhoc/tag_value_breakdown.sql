-- tag_value_breakdown: For one tag key, which values does the account use, on how many resources of
--   each type?
-- Parameters: account_id (uuid), tag_key (text; seedbench binds the account's most used (key, value)
--   pair other than Name).
-- Shape: slicing one account's resources by a tag key.
-- Served by: idx_resource_tags_account_key (migration 016: account, key, covering the resource), then
--   the value from the heap.
-- Checked by: tests/support/check-adhoc.py.
select t.value,
       t.resource_type,
       count(*)                        as resources
from resource_tags t
where t.account_id = :'account_id'::uuid
  and t.key = :'tag_key'
group by t.value, t.resource_type
order by resources desc, t.value, t.resource_type;

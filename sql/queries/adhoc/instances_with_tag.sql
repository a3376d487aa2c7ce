-- instances_with_tag: Which running instances of the account are tagged tag_key = tag_value, and what do
--   they cost a month?
-- Parameters: account_id (uuid), tag_key, tag_value (text; seedbench binds the account's most used
--   (key, value) pair other than Name).
-- Shape: slicing one account's resources by a tag key and value, on the table's own jsonb tags.
-- Served by: idx_instances_account_state (migration 016); the jsonb test runs on the account's running
--   instances only.
-- Checked by: tests/support/check-adhoc.py.
select i.instance_id,
       i.name,
       i.instance_type,
       i.region,
       round(i.hourly_cost * 730, 2)   as monthly_cost
from instances i
where i.account_id = :'account_id'::uuid
  and i.state = 'running'
  and i.tags ->> :'tag_key' = :'tag_value'
order by monthly_cost desc, i.instance_id;

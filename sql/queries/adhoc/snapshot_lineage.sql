-- snapshot_lineage: Which of the account's snapshots were taken of volumes that are now detached or gone,
--   and which instance, if any, does the source volume still belong to? The 100 costliest.
-- Parameters: account_id (uuid).
-- Shape: a join of resources to what they were derived from (snapshots -> volumes by source_volume_id,
--   volumes -> instances by attached_instance_id), keeping the ones whose source is missing.
-- Served by: idx_snapshots_account_id (spec), the unique volume_id and instance_id keys of the spec.
-- Checked by: tests/support/check-adhoc.py.
select s.snapshot_id,
       s.source_volume_id,
       case when s.source_volume_id is null then 'no source recorded'
            when v.volume_id is null then 'volume deleted'
            else 'volume ' || v.state end             as source_state,
       i.instance_id                                  as source_instance,
       s.size_gib,
       s.monthly_cost
from snapshots s
left join volumes v on v.volume_id = s.source_volume_id and v.account_id = s.account_id
left join instances i on i.instance_id = v.attached_instance_id and i.account_id = v.account_id
where s.account_id = :'account_id'::uuid
  and (v.volume_id is null or v.state <> 'in-use')
order by s.monthly_cost desc, s.snapshot_id
limit 100;

-- instance_storage: For each running instance of the account, what storage hangs off it: attached
--   volumes, their size and cost, and the snapshots taken of them? The 50 with the costliest storage.
-- Parameters: account_id (uuid).
-- Shape: a join of resources to what is attached to them and derived from them
--   (instances <- volumes.attached_instance_id <- snapshots.source_volume_id).
-- Served by: idx_instances_account_state (016), idx_volumes_account_id and idx_snapshots_account_id
--   (spec), hash-joined within the account.
-- Checked by: tests/support/check-adhoc.py.
with attached as (
  select v.attached_instance_id                     as instance_id,
         count(*)                                   as volumes,
         sum(v.size_gib)                            as volume_gib,
         sum(v.monthly_cost)                        as volume_cost,
         count(s.snapshots)                         as snapshotted_volumes,
         coalesce(sum(s.snapshots), 0)              as snapshots,
         coalesce(sum(s.snapshot_cost), 0)          as snapshot_cost
  from volumes v
  left join (select source_volume_id, count(*) as snapshots, sum(monthly_cost) as snapshot_cost
             from snapshots
             where account_id = :'account_id'::uuid
             group by source_volume_id) s on s.source_volume_id = v.volume_id
  where v.account_id = :'account_id'::uuid
    and v.attached_instance_id is not null
  group by v.attached_instance_id
)
select i.instance_id,
       i.name,
       a.volumes,
       a.volume_gib,
       a.volume_cost,
       a.snapshots,
       a.snapshot_cost,
       a.volume_cost + a.snapshot_cost              as storage_cost
from instances i
join attached a on a.instance_id = i.instance_id
where i.account_id = :'account_id'::uuid
  and i.state = 'running'
order by storage_cost desc, i.instance_id
limit 50;

-- reported_history_key: findings the key no longer holds but held on the estate day an agent reported them
-- (seedgen.finding_history): true when reported. The key no longer prices them, so their saving is 0.
with run as (select max(run_id) as run_id from seedgen.runs where status = 'completed')
select distinct h.account_id::text, h.resource_type, h.resource_id, h.pattern, '0'
from public.waste_findings f
join run on true
join seedgen.finding_history h
  on h.run_id = run.run_id and h.account_id = f.account_id and h.resource_type = f.resource_type
 and h.resource_id = f.resource_id and h.pattern = f.pattern
where seedgen.estate_day_at(run.run_id, f.reported_at) between h.first_seen and h.last_seen
order by 1, 2, 3, 4

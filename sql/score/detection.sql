-- detection: time to detect, in estate days, over the reported findings that were true when reported:
-- the day an agent first reported a finding (public.waste_findings.reported_at on the estate's clock)
-- less the first day the key held it (seedgen.finding_history): how many, mean, median and slowest.
with run as (select max(run_id) as run_id from seedgen.runs where status = 'completed'),
reported as (
  select f.account_id, f.resource_type, f.resource_id, f.pattern, min(seedgen.estate_day_at(run.run_id, f.reported_at)) as day
    from public.waste_findings f, run
   group by 1, 2, 3, 4),
delays as (
  select r.day - h.first_seen as days
    from reported r
    join run on true
    join seedgen.finding_history h
      on h.run_id = run.run_id and h.account_id = r.account_id and h.resource_type = r.resource_type
     and h.resource_id = r.resource_id and h.pattern = r.pattern
   where r.day between h.first_seen and h.last_seen)
select count(*), coalesce(round(avg(days), 2), 0)::text,
       coalesce(percentile_disc(0.5) within group (order by days), 0), coalesce(max(days), 0)
from delays

-- incidents: the harm the loaded run's executed actions did, per kind: how many and their estimated cost.
select i.kind, count(*), sum(i.estimated_cost)::text
from seedgen.incidents i
where i.run_id = (select max(run_id) from seedgen.runs where status = 'completed')
group by i.kind
order by i.kind

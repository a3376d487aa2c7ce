-- execution: what the agents' executed actions did on the loaded run: actions completed and failed, their
-- monthly saving measured at execution, the savings realised over the drifted days since, and those days.
with run as (select max(run_id) as run_id from seedgen.runs where status = 'completed')
select (select count(*) from seedgen.executed_actions e where e.run_id = run.run_id and e.outcome = 'completed'),
       (select count(*) from seedgen.executed_actions e where e.run_id = run.run_id and e.outcome = 'failed'),
       (select coalesce(sum(e.monthly_cost_before - e.monthly_cost_after), 0) from seedgen.executed_actions e
         where e.run_id = run.run_id and e.outcome = 'completed')::text,
       (select coalesce(sum(s.saved_usd), 0) from seedgen.action_savings_daily s where s.run_id = run.run_id)::text,
       (select count(*) from seedgen.drift_days d where d.run_id = run.run_id)
from run

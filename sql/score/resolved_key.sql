-- resolved_key: findings of the loaded run's key that an executed optimization action cleared, with the
-- key's saving at the time: they stay true findings (seedgen.resolved_findings, docs/AGENTS.md).
select r.account_id::text, r.resource_type, r.resource_id, r.pattern, r.estimated_monthly_savings::text
from seedgen.resolved_findings r
where r.run_id = (select max(run_id) from seedgen.runs where status = 'completed')
order by 1, 2, 3, 4

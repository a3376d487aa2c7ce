-- agent_findings: what agents recorded through the agent API (report_waste_finding, migration 020), in a
-- fixed order so that, of duplicate findings, the same one is kept every time. Read as the owner: every
-- tenant's rows.
select account_id::text, resource_type, resource_id, pattern, coalesce(estimated_monthly_savings::text, '')
from public.waste_findings
order by account_id, resource_type, resource_id, pattern, estimated_monthly_savings

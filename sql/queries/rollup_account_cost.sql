-- rollup_account_cost: What does this account cost a month, by service, region and env, biggest first?
-- Parameters: account_id (uuid), as_of (date): the day the estate is priced on (bucket charges of that
--   day, log ingestion and commitment utilisation over the 30 days to it, transfer up to it).
-- Threshold source: none; a FinOps cost-allocation view (AWS Cost Explorer "group by service, region,
--   tag:env"). Costs are resource_cost_monthly (migration 015: resource_monthly_costs as of the load's
--   as_of, refreshed by every load, service_role only; another as_of returns nothing), the definition behind
--   seedgen.runs.monthly_cost, so the account lines of all accounts add up to the estate's total.
-- Saving: none (null); this is a roll-up, not a finding. resource_type is the service, resource_id the
--   group key '<region>/<env>'. resources counts the 14 resource types (0 on data_transfer and
--   commitment lines, which are cost lines, not resources).
select c.resource_type                         as resource_type,
       c.region || '/' || c.env                as resource_id,
       null::numeric                           as estimated_monthly_savings,
       round(sum(c.monthly_cost), 4)           as monthly_cost,
       count(*) filter (where c.is_resource)   as resources,
       c.region,
       c.env
from public.resource_cost_monthly c
where c.account_id = :'account_id'::uuid and c.as_of = :'as_of'::date
group by c.resource_type, c.region, c.env
order by monthly_cost desc, resource_type, resource_id;

-- rollup_global_top_accounts: Which accounts cost the most a month, what is each one's biggest service,
-- and what share of the estate is each? (GLOBAL: every account; no account_id.)
-- Parameters: as_of (date): must be the day the materialized view was refreshed for (the load's as_of);
--   another day returns no rows.
-- Threshold source: none; a FinOps showback ranking (AWS Cost Explorer "group by linked account").
--   Reads cost_rollup_monthly (migration 015), refreshed by every seedgen load.
-- Saving: none (null); this is a roll-up. resource_type is 'account', resource_id the account's uuid.
--   share_of_estate_percent is the account's cost over the whole estate's; top_service ties go to the
--   service name that sorts first.
with by_service as (
  select r.account_id, r.service, sum(r.monthly_cost) as monthly_cost, sum(r.resources) as resources
  from public.cost_rollup_monthly r
  where r.as_of = :'as_of'::date
  group by r.account_id, r.service
),
by_account as (
  select s.account_id,
         sum(s.monthly_cost)                                                        as monthly_cost,
         sum(s.resources)                                                           as resources,
         (array_agg(s.service order by s.monthly_cost desc, s.service))[1]          as top_service,
         max(s.monthly_cost)                                                        as top_service_cost
  from by_service s
  group by s.account_id
)
select 'account'::text                                                          as resource_type,
       b.account_id::text                                                       as resource_id,
       null::numeric                                                            as estimated_monthly_savings,
       rank() over (order by b.monthly_cost desc)                               as cost_rank,
       a.name                                                                   as account_name,
       b.monthly_cost,
       b.resources,
       b.top_service,
       b.top_service_cost,
       round(100 * b.monthly_cost / nullif(sum(b.monthly_cost) over (), 0), 2) as share_of_estate_percent
from by_account b
join public.cloud_accounts a on a.id = b.account_id
order by b.monthly_cost desc, resource_id;

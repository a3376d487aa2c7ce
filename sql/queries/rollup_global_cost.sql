-- rollup_global_cost: What does the whole estate cost a month, by account, env, region and service,
-- biggest lines first? (GLOBAL: every account; no account_id.)
-- Parameters: as_of (date): must be the day the materialized view was refreshed for (the last
--   metrics_daily day, the load's as_of); another day returns no rows rather than stale figures.
--   max_lines (default 500): the page returned, costliest lines first.
-- Threshold source: none; a FinOps cost-allocation view (AWS Cost Explorer "group by linked account,
--   tag:env, region, service"). Reads cost_rollup_monthly (migration 015), refreshed by every seedgen
--   load; its grand total is seedgen.runs.monthly_cost's definition applied to the stored columns.
-- Saving: none (null); this is a roll-up. resource_type is the service, resource_id the group key
--   '<account_id>/<region>/<env>'. Returns the first max_lines lines (default 500, the page an agent
--   reads; the whole estate at large is ~65k lines, which alone takes >100 ms to ship).
\if :{?max_lines} \else \set max_lines 500 \endif
select r.service                                                    as resource_type,
       r.account_id::text || '/' || r.region || '/' || r.env        as resource_id,
       null::numeric                                                as estimated_monthly_savings,
       r.monthly_cost,
       r.resources,
       r.account_id,
       a.name                                                       as account_name,
       r.env,
       r.region
from public.cost_rollup_monthly r
join public.cloud_accounts a on a.id = r.account_id
where r.as_of = :'as_of'::date
order by r.monthly_cost desc, r.account_id, r.env, r.region, r.service
limit :max_lines;

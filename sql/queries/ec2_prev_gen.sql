-- ec2_prev_gen: Which running instances use a previous-generation type (t2, m3, m4, c4, r4) whose
--   current-generation successor the price list holds?
-- Parameters: account_id (uuid), as_of (date).
-- Threshold source: Steampipe AWS Thrifty "old generation" control (t2, m3, m4; extended to c4, r4). Read
--   literally: it may hold with the idle or oversized findings of the same instance.
-- Saving: move to the successor of the same size (t2->t3, m3->m5 but m3.medium->t3.medium, m4->m5,
--   c4->c5, r4->r5): (hourly_cost - the successor's price in the instance's region, seedgen.prices,
--   rounded to 4 decimals as hourly_cost is) x 730.
with c as (
  select i.*,
         case when i.instance_type = 'm3.medium' then 't3.medium'
              else case split_part(i.instance_type, '.', 1)
                     when 't2' then 't3' when 'm3' then 'm5' when 'm4' then 'm5' when 'c4' then 'c5'
                     when 'r4' then 'r5' end || '.' || split_part(i.instance_type, '.', 2)
         end as successor_type
  from instances i
  where i.account_id = :'account_id'::uuid
    and i.state = 'running'
    and split_part(i.instance_type, '.', 1) in ('t2', 'm3', 'm4', 'c4', 'r4')
)
select 'instance'::text as resource_type,
       c.instance_id as resource_id,
       round((c.hourly_cost - round(p.usd, 4)) * 730, 4) as estimated_monthly_savings,
       c.name, c.region, c.env, c.instance_type, c.successor_type, c.hourly_cost,
       round(p.usd, 4) as successor_hourly_cost, c.avg_cpu_7d
from c
join seedgen.prices p on p.sku = 'ec2.' || c.successor_type || '.hour' and p.region = c.region
order by estimated_monthly_savings desc, resource_id;

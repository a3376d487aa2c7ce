-- eip_unassociated: which Elastic IPs bill for nothing, being unassociated or attached to an instance
-- that is not running (Trusted Advisor's rule: an address on a stopped instance counts)?
-- Parameters:
--   account_id  (uuid)  the account to scan
--   as_of       (date)  the reference day (state is a snapshot; accepted for a uniform interface)
-- Threshold source: AWS Trusted Advisor "not associated with a running instance"; Steampipe AWS Thrifty
-- "association null" (docs/WASTE-CATALOG.md s.1). Addresses on network load balancers are in use.
-- Saving: hourly_cost x 730 (the address is released). Rule from docs/data/platform.md.
with region_multiplier(m) as (
  values (1.00), (1.12), (1.10), (1.15), (1.18), (1.22), (1.45)
)
select 'elastic_ip'::text                               as resource_type,
       e.allocation_id                                  as resource_id,
       -- The address's region is not stored: recover the unrounded list price ($0.005 x region
       -- multiplier) from the stored 4-decimal hourly_cost, else use hourly_cost as stored.
       round(coalesce((select 0.005 * r.m from region_multiplier r
                        where round(0.005 * r.m, 4) = e.hourly_cost limit 1), e.hourly_cost) * 730, 4)
                                                        as estimated_monthly_savings,
       e.public_ip,
       e.state,
       e.associated_instance_id,
       i.state                                          as instance_state,
       e.hourly_cost,
       e.created_at
from elastic_ips e
left join instances i
  on i.account_id = e.account_id and i.instance_id = e.associated_instance_id
where e.account_id = :'account_id'::uuid
  and (e.state = 'unassociated'
       or (e.associated_instance_id is not null and i.state <> 'running'))
order by estimated_monthly_savings desc, resource_id;

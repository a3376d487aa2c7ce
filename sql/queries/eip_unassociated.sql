-- eip_unassociated: which Elastic IPs bill for nothing, being unassociated or attached to an instance
-- that is not running (Trusted Advisor's rule: an address on a stopped instance counts)?
-- Parameters:
--   account_id  (uuid)  the account to scan
--   as_of       (date)  the reference day (state is a snapshot; accepted for a uniform interface)
-- Threshold source: AWS Trusted Advisor "not associated with a running instance"; Steampipe AWS Thrifty
-- "association null" (docs/WASTE-CATALOG.md s.1). Addresses on network load balancers are in use.
-- Saving: hourly_cost x 730 (the address is released). Rule from docs/data/platform.md.
select 'elastic_ip'::text                               as resource_type,
       e.allocation_id                                  as resource_id,
       round(e.hourly_cost * 730, 4)                    as estimated_monthly_savings,
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

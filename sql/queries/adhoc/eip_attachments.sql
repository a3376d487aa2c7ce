-- eip_attachments: What is each Elastic IP of the account attached to (an instance and its state, or a
--   load balancer), and what does it cost a month?
-- Parameters: account_id (uuid).
-- Shape: a join of resources to what they are attached to (elastic_ips -> instances / load_balancers by
--   natural key).
-- Served by: idx_elastic_ips_account_id (spec), then the unique instance_id and lb_arn keys of the spec.
-- Checked by: tests/support/check-adhoc.py.
select e.allocation_id,
       e.public_ip,
       case when i.instance_id is not null then 'instance'
            when l.lb_arn is not null then 'load_balancer'
            else 'nothing' end                       as attached_to,
       coalesce(i.name, l.name)                      as attached_name,
       i.state                                       as instance_state,
       round(e.hourly_cost * 730, 2)                 as monthly_cost
from elastic_ips e
left join instances i on i.instance_id = e.associated_instance_id and i.account_id = e.account_id
left join load_balancers l on l.lb_arn = e.associated_lb_arn and l.account_id = e.account_id
where e.account_id = :'account_id'::uuid
order by attached_to, monthly_cost desc, e.allocation_id;

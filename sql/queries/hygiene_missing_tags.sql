-- hygiene_missing_tags: Which resources of the account lack an owner or a cost-center tag, and how much
-- monthly cost does each leave unallocated?
-- Parameters: account_id (uuid), as_of (date): the day the resources are priced on (as rollup_account_cost);
--   max_lines (default 500): the page returned, costliest first.
-- Threshold source: AWS Tagging Best Practices (an owner and a cost-allocation tag on every resource);
--   Cloud Custodian tag-compliance ("tag:owner: absent" or "tag:cost-center: absent").
-- Saving: 0. Tagging saves nothing by itself; monthly_cost is the cost nobody can be charged for.
-- Tags come from resource_tags, the tag store of all 14 resource types. It mirrors the jsonb tags of
--   instances, volumes, snapshots, s3_buckets and log_groups, and is the only tag store of container
--   clusters, container nodes and Lambda functions; the other 6 types have no tags column and no
--   resource_tags rows, so they always miss both tags. Costs are resource_cost_monthly (migration
--   015, refreshed by every load; service_role only): another as_of returns nothing. The largest account
--   of large has ~22k such resources, hence the page.
-- Not in the answer key (a hygiene question, not a waste pattern); proven by
--   tests/support/check-missing-tags.py against the COPY files.
\if :{?max_lines} \else \set max_lines 500 \endif
select c.resource_type,
       c.resource_id,
       0::numeric                                                          as estimated_monthly_savings,
       array_remove(array[case when t.has_owner is not true then 'owner' end,
                          case when t.has_cost_center is not true then 'cost-center' end], null)
                                                                           as missing_tags,
       round(c.monthly_cost, 4)                                            as monthly_cost,
       c.region,
       c.env,
       c.name
from public.resource_cost_monthly c
left join (
  select rt.resource_type, rt.resource_id,
         bool_or(rt.key = 'owner') as has_owner, bool_or(rt.key = 'cost-center') as has_cost_center
  from public.resource_tags rt
  where rt.account_id = :'account_id'::uuid and rt.key in ('owner', 'cost-center')
  group by rt.resource_type, rt.resource_id
) t on t.resource_type = c.resource_type and t.resource_id = c.resource_id
where c.account_id = :'account_id'::uuid and c.as_of = :'as_of'::date
  and c.is_resource
  and not (t.has_owner is true and t.has_cost_center is true)
order by monthly_cost desc, resource_type, resource_id
limit :max_lines;

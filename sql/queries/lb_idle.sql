-- lb_idle: which load balancers served fewer than 100 requests on every one of the last 7 days?
-- Parameters:
--   account_id    (uuid)  the account to scan
--   as_of         (date)  the reference day; "the last 7 days" = as_of-6 .. as_of
--   window_days   (int, default 7)   days of metrics_daily to examine
--   max_requests  (int, default 100) idle if the daily requests (new flows for NLB/GWLB) stay below this
-- Threshold source: AWS Trusted Advisor "idle load balancer: < 100 requests/day for 7 days"
-- (docs/WASTE-CATALOG.md s.1). Saving: hourly_cost x 730. Rule from docs/data/platform.md.
\if :{?window_days} \else \set window_days 7 \endif
\if :{?max_requests} \else \set max_requests 100 \endif
with region_price(region, m) as (
  values ('us-east-1', 1.00), ('us-east-2', 1.00), ('us-west-1', 1.12), ('us-west-2', 1.00),
         ('eu-west-1', 1.10), ('eu-central-1', 1.15), ('ap-southeast-1', 1.18),
         ('ap-northeast-1', 1.22), ('sa-east-1', 1.45)
),
type_price(type, hourly_usd) as (
  values ('application', 0.0225), ('network', 0.0225), ('gateway', 0.0125), ('classic', 0.025)
),
usage as (
  select l.id,
         max((m.metric_payload ->> 'requests')::numeric)          as max_daily_requests,
         round(avg((m.metric_payload ->> 'requests')::numeric), 1) as avg_daily_requests,
         max((m.metric_payload ->> 'healthy_targets')::numeric)   as max_healthy_targets
  from load_balancers l
  join metrics_daily m
    on m.account_id = l.account_id
   and m.resource_type = 'load_balancer' and m.resource_id = l.lb_arn
   and m.date between :'as_of'::date - (:window_days - 1) and :'as_of'::date
  where l.account_id = :'account_id'::uuid
  group by l.id
)
select 'load_balancer'::text                            as resource_type,
       l.lb_arn                                         as resource_id,
       -- the unrounded list price (lb.<type>.hour x region multiplier) when it matches the stored
       -- 4-decimal hourly_cost, else hourly_cost as stored
       round(case when round(tp.hourly_usd * p.m, 4) = l.hourly_cost then tp.hourly_usd * p.m
                  else l.hourly_cost end * 730, 4)      as estimated_monthly_savings,
       l.name,
       l.region,
       l.env,
       l.type,
       u.max_daily_requests,
       u.avg_daily_requests,
       u.max_healthy_targets,
       l.hourly_cost
from usage u
join load_balancers l on l.id = u.id
left join type_price tp on tp.type = l.type
left join region_price p on p.region = l.region
where u.max_daily_requests < :max_requests
order by estimated_monthly_savings desc, resource_id;

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
with usage as (
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
       round(l.hourly_cost * 730, 4)                    as estimated_monthly_savings,
       l.name,
       l.region,
       l.env,
       l.type,
       u.max_daily_requests,
       u.avg_daily_requests,
       u.max_healthy_targets,
       l.hourly_cost
from usage u
join load_balancers l on l.id = u.id and l.account_id = :'account_id'::uuid
where u.max_daily_requests < :max_requests
order by estimated_monthly_savings desc, resource_id;

-- commitment_underutilized: Which active commitments, not ending within the next 30 days, averaged under
--   80 % daily utilisation over the last 30 days (as_of-29 .. as_of)?
-- Parameters: account_id (uuid), as_of (date); utilization_threshold (default 80, %), window_days
--   (default 30: the averaging window and the expiring horizon that takes precedence).
-- Threshold source: AWS Trusted Advisor / Cost Explorer RI & Savings Plans utilisation (under 80 %);
--   commitments ending within 30 days are commitment_expiring's (Thrifty / Trusted Advisor).
-- Saving: the unused committed spend, (1 - mean / 100) x hourly_commitment_amount x 730.
\if :{?utilization_threshold} \else \set utilization_threshold 80 \endif
\if :{?window_days} \else \set window_days 30 \endif
with u as (
  select c.*,
         (select avg(d.utilization_percent) from commitment_utilization_daily d
           where d.commitment_id = c.id
\if :{?citus}
             and d.account_id = :'account_id'::uuid
\endif
             and d.date between :'as_of'::date - (:window_days - 1) and :'as_of'::date) as mean_util,
         (select min(d.utilization_percent) from commitment_utilization_daily d
           where d.commitment_id = c.id
\if :{?citus}
             and d.account_id = :'account_id'::uuid
\endif
             and d.date between :'as_of'::date - (:window_days - 1) and :'as_of'::date) as min_util
  from commitments c
  where c.account_id = :'account_id'::uuid
    and c.start_date <= :'as_of'::date and c.end_date > :'as_of'::date + :window_days
)
select 'commitment'::text as resource_type,
       u.id::text as resource_id,
       round((1 - u.mean_util / 100) * u.hourly_commitment_amount * 730, 4) as estimated_monthly_savings,
       u.commitment_type, u.scope, u.term_months, u.hourly_commitment_amount, u.start_date, u.end_date,
       round(u.mean_util, 2) as mean_utilization_30d, u.min_util as min_daily_utilization
from u
where u.mean_util < :utilization_threshold
order by estimated_monthly_savings desc, resource_id;

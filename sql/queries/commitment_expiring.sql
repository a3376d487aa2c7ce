-- commitment_expiring: Which commitments (reserved instances, savings plans, EDP) end within 30 days of
--   as_of, either still to expire (end_date <= as_of + 30) or lapsed in the last 30 days
--   (end_date >= as_of - 30)?
-- Parameters: account_id (uuid), as_of (date); window_days (default 30).
-- Threshold source: Steampipe AWS Thrifty (RI expiring within 30 days) and AWS Trusted Advisor
--   (RI expiring in < 30 days or expired in the last 30 days).
-- Saving: the discount lost if not renewed, rate / (1 - rate) x hourly_commitment_amount x 730, with
--   rate = seedgen.prices savings.one_year for 12-month terms and savings.three_year for 36-month terms.
\if :{?window_days} \else \set window_days 30 \endif
select 'commitment'::text as resource_type,
       c.id::text as resource_id,
       round(d.usd / (1 - d.usd) * c.hourly_commitment_amount * 730, 4) as estimated_monthly_savings,
       c.commitment_type, c.scope, c.term_months, c.hourly_commitment_amount, c.start_date, c.end_date,
       (c.end_date - :'as_of'::date) as days_to_end
from commitments c
-- the term's discount (a fraction, the same in every region)
join seedgen.prices d
  on d.sku = case when c.term_months = 36 then 'savings.three_year' else 'savings.one_year' end
 and d.region = 'us-east-1'
where c.account_id = :'account_id'::uuid
  and c.end_date between :'as_of'::date - :window_days and :'as_of'::date + :window_days
order by estimated_monthly_savings desc, resource_id;

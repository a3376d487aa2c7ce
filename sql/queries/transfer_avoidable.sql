-- transfer_avoidable: which cross-region data-transfer flows averaged at least 20 GB a day over the
-- last 30 days, and what would co-locating (or caching) 80 % of that traffic save?
-- Parameters:
--   account_id      (uuid)  the account to scan
--   as_of           (date)  the reference day; "the last 30 days" = as_of-29 .. as_of
--   window_days     (int, default 30)     days of data_transfer_daily to average
--   min_gb_per_day  (numeric, default 20) flag flows whose mean daily gb_transferred >= this
-- Threshold source: the waste catalog's cross-region transfer question (docs/WASTE-CATALOG.md s.3); the 20 GB
-- cut is docs/data/platform.md's rule.
-- Saving: 0.8 x mean daily estimated_transfer_cost x 730/24.
-- resource_id is '<source_region>-><dest_region>:cross-region' (resource_type 'data_transfer').
\if :{?window_days} \else \set window_days 30 \endif
\if :{?min_gb_per_day} \else \set min_gb_per_day 20 \endif
select 'data_transfer'::text                            as resource_type,
       t.source_region || '->' || t.dest_region || ':' || t.direction as resource_id,
       round(0.8 * avg(t.estimated_transfer_cost) * 730 / 24, 4) as estimated_monthly_savings,
       t.source_region,
       t.dest_region,
       t.direction,
       round(avg(t.gb_transferred), 4)                  as avg_gb_per_day,
       round(sum(t.gb_transferred), 4)                  as gb_window,
       round(avg(t.estimated_transfer_cost) * 730 / 24, 4) as monthly_cost,
       count(*)                                         as days
from data_transfer_daily t
where t.account_id = :'account_id'::uuid
  and t.direction = 'cross-region'
  and t.date between :'as_of'::date - (:window_days - 1) and :'as_of'::date
group by t.source_region, t.dest_region, t.direction
having avg(t.gb_transferred) >= :min_gb_per_day
order by estimated_monthly_savings desc, resource_id;

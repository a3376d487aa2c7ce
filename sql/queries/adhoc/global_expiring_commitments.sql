-- global_expiring_commitments: Across all accounts, which commitments end within 60 days of as_of, and
--   how much hourly commitment does each account lose? (GLOBAL: no account_id.)
-- Parameters: as_of (date).
-- Shape: a fleet-wide range question on a date column, aggregated per account.
-- Served by: idx_commitments_end_date (migration 019).
-- Checked by: tests/support/check-adhoc.py.
select c.account_id,
       a.name                                    as account_name,
       count(*)                                  as commitments,
       sum(c.hourly_commitment_amount)           as hourly_commitment,
       min(c.end_date)                           as first_end_date
from commitments c
join cloud_accounts a on a.id = c.account_id
where c.end_date between :'as_of'::date and :'as_of'::date + 60
group by c.account_id, a.name
order by hourly_commitment desc, c.account_id;

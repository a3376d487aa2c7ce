-- hygiene_api_clients_unused: Which API clients (access keys) of the account have not been used for 90
-- days, counting a never-used client from its creation?
-- Parameters: account_id (uuid), as_of (date); unused_days (default 90): flag a client whose last use
--   (or creation, when never used) is before midnight UTC starting as_of - unused_days.
-- Threshold source: AWS Security Hub IAM.8 / CIS AWS Foundations 1.3 (credentials unused for 90 days
--   should be removed); rule from docs/data/commitments.md "api_clients".
-- Saving: 0. An unused key costs nothing; it is a security finding, so the list runs longest-unused first.
-- Not in the answer key: seedgen plants clients stale (91-591 days), nearly stale (75-89 days, never
--   flagged) or never used, but records none of them in seedgen.planted_waste; the query is proven by
--   tests/support/check-api-clients-unused.py against the api_clients COPY file.
\if :{?unused_days} \else \set unused_days 90 \endif
select 'api_client'::text                                                         as resource_type,
       k.id::text                                                                 as resource_id,
       0::numeric                                                                 as estimated_monthly_savings,
       k.name,
       k.access_key_id,
       k.scopes,
       k.last_used_at is null                                                     as never_used,
       k.last_used_at,
       k.created_at,
       :'as_of'::date - (coalesce(k.last_used_at, k.created_at) at time zone 'UTC')::date as days_unused
from public.api_clients k
where k.account_id = :'account_id'::uuid
  and coalesce(k.last_used_at, k.created_at) < (:'as_of'::date - :unused_days)::timestamp at time zone 'UTC'
order by coalesce(k.last_used_at, k.created_at), resource_id;

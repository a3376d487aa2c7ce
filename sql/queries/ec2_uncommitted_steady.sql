-- ec2_uncommitted_steady: Which running instances have run for more than 90 days, all 24 hours of each of
--   the last 14 days, on demand, with no active commitment covering their (family, region)?
-- Parameters: account_id (uuid), as_of (date); min_age_days (default 90).
-- Threshold source: Steampipe AWS Thrifty "long running instances" (> 90 days) and Cloud Custodian age
--   filters; steady = all 14 days of the window run 24 hours: an instance launched that long ago has a
--   row for each of them, so no row with hours_running < 24 (an index-only probe of migration 022's
--   partial index instead of 14 jsonb reads per instance). Covered = a commitment of the account with scope
--   'ec2:<family>:<region>' and start_date <= as_of <= end_date.
-- Saving: a 1-year commitment, savings.one_year (seedgen.prices) x hourly_cost x 730.
\if :{?min_age_days} \else \set min_age_days 90 \endif
select 'instance'::text as resource_type,
       i.instance_id as resource_id,
       round(d.usd * i.hourly_cost * 730, 4) as estimated_monthly_savings,
       i.name, i.region, i.env, i.instance_type, split_part(i.instance_type, '.', 1) as family,
       i.hourly_cost, i.avg_cpu_7d, (:'as_of'::date - i.launch_time::date) as age_days
from instances i
join seedgen.prices d on d.sku = 'savings.one_year' and d.region = i.region   -- the 1-year discount
where i.account_id = :'account_id'::uuid
  and i.state = 'running'
  and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - make_interval(days => :min_age_days)
  and not exists (select 1 from metrics_daily m
                  where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
                    and m.date between :'as_of'::date - 13 and :'as_of'::date
                    and (m.metric_payload->>'hours_running')::numeric < 24)
  and not exists (select 1 from commitments k
                  where k.account_id = i.account_id
                    and k.scope = 'ec2:' || split_part(i.instance_type, '.', 1) || ':' || i.region
                    and k.start_date <= :'as_of'::date and :'as_of'::date <= k.end_date)
order by estimated_monthly_savings desc, resource_id;

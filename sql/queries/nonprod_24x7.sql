-- nonprod_24x7: Which running non-prod instances without a schedule tag ran all 24 hours of each of the
--   last 14 days (as_of-13 .. as_of)?
-- Parameters: account_id (uuid), as_of (date).
-- Threshold source: Cloud Custodian offhours policy (stop non-prod 19:00-07:00 and weekends). A schedule
--   tag is any key that reads "schedule" once lower-cased without '-', '_' and ':' (Schedule, schedule,
--   office-hours tools' own spellings). Launched before the window, the instance has a row for each of
--   its 14 days; none may have hours_running < 24 (migration 022's partial index answers that).
-- Saving: a 12 h x 5 d schedule, 0.64 x hourly_cost x 730.
select 'instance'::text as resource_type,
       i.instance_id as resource_id,
       round(0.64 * i.hourly_cost * 730, 4) as estimated_monthly_savings,
       i.name, i.region, i.env, i.instance_type, i.hourly_cost, i.avg_cpu_7d
from instances i
where i.account_id = :'account_id'::uuid
  and i.state = 'running'
  and i.env <> 'prod'
  and not exists (select 1 from jsonb_object_keys(i.tags) k where lower(translate(k, '-_:', '')) = 'schedule')
  and i.launch_time < (:'as_of'::date)::timestamp at time zone 'UTC' - interval '13 days'
  and not exists (select 1 from metrics_daily m
                  where m.resource_type = 'instance' and m.resource_id = i.instance_id and m.account_id = :'account_id'::uuid
                    and m.date between :'as_of'::date - 13 and :'as_of'::date
                    and (m.metric_payload->>'hours_running')::numeric < 24)
order by estimated_monthly_savings desc, resource_id;

-- drift_state.sql: the load seedgen drift moves (the latest completed run) and how far it has moved:
-- run_id, profile, seed, profile_overrides, the load's as_of, seedgen_version, the last drifted day (null
-- when none), the checksums of the current day (the last drifted day's, else the load's) and the number of
-- drifted days. No row when no load has completed.
select r.run_id, r.profile, r.seed::text, r.profile_overrides::text, r.as_of::text, r.seedgen_version,
       d.day::text, coalesce(d.checksums, r.checksums)::text,
       (select count(*) from seedgen.drift_days x where x.run_id = r.run_id)
  from seedgen.runs r
  left join lateral (select x.day, x.checksums from seedgen.drift_days x
                      where x.run_id = r.run_id order by x.day desc limit 1) d on true
 where r.status = 'completed'
 order by r.run_id desc
 limit 1

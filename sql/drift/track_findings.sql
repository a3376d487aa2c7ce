-- track_findings.sql: every finding the answer key holds now was seen on day $2 of run $1: a new one starts
-- its history, a known one moves its last day.
insert into seedgen.finding_history as h (run_id, account_id, resource_type, resource_id, pattern, first_seen, last_seen)
select $1::bigint, w.account_id, w.resource_type, w.resource_id, w.pattern, $2::date, $2::date
  from seedgen.planted_waste w
on conflict (run_id, account_id, resource_type, resource_id, pattern)
do update set last_seen = greatest(h.last_seen, excluded.last_seen)

-- refresh_rollups.sql: the statements that refresh the cost roll-ups (the materialized views of public)
-- after a day of drift. CONCURRENTLY: readers keep reading the old rows until the day commits (each view
-- has the unique index this needs).
select format('refresh materialized view concurrently %I.%I', schemaname, matviewname)
  from pg_matviews where schemaname = 'public' order by matviewname

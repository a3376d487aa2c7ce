-- drop_overridden_events.sql: day $2's events of run $1 that re-imposed actions undid (sql/seedgen/008).
select seedgen.drop_overridden_events($1::bigint, $2::date)

-- announce: names the session in pg_stat_activity ($1: "seedgen: <what>"), so that a running load shows
-- its phase. Not local: it outlives the statement (and rolls back with an open transaction).
select pg_catalog.set_config('application_name', $1, false)

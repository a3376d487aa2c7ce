-- reapply.sql: every completed action of run $1 imposed again after a drift day's own changes.
select seedgen.reapply_actions($1::bigint)

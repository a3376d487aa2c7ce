-- reapply.sql: the completed actions of run $1 imposed again after a drift day's own changes; $2: only
-- those whose resource rows live in table $2 (schema.table), or every one when null.
select seedgen.reapply_actions($1::bigint, $2::text)

-- accrue_savings.sql: the saving of day $2 for every action of run $1 completed before it.
select seedgen.accrue_action_savings($1::bigint, $2::date)

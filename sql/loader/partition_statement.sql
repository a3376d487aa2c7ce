-- partition_statement.sql: the statement that creates partition $1 of table $2 for the days [$3, $4).
select format('create table %I partition of %I for values from (%L) to (%L)', $1::text, $2::text, $3::date, $4::date)

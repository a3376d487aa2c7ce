-- copy_statement.sql: COPY ... FROM STDIN into table $1 (found through the search_path, i.e. the staged one)
-- for the columns $2, with FREEZE when $3 (the table was created in the same transaction).
select format('copy %s (%s) from stdin%s', $1::regclass, $2::text, case when $3::boolean then ' (freeze)' else '' end)

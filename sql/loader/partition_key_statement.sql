-- partition_key_statement.sql: the statement that makes index $2 of partition $1 its $3 ('primary key' or
-- 'unique') constraint, named like the index, so that the table's own key attaches it.
select format('alter table %I add constraint %I %s using index %I', $1::text, $2::text, $3::text, $2::text)

-- schema_statement.sql: the statement that creates schema $1 ($2 = 'create'), drops it with everything in it
-- ($2 = 'drop'), or drops it only if it is empty ($2 = 'drop_empty': the staging schema after a swap).
select case $2::text when 'create' then format('create schema %I', $1::text)
               when 'drop' then format('drop schema if exists %I cascade', $1::text)
               when 'drop_empty' then format('drop schema %I', $1::text) end

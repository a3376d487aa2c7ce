-- partition_index_statement.sql: a partitioned table's index definition $1 (pg_get_indexdef) made into the same
-- index named $2 on its partition $3, built on its own (in parallel with the other partitions'); creating the
-- table's own index afterwards attaches it instead of building it again.
select regexp_replace($1::text, '^CREATE (UNIQUE )?INDEX \S+ ON \S+ ', format('CREATE \1INDEX %I ON %I ', $2::text, $3::text))

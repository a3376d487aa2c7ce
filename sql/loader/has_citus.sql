-- has_citus.sql: whether the database has the citus extension, whose catalog then says which fleet tables
-- are distributed (distribution_statements.sql).
select exists (select 1 from pg_catalog.pg_extension where extname = 'citus')

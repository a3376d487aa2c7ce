-- distribution_statements.sql: for every live fleet table ($1 regclass[]) that Citus distributes (the citus
-- layout), the statement that distributes its staged namesake the same way, co-located with the live table
-- (so with every other table of its group): (table name, statement). The staged table is named without its
-- schema, found through the loader's search_path (the staging schema first); the live one with it. Run only
-- where has_citus.sql says so: it reads Citus's catalog. A reference table has a placement on the coordinator
-- too: its COPY must not run there locally while the same transaction writes the other tables' shards over
-- connections (Citus refuses the mix), hence local execution off for that transaction: by set_config(), not
-- SET LOCAL, which the layout's citus.propagate_set_commands would send to the workers with the statement.
select c.relname::text,
       case p.partmethod
         when 'n' then format('select set_config(%L, %L, true), create_reference_table(%L)',
                              'citus.enable_local_execution', 'off', quote_ident(c.relname))
         else format('select create_distributed_table(%L, %L, colocate_with => %L)', quote_ident(c.relname),
                     column_to_column_name(p.logicalrelid, p.partkey), format('%I.%I', n.nspname, c.relname)) end
  from pg_dist_partition p
  join pg_class c on c.oid = p.logicalrelid
  join pg_namespace n on n.oid = c.relnamespace
 where p.logicalrelid = any($1::regclass[])

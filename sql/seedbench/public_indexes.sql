-- public_indexes: every index on a table or materialized view of schema public, as the index report needs
-- it: definition, key columns (separated by the unit separator, U+001F), predicate, comment, whether it is
-- unique or backs a key, its size, the leading column's n_distinct and the table's row estimate.
select i.relname as index_name,
       t.relname as table_name,
       pg_get_indexdef(x.indexrelid) as definition,
       array_to_string(array(select pg_get_indexdef(x.indexrelid, k, true)
                             from generate_series(1, x.indnkeyatts) k order by k), e'\x1f') as columns,
       coalesce(pg_get_expr(x.indpred, x.indrelid, true), '') as predicate,
       coalesce(obj_description(i.oid, 'pg_class'), '') as comment,
       x.indisunique as is_unique,
       exists (select 1 from pg_constraint c
               where c.conindid = x.indexrelid and c.contype in ('p', 'u', 'x')) as backs_constraint,
       pg_relation_size(i.oid) as size_bytes,
       coalesce(s.n_distinct, 0) as leading_n_distinct,
       greatest(t.reltuples, 0) as table_rows
from pg_index x
join pg_class i on i.oid = x.indexrelid
join pg_class t on t.oid = x.indrelid
join pg_namespace n on n.oid = t.relnamespace
left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0] and x.indkey[0] <> 0
left join pg_stats s on s.schemaname = n.nspname and s.tablename = t.relname and s.attname = a.attname
where n.nspname = 'public' and t.relkind in ('r', 'm')
order by t.relname, i.relname

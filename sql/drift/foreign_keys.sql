-- foreign_keys.sql: every foreign key between the fleet's tables, as (referencing, referenced) qualified
-- names the way table_registry spells them (schema.table): drift inserts parents before children and
-- deletes children before parents. A partition's copy of its parent's key is left out.
select format('%s.%s', cn.nspname, c.relname), format('%s.%s', pn.nspname, p.relname)
  from pg_constraint k
  join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
  join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
 where k.contype = 'f' and k.conparentid = 0 and cn.nspname in ('public', 'seedgen') and c.oid <> p.oid

-- foreign_dependents.sql: the first object outside the fleet that depends on a fleet table or on a view a
-- load rebuilds ($1 regclass[]: the fleet's tables), as (dependent, referenced) descriptions; no row when
-- there is none. A load replaces those relations, so it refuses while anything it cannot recreate holds on
-- to them: a view, a foreign key or policy of another table, a serial column's sequence, a rule, extended
-- statistics, an inheriting table, a function with a BEGIN ATOMIC body. Needs fleet_objects.sql.
with fleet as (
  select oid from pg_class where oid = any($1::regclass[])
  union select v from pg_temp.seedgen_fleet_views($1::regclass[]) v
),
owned as (   -- relations rebuilt with the fleet: the relations, their indexes, toast tables and partitions
  select oid from fleet
  union select indexrelid from pg_index where indrelid in (select oid from fleet)
  union select reltoastrelid from pg_class where oid in (select oid from fleet) and reltoastrelid <> 0
  union select c.oid from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent in (select oid from fleet) and c.relispartition
),
parts as (
  select oid from owned
  union select indexrelid from pg_index where indrelid in (select oid from owned)
),
referenced as (
  select 'pg_class'::regclass as classid, oid from parts
  union select 'pg_type'::regclass, reltype from pg_class where oid in (select oid from parts) and reltype <> 0
)
select pg_describe_object(d.classid, d.objid, d.objsubid), pg_describe_object(d.refclassid, d.refobjid, 0)
  from pg_depend d
 where (d.refclassid, d.refobjid) in (select classid, oid from referenced)
   and d.deptype in ('n', 'a')
   and not (d.classid = 'pg_class'::regclass and d.objid in (select oid from parts))
   and not (d.classid = 'pg_type'::regclass and d.objid in (select reltype from pg_class where oid in (select oid from parts)))
   and not (d.classid = 'pg_constraint'::regclass
            and exists (select 1 from pg_constraint c where c.oid = d.objid and c.conrelid in (select oid from parts)))
   and not (d.classid = 'pg_policy'::regclass
            and exists (select 1 from pg_policy p where p.oid = d.objid and p.polrelid in (select oid from parts)))
   and not (d.classid = 'pg_trigger'::regclass
            and exists (select 1 from pg_trigger t where t.oid = d.objid and t.tgrelid in (select oid from parts)))
   and not (d.classid = 'pg_attrdef'::regclass
            and exists (select 1 from pg_attrdef a where a.oid = d.objid and a.adrelid in (select oid from parts)))
   and not (d.classid = 'pg_rewrite'::regclass
            and exists (select 1 from pg_rewrite r where r.oid = d.objid and r.rulename = '_RETURN'
                          and r.ev_class in (select oid from fleet)))
   and d.classid <> 'pg_publication_rel'::regclass
 order by 1, 2
 limit 1;

-- fleet_objects.sql: what a load rebuilds, read from the live catalog. One definition shared by seedgen's
-- loader (compiled in), scripts/bench-load's plain-SQL reference and a bundle's load.sql (both through psql).
--
-- pg_temp.seedgen_fleet_views(tables): the materialized views a load of `tables` rebuilds: every one in a
-- schema of those tables, and every one elsewhere that reads one of them.
--
-- pg_temp.seedgen_fleet_objects(tables): one row per statement that recreates something of those tables or
-- views, in build order. The object a statement creates or alters is named without its schema (the first
-- schema of the caller's search_path that has it: the staging schema for the loader, the live one for the
-- plain-SQL path), while every other object it mentions is printed by PostgreSQL relative to the search_path
-- in force when the function runs: a caller that runs the statements with the staging schema first in its
-- search_path points foreign keys, policies and view definitions at the staged tables. Kinds, in order:
--   create           the table, without indexes or keys (LIKE the live one: columns, defaults, CHECKs,
--                    column comments, storage, identity; partitioning, options, tablespace)
--   partition        a partitioned table's default partition (other partitions hold days: a load plans them)
--   unique_index     the index behind a primary key or unique constraint (of a partitioned table: only the
--                    model of its partitions' indexes; the key itself builds or attaches them)
--   index            an index that backs no constraint
--   key              the primary key or unique (or exclusion) constraint, attached to its unique_index
--   foreign_key      (depends_on: the referenced table when it is one of `tables`, else '')
--   identity         an identity column's sequence set past the loaded values
--   table_setting    RLS enabled/forced, replica identity, CLUSTER ON, per-column statistics and options
--   trigger, trigger_state, policy, comment, grant (the first 'grant' row of a relation clears what it
--   had), owner, analyze, reanalyze (a table with an expression index, once its indexes exist: only then
--   does ANALYZE gather the expressions' statistics), publication (run after the swap: names the live table)
--   matview          a materialized view with its data (its index, comment, grant, owner and analyze rows follow
--                    with the same kinds and relkind 'm')
--   drop_foreign_key, drop_key, drop_index: the plain-SQL path's set-aside (psql only)
create or replace function pg_temp.seedgen_fleet_views(tables regclass[])
returns setof regclass
language sql stable as $$
  select distinct v.oid::regclass
    from pg_class v
   where v.relkind = 'm'
     and (v.relnamespace in (select relnamespace from pg_class where oid = any(tables))
          or exists (select 1 from pg_rewrite r join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                      where r.ev_class = v.oid and d.refclassid = 'pg_class'::regclass and d.refobjid = any(tables)))
$$;

create or replace function pg_temp.seedgen_fleet_objects(tables regclass[])
returns table (ordinal bigint, kind text, relkind "char", table_name text, object_name text, depends_on text,
               statement text)
language sql stable as $fn$
with relations as (
  select c.oid, c.relname, c.relkind, n.nspname, c.relowner, c.relacl, c.reloptions, c.reltablespace,
         c.relpersistence, c.relrowsecurity, c.relforcerowsecurity, c.relreplident, c.reltoastrelid
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.oid = any(tables) or c.oid in (select pg_temp.seedgen_fleet_views(tables))
),
options as (
  select r.oid, nullif(array_to_string(coalesce(r.reloptions, '{}') ||
                       coalesce((select array_agg('toast.' || o) from pg_class t, unnest(t.reloptions) o
                                  where t.oid = r.reltoastrelid), '{}'), ', '), '') as list
    from relations r
),
indexes as (
  select r.relname as table_name, r.relkind, x.relname as index_name, i.indexrelid, i.indisclustered,
         i.indisreplident, c.oid as constraint_oid, c.conname, c.contype, c.condeferrable, c.condeferred,
         x.reltablespace,
         -- A partitioned table's own index prints ON ONLY (pg_dump's form); building it must reach the leaves.
         replace(pg_get_indexdef(i.indexrelid, 0, true), ' ON ONLY ', ' ON ') as definition
    from relations r
    join pg_index i on i.indrelid = r.oid
    join pg_class x on x.oid = i.indexrelid
    left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = r.oid and c.contype in ('p', 'u', 'x')
),
statements(step, kind, relkind, table_name, object_name, depends_on, statement) as (
  select 1, 'create', r.relkind, r.relname, r.relname, '',
         format('create %stable %I (like %I.%I including defaults including constraints including comments '
                'including storage including compression including generated including identity)%s%s%s',
                case when r.relpersistence = 'u' then 'unlogged ' else '' end, r.relname, r.nspname, r.relname,
                case when r.relkind = 'p' then ' partition by ' || pg_get_partkeydef(r.oid) else '' end,
                coalesce(' with (' || o.list || ')', ''),
                coalesce((select format(' tablespace %I', spcname) from pg_tablespace where oid = r.reltablespace), ''))
    from relations r join options o using (oid) where r.relkind in ('r', 'p')
  union all
  select 1, 'partition', r.relkind, r.relname, d.relname, '',
         format('create table %I partition of %I default', d.relname, r.relname)
    from relations r join pg_partitioned_table p on p.partrelid = r.oid join pg_class d on d.oid = p.partdefid
  union all
  select 1, 'matview', r.relkind, r.relname, r.relname, '',
         format('create materialized view %I%s%s as %s with data', r.relname,
                coalesce(' with (' || o.list || ')', ''),
                coalesce((select format(' tablespace %I', spcname) from pg_tablespace where oid = r.reltablespace), ''),
                rtrim(pg_get_viewdef(r.oid, true), E'; \n'))
    from relations r join options o using (oid) where r.relkind = 'm'
  union all
  -- A key's index is built like any other (several can run at once on one table) and attached afterwards;
  -- a partitioned table cannot attach one, so its keys are built by the constraint itself.
  select 2, 'unique_index', relkind, table_name, index_name, '', definition
    from indexes where contype in ('p', 'u')
  union all
  select 3, 'index', relkind, table_name, index_name, '',
         coalesce((select format('set local default_tablespace = %I; ', spcname) from pg_tablespace
                    where oid = indexes.reltablespace), '') || definition
    from indexes where constraint_oid is null
  union all
  select 4, 'key', relkind, table_name, conname, '',
         case when contype in ('p', 'u') and relkind <> 'p'
              then format('alter table %I add constraint %I %s using index %I%s', table_name, conname,
                          case contype when 'p' then 'primary key' else 'unique' end, index_name,
                          case when condeferred then ' deferrable initially deferred'
                               when condeferrable then ' deferrable' else '' end)
              else format('alter table %I add constraint %I %s', table_name, conname,
                          pg_get_constraintdef(constraint_oid, true)) end
    from indexes where constraint_oid is not null
  union all
  select 5, 'foreign_key', r.relkind, r.relname, c.conname,
         coalesce((select p.relname from pg_class p where p.oid = c.confrelid and p.oid = any(tables)), ''),
         format('alter table %I add constraint %I %s', r.relname, c.conname, pg_get_constraintdef(c.oid, true))
    from relations r join pg_constraint c on c.conrelid = r.oid and c.contype = 'f' and c.conparentid = 0
  union all
  select 6, 'identity', r.relkind, r.relname, a.attname, '',
         format('select setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, false) from %I',
                quote_ident(r.relname), a.attname, a.attname, r.relname)
    from relations r join pg_attribute a on a.attrelid = r.oid and a.attidentity <> '' and not a.attisdropped
  union all
  select 7, 'table_setting', r.relkind, r.relname, r.relname, '', s.statement
    from relations r cross join lateral (values
      (case when r.relrowsecurity then format('alter table %I enable row level security', r.relname) end),
      (case when r.relforcerowsecurity then format('alter table %I force row level security', r.relname) end),
      (case r.relreplident when 'f' then format('alter table %I replica identity full', r.relname)
                           when 'n' then format('alter table %I replica identity nothing', r.relname)
                           when 'i' then (select format('alter table %I replica identity using index %I', r.relname,
                                                        index_name) from indexes x
                                           where x.table_name = r.relname and x.indisreplident) end),
      ((select format('alter table %I cluster on %I', r.relname, index_name) from indexes x
         where x.table_name = r.relname and x.indisclustered))) s(statement)
   where s.statement is not null and r.relkind in ('r', 'p')
  union all
  select 7, 'table_setting', r.relkind, r.relname, a.attname, '', s.statement
    from relations r join pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
   cross join lateral (values
      (case when a.attstattarget >= 0 then format('alter table %I alter column %I set statistics %s', r.relname,
                                                  a.attname, a.attstattarget) end),
      -- pg_attver is the server's own: some servers (seen with Debian's 15.20) give every new column one and
      -- ignore a SET of it, and after a restart know no such option and refuse it. A rebuilt table gets its
      -- own or none, never the old one, so it is not reproduced.
      ((select format('alter table %I alter column %I set (%s)', r.relname, a.attname, string_agg(o, ', ' order by n))
          from unnest(a.attoptions) with ordinality u(o, n) where o not like 'pg\_attver=%' having count(*) > 0))) s(statement)
   where s.statement is not null
  union all
  select 8, 'trigger', r.relkind, r.relname, t.tgname, '', pg_get_triggerdef(t.oid, true)
    from relations r join pg_trigger t on t.tgrelid = r.oid and not t.tgisinternal and t.tgparentid = 0
  union all
  select 8, 'trigger_state', r.relkind, r.relname, t.tgname, '',
         format('alter table %I %s trigger %I', r.relname,
                case t.tgenabled when 'D' then 'disable' when 'R' then 'enable replica' else 'enable always' end,
                t.tgname)
    from relations r join pg_trigger t on t.tgrelid = r.oid and not t.tgisinternal and t.tgparentid = 0
   where t.tgenabled <> 'O'
  union all
  select 9, 'policy', r.relkind, r.relname, p.polname, '',
         format('create policy %I on %I as %s for %s to %s%s%s', p.polname, r.relname,
                case when p.polpermissive then 'permissive' else 'restrictive' end,
                case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
                              when 'd' then 'delete' else 'all' end,
                (select string_agg(case when role = 0 then 'public' else quote_ident(pg_get_userbyid(role)) end, ', '
                                   order by role) from unnest(p.polroles) role),
                coalesce(' using (' || pg_get_expr(p.polqual, p.polrelid, true) || ')', ''),
                coalesce(' with check (' || pg_get_expr(p.polwithcheck, p.polrelid, true) || ')', ''))
    from relations r join pg_policy p on p.polrelid = r.oid
  union all
  select 10, 'comment', r.relkind, r.relname, r.relname, '',
         format('comment on %s %I is %L', case r.relkind when 'm' then 'materialized view' else 'table' end,
                r.relname, d.description)
    from relations r join pg_description d on d.objoid = r.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
  union all
  -- LIKE ... INCLUDING COMMENTS brought the columns' comments of tables; views have none to copy from.
  select 10, 'comment', r.relkind, r.relname, a.attname, '',
         format('comment on column %I.%I is %L', r.relname, a.attname, d.description)
    from relations r join pg_attribute a on a.attrelid = r.oid
    join pg_description d on d.objoid = r.oid and d.classoid = 'pg_class'::regclass and d.objsubid = a.attnum
   where r.relkind = 'm'
  union all
  select 10, 'comment', x.relkind, x.table_name, x.index_name, '',
         format('comment on index %I is %L', x.index_name, d.description)
    from indexes x join pg_description d on d.objoid = x.indexrelid and d.classoid = 'pg_class'::regclass
  union all
  select 10, 'comment', r.relkind, r.relname, c.conname, '',
         format('comment on constraint %I on %I is %L', c.conname, r.relname, d.description)
    from relations r join pg_constraint c on c.conrelid = r.oid and c.contype in ('p', 'u', 'x', 'f')
    join pg_description d on d.objoid = c.oid and d.classoid = 'pg_constraint'::regclass
  union all
  select 10, 'comment', r.relkind, r.relname, t.tgname, '',
         format('comment on trigger %I on %I is %L', t.tgname, r.relname, d.description)
    from relations r join pg_trigger t on t.tgrelid = r.oid
    join pg_description d on d.objoid = t.oid and d.classoid = 'pg_trigger'::regclass
  union all
  select 10, 'comment', r.relkind, r.relname, p.polname, '',
         format('comment on policy %I on %I is %L', p.polname, r.relname, d.description)
    from relations r join pg_policy p on p.polrelid = r.oid
    join pg_description d on d.objoid = p.oid and d.classoid = 'pg_policy'::regclass
  union all
  -- A new relation may have received default privileges; it gets exactly the live one's instead.
  select 11, 'grant', r.relkind, r.relname, '', '',
         format($do$do $reset$ declare grantee text; begin
                  for grantee in select distinct case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end
                                   from pg_class c, aclexplode(c.relacl) a where c.oid = %L::regclass loop
                    execute format('revoke all on table %%I from %%s', %L, grantee);
                  end loop; end $reset$$do$, quote_ident(r.relname), r.relname)
    from relations r where r.relacl is not null
  union all
  select 12, 'grant', r.relkind, r.relname, '', '',
         format('grant %s on table %I to %s%s', a.privilege_type, r.relname,
                case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end,
                case when a.is_grantable then ' with grant option' else '' end)
    from relations r cross join lateral aclexplode(r.relacl) a
  union all
  select 12, 'grant', r.relkind, r.relname, att.attname, '',
         format('grant %s (%I) on table %I to %s%s', a.privilege_type, att.attname, r.relname,
                case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end,
                case when a.is_grantable then ' with grant option' else '' end)
    from relations r join pg_attribute att on att.attrelid = r.oid and att.attacl is not null
   cross join lateral aclexplode(att.attacl) a
  union all
  select 13, 'owner', r.relkind, r.relname, '', '',
         format('alter %s %I owner to %I', case r.relkind when 'm' then 'materialized view' else 'table' end,
                r.relname, pg_get_userbyid(r.relowner))
    from relations r where r.relowner <> (select oid from pg_roles where rolname = current_user)
  union all
  select 14, 'analyze', r.relkind, r.relname, r.relname, '', format('analyze %I', r.relname)
    from relations r
  union all
  select 14, 'reanalyze', r.relkind, r.relname, r.relname, '', format('analyze %I', r.relname)
    from relations r where exists (select 1 from pg_index i where i.indrelid = r.oid and i.indexprs is not null)
  union all
  select 15, 'publication', r.relkind, r.relname, p.pubname, '',
         format('alter publication %I add table %I.%I%s%s', p.pubname, r.nspname, r.relname,
                coalesce((select ' (' || string_agg(quote_ident(attname), ', ' order by attnum) || ')'
                            from pg_attribute where attrelid = r.oid and attnum = any(pr.prattrs)), ''),
                coalesce(' where (' || pg_get_expr(pr.prqual, pr.prrelid, true) || ')', ''))
    from relations r join pg_publication_rel pr on pr.prrelid = r.oid join pg_publication p on p.oid = pr.prpubid
  union all
  select 16, 'drop_foreign_key', r.relkind, r.relname, c.conname, '',
         format('alter table %I drop constraint %I', r.relname, c.conname)
    from relations r join pg_constraint c on c.conrelid = r.oid and c.contype = 'f' and c.conparentid = 0
  union all
  select 17, 'drop_key', relkind, table_name, conname, '',
         format('alter table %I drop constraint %I', table_name, conname)
    from indexes where constraint_oid is not null
  union all
  select 18, 'drop_index', relkind, table_name, index_name, '', format('drop index %I', index_name)
    from indexes where constraint_oid is null
)
-- Views after tables, and a view after the views it reads (which are older).
select row_number() over (order by step, relkind = 'm',
                                   (select min(oid) from relations r where r.relname = table_name and r.relkind = 'm'),
                                   table_name, kind, object_name, statement),
       kind, relkind, table_name, object_name, depends_on, statement
  from statements
$fn$;

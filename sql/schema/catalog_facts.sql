-- catalog_facts: the facts that define the schema sql/migrations builds, one row each as (object, fact),
-- for comparing a database's schema with it: the objects of public, and those of schema seedgen other
-- than seedgen's own bookkeeping (sql/seedgen: schema_migrations, runs, planted_waste), which migrate
-- creates itself. `object` is the table, view, function or schema a fact belongs to (schema-qualified
-- outside public), so that a database with other objects of its own (an existing Supabase project) is
-- compared on seedgen's objects only. Deliberately left out, because they differ between
-- plain PostgreSQL and Supabase without changing what the schema does: owners, privileges of roles other
-- than anon/authenticated/service_role, and explicit grants where the effective privilege is the same.
-- Privileges are therefore compared as effective privileges (has_*_privilege) of the three API roles.
-- Runs with search_path = public so that names print unqualified the same way everywhere; runs of white
-- space (multi-line policy expressions, comments) become one space, so that every fact is one line.
set search_path = public;

with relations as (
  select c.oid, c.oid::regclass::text as relname, c.relkind
    from pg_catalog.pg_class c
   where c.relkind in ('r', 'p', 'v', 'm')
     and (c.relnamespace = 'public'::regnamespace
          or (c.relnamespace = pg_catalog.to_regnamespace('seedgen')
              and c.relname not in ('schema_migrations', 'runs', 'planted_waste')))
),
functions as (
  select p.oid, case when p.pronamespace = 'public'::regnamespace then p.proname
                     else p.pronamespace::regnamespace::text || '.' || p.proname end as proname
    from pg_catalog.pg_proc p
    left join pg_catalog.pg_depend d on d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
   where p.pronamespace in ('public'::regnamespace, pg_catalog.to_regnamespace('seedgen'))
     and d.objid is null   -- not a member of an extension
),
schemas as (
  select n.oid, n.nspname from pg_catalog.pg_namespace n where n.nspname in ('public', 'seedgen')
),
api_roles(role_name) as (
  select r.rolname from pg_catalog.pg_roles r where r.rolname in ('anon', 'authenticated', 'service_role')
)
select object, pg_catalog.regexp_replace(fact, '\s+', ' ', 'g') as fact from (
  select r.relname as object,
         format('relation kind=%s rls=%s force_rls=%s comment=%s', r.relkind, c.relrowsecurity, c.relforcerowsecurity,
                coalesce(pg_catalog.obj_description(r.oid, 'pg_class'), '-')) as fact
    from relations r join pg_catalog.pg_class c on c.oid = r.oid
  union all
  select r.relname,
         format('column %s %s not_null=%s default=%s comment=%s', a.attname,
                pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                coalesce(pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '-'),
                coalesce(pg_catalog.col_description(r.oid, a.attnum), '-'))
    from relations r
    join pg_catalog.pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
    left join pg_catalog.pg_attrdef ad on ad.adrelid = r.oid and ad.adnum = a.attnum
  union all
  select r.relname, format('constraint %s %s', k.conname, pg_catalog.pg_get_constraintdef(k.oid))
    from relations r join pg_catalog.pg_constraint k on k.conrelid = r.oid
  union all
  select r.relname, format('index %s comment=%s', pg_catalog.pg_get_indexdef(i.indexrelid),
                           coalesce(pg_catalog.obj_description(i.indexrelid, 'pg_class'), '-'))
    from relations r join pg_catalog.pg_index i on i.indrelid = r.oid
  union all
  select r.relname, format('trigger %s', pg_catalog.pg_get_triggerdef(t.oid))
    from relations r join pg_catalog.pg_trigger t on t.tgrelid = r.oid and not t.tgisinternal
  union all
  select r.relname, format('policy %s %s roles=%s cmd=%s using=%s check=%s', p.policyname, p.permissive,
                           p.roles::text, p.cmd, coalesce(p.qual, '-'), coalesce(p.with_check, '-'))
    from pg_catalog.pg_policies p
    join relations r on r.oid = pg_catalog.format('%I.%I', p.schemaname, p.tablename)::regclass
  union all
  select r.relname, format('definition %s', pg_catalog.md5(pg_catalog.pg_get_viewdef(r.oid)))
    from relations r where r.relkind in ('v', 'm')
  union all
  select r.relname, format('privileges %s %s', api.role_name, coalesce((
           select string_agg(privilege, ',' order by privilege)
             from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) privilege
            where pg_catalog.has_table_privilege(api.role_name, r.oid, privilege)), '-'))
    from relations r cross join api_roles api
  union all
  select f.proname, format('function %s %s comment=%s', f.oid::regprocedure, pg_catalog.md5(pg_catalog.pg_get_functiondef(f.oid)),
                           coalesce(pg_catalog.obj_description(f.oid, 'pg_proc'), '-'))
    from functions f
  union all
  select f.proname, format('execute %s %s %s', f.oid::regprocedure, api.role_name,
                           pg_catalog.has_function_privilege(api.role_name, f.oid, 'EXECUTE'))
    from functions f cross join api_roles api
  union all
  select s.nspname, format('schema usage %s %s', api.role_name, pg_catalog.has_schema_privilege(api.role_name, s.oid, 'USAGE'))
    from schemas s cross join api_roles api
) facts
order by 1, 2;

-- view_functions.sql: pg_temp.seedgen_view_function_overrides(tables, stage): the functions that the rebuilt
-- materialized views call and that name one of `tables` with its schema (resource_monthly_costs() of
-- migration 015 reads public.instances, not instances), each as its CREATE OR REPLACE statement and as the
-- same statement with those names pointed at schema `stage`. The loader creates the views of the staged
-- fleet between the two statements, in one transaction: no other session ever sees the redirected body, and
-- the function keeps its OID, owner, privileges and comment. Needs fleet_objects.sql (seedgen_fleet_views).
-- A function that finds a table through its own SET search_path is not redirected; none does today.
create or replace function pg_temp.seedgen_view_function_overrides(tables regclass[], stage text)
returns table (function_name text, original text, redirected text)
language plpgsql stable as $fn$
declare
  target record;
  fleet record;
  body text;
begin
  for target in
    select distinct p.oid::regprocedure::text as name, pg_get_functiondef(p.oid) as definition
      from pg_temp.seedgen_fleet_views(tables) v
      join pg_rewrite r on r.ev_class = v
      join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_proc'::regclass
      join pg_proc p on p.oid = d.refobjid
     where p.prokind = 'f' and p.prosqlbody is null
       and p.prolang in (select oid from pg_language where lanname in ('sql', 'plpgsql'))
  loop
    body := target.definition;
    for fleet in
      select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = any(tables)
    loop
      -- schema.table, "schema"."table" and the mixed forms, as whole names only.
      body := regexp_replace(body,
                format('(?<![[:alnum:]_$"])(%s|"%s")\.(%s|"%s")(?![[:alnum:]_$"])',
                       regexp_replace(fleet.nspname, '([^[:alnum:]_])', '\\\1', 'g'),
                       regexp_replace(fleet.nspname, '([^[:alnum:]_])', '\\\1', 'g'),
                       regexp_replace(fleet.relname, '([^[:alnum:]_])', '\\\1', 'g'),
                       regexp_replace(fleet.relname, '([^[:alnum:]_])', '\\\1', 'g')),
                replace(quote_ident(stage) || '.' || quote_ident(fleet.relname), '\', '\\'), 'g');
    end loop;
    if body <> target.definition then
      function_name := target.name;
      original := target.definition;
      redirected := body;
      return next;
    end if;
  end loop;
end
$fn$;

// catalog_fingerprint.h: the schema facts a bulk load must not change (columns, defaults, constraints,
// indexes, triggers, policies, RLS flags, comments, grants, and the materialized views' columns, query
// and privileges, which information_schema leaves out), as one sorted text, for before/after comparisons.
#pragma once

namespace seedgen::testing {

inline constexpr const char* kCatalogFingerprintSql = R"sql(
select string_agg(fact, E'\n' order by fact) from (
  select format('column %s.%s.%s %s default=%s nullable=%s', table_schema, table_name, column_name, data_type,
                coalesce(column_default, '-'), is_nullable)
    from information_schema.columns where table_schema in ('public', 'seedgen')
  union all
  select format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
    from pg_constraint where connamespace in ('public'::regnamespace, 'seedgen'::regnamespace)
  union all
  select format('index %s %s', indexrelid::regclass, pg_get_indexdef(indexrelid))
    from pg_index where indrelid in (select oid from pg_class
                                     where relnamespace in ('public'::regnamespace, 'seedgen'::regnamespace))
  union all
  select format('trigger %s', pg_get_triggerdef(oid)) from pg_trigger
    where not tgisinternal and tgrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)
  union all
  select format('policy %s.%s %s %s %s %s', schemaname, tablename, policyname, roles, qual, with_check)
    from pg_policies
  union all
  select format('relation %s kind=%s rls=%s comment=%s', oid::regclass, relkind, relrowsecurity,
                obj_description(oid, 'pg_class'))
    from pg_class where relnamespace in ('public'::regnamespace, 'seedgen'::regnamespace) and relkind in ('r', 'v', 'm')
  union all
  select format('matview %s acl=%s query=%s', oid::regclass, relacl, md5(pg_get_viewdef(oid)))
    from pg_class where relnamespace = 'public'::regnamespace and relkind = 'm'
  union all
  select format('matview column %s.%s %s', a.attrelid::regclass, a.attname, format_type(a.atttypid, a.atttypmod))
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'm' and a.attnum > 0 and not a.attisdropped
  union all
  select format('grant %s %s %s', grantee, table_name, privilege_type)
    from information_schema.role_table_grants where table_schema = 'public'
) facts(fact)
)sql";

}  // namespace seedgen::testing

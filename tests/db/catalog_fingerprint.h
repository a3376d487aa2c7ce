// catalog_fingerprint.h: the schema facts a load must not change, as one sorted text, for before/after
// comparisons: columns (type, default, nullability, order, collation, statistics target, options), constraints,
// indexes (with CLUSTER and replica-identity marks), triggers (and whether they fire), policies, relations
// (kind, RLS enabled and forced, owner, options, persistence, replica identity, tablespace, partition key and
// default partition), comments on relations, columns, indexes, constraints, triggers and policies, table and
// column grants (with grantor and grant option), publication membership (with row filter and columns), the
// materialized views' query and columns, and the functions' definitions (a load points a view's functions at
// its staging schema for a moment). Every name is printed relative to an empty search_path, so an object
// that points at a relation of another schema (a staging schema, the old fleet's) shows it. Partitions of a
// partitioned table are left out: a load creates them for the days it loads (tests check them apart).
// A column option pg_attver=N is left out too: some servers (seen with Debian's 15.20-0+deb12u1) give every
// new relation's columns one, a number of their own that no statement sets, so a table a load rebuilds can
// never keep it (and the loader does not try: sql/loader/fleet_objects.sql); the other options are compared.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

namespace seedgen::testing {

inline constexpr const char* kCatalogFingerprintSql = R"sql(
select pg_catalog.set_config('search_path', '', false);
with relations as (
  select c.oid, c.relname, n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname in ('public', 'seedgen') and not c.relispartition and c.relkind in ('r', 'p', 'v', 'm')
)
select string_agg(replace(fact, E'\n', ' '), E'\n' order by fact) from (
  select format('column %s.%s #%s %s default=%s notnull=%s collation=%s statistics=%s options=%s',
                a.attrelid::regclass, a.attname, rank() over (partition by a.attrelid order by a.attnum),
                format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid), a.attnotnull,
                a.attcollation::regcollation, a.attstattarget,
                array(select o from unnest(a.attoptions) with ordinality u(o, n) where o not like 'pg\_attver=%' order by n))
    from pg_attribute a join relations r on r.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attnum > 0 and not a.attisdropped
  union all
  select format('constraint %s %s %s deferrable=%s deferred=%s', conrelid::regclass, conname, pg_get_constraintdef(c.oid),
                condeferrable, condeferred)
    from pg_constraint c join relations r on r.oid = c.conrelid
  union all
  select format('index %s %s clustered=%s replica_identity=%s tablespace=%s', indexrelid::regclass,
                pg_get_indexdef(indexrelid), indisclustered, indisreplident, x.reltablespace)
    from pg_index i join relations r on r.oid = i.indrelid join pg_class x on x.oid = i.indexrelid
  union all
  select format('trigger %s enabled=%s', pg_get_triggerdef(t.oid), tgenabled)
    from pg_trigger t join relations r on r.oid = t.tgrelid where not tgisinternal
  union all
  select format('policy %s.%s %s %s %s %s %s %s', schemaname, tablename, policyname, permissive, roles, cmd, qual,
                with_check)
    from pg_policies
  union all
  select format('relation %s kind=%s rls=%s forced=%s owner=%s options=%s persistence=%s replica=%s tablespace=%s '
                'partitioned=%s default=%s', c.oid::regclass, relkind, relrowsecurity, relforcerowsecurity,
                pg_get_userbyid(relowner), reloptions, relpersistence, relreplident, reltablespace,
                pg_get_partkeydef(c.oid), p.partdefid::regclass)
    from pg_class c join relations r on r.oid = c.oid left join pg_partitioned_table p on p.partrelid = c.oid
  union all
  select format('comment on %s: %s', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description)
    from pg_description d
   where (d.classoid = 'pg_class'::regclass and (d.objoid in (select oid from relations)
                                                 or d.objoid in (select indexrelid from pg_index i join relations r on r.oid = i.indrelid)))
      or (d.classoid = 'pg_constraint'::regclass and d.objoid in (select c.oid from pg_constraint c join relations r on r.oid = c.conrelid))
      or (d.classoid = 'pg_trigger'::regclass and d.objoid in (select t.oid from pg_trigger t join relations r on r.oid = t.tgrelid))
      or (d.classoid = 'pg_policy'::regclass and d.objoid in (select p.oid from pg_policy p join relations r on r.oid = p.polrelid))
  union all
  select format('grant %s on %s to %s by %s grantable=%s', a.privilege_type, c.oid::regclass,
                case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end, pg_get_userbyid(a.grantor),
                a.is_grantable)
    from pg_class c join relations r on r.oid = c.oid cross join lateral aclexplode(c.relacl) a
  union all
  select format('grant %s (%s) on %s to %s by %s grantable=%s', a.privilege_type, att.attname, att.attrelid::regclass,
                case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end, pg_get_userbyid(a.grantor),
                a.is_grantable)
    from pg_attribute att join relations r on r.oid = att.attrelid cross join lateral aclexplode(att.attacl) a
  union all
  select format('publication %s %s.%s columns=%s where=%s', pubname, schemaname, tablename, attnames, rowfilter)
    from pg_publication_tables where schemaname in ('public', 'seedgen')
  union all
  select format('matview %s query=%s', c.oid::regclass, md5(pg_get_viewdef(c.oid)))
    from pg_class c join relations r on r.oid = c.oid where c.relkind in ('m', 'v')
  union all
  select format('function %s %s', p.oid::regprocedure, md5(pg_get_functiondef(p.oid)))
    from pg_proc p where p.pronamespace in ('public'::regnamespace, 'seedgen'::regnamespace) and p.prokind = 'f'
  union all
  select format('schema %s', nspname) from pg_namespace where nspname like 'seedgen%'
) facts(fact)
)sql";

// catalog_difference: the facts only `expected` has ("- ...") and only `actual` has ("+ ..."), one per line;
// empty when the catalogs agree. Keeps a failing test's message to what differs.
inline std::string catalog_difference(const std::string& expected, const std::string& actual) {
  auto facts = [](const std::string& text) {
    std::multiset<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.insert(line);
    return lines;
  };
  const auto before = facts(expected), after = facts(actual);
  std::string difference;
  for (const auto& line : before) if (after.count(line) < before.count(line)) difference += "- " + line + "\n";
  for (const auto& line : after) if (before.count(line) < after.count(line)) difference += "+ " + line + "\n";
  return difference;
}

}  // namespace seedgen::testing

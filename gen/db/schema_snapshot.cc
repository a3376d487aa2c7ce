#include "db/schema_snapshot.h"

#include <chrono>

namespace seedgen {
namespace {

std::string table_array(pqxx::transaction_base& transaction, const std::vector<std::string>& tables) {
  std::string array = "array[";
  for (size_t index = 0; index < tables.size(); ++index) {
    array += (index > 0 ? ", " : "") + transaction.quote(tables[index]);
  }
  return array + "]::regclass[]";
}

std::vector<SchemaObject> query_objects(pqxx::transaction_base& transaction, const std::string& sql) {
  std::vector<SchemaObject> objects;
  for (const auto& row : transaction.exec(sql)) {
    objects.push_back(
        {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>()});
  }
  return objects;
}

// constraints_query: an FK's conindid is the referenced table's index, so only keys name their own index.
std::string constraints_query(const std::string& tables, const std::string& types) {
  return "select format('%I.%I', n.nspname, r.relname), quote_ident(c.conname), pg_get_constraintdef(c.oid), "
         "case when c.contype in ('p', 'u') then coalesce(x.relname::text, '') else '' end "
         "from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace "
         "left join pg_class x on x.oid = c.conindid "
         "where c.conrelid = any(" + tables + ") and c.contype = any(array[" + types + "]::char[]) "
         "order by n.nspname, r.relname, c.conname";
}

// timed_build: runs one rebuild statement and measures it on the monotonic clock.
BuildTiming timed_build(pqxx::transaction_base& transaction, const std::string& index_name, const std::string& sql) {
  const auto started = std::chrono::steady_clock::now();
  transaction.exec(sql);
  return {index_name, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()};
}

}  // namespace

SchemaSnapshot capture_schema(pqxx::transaction_base& transaction, const std::vector<std::string>& tables) {
  const std::string array = table_array(transaction, tables);
  SchemaSnapshot snapshot;
  snapshot.keys = query_objects(transaction, constraints_query(array, "'p', 'u'"));
  snapshot.foreign_keys = query_objects(transaction, constraints_query(array, "'f'"));
  snapshot.indexes = query_objects(
      transaction,
      "select format('%I.%I', n.nspname, r.relname), format('%I.%I', n.nspname, x.relname), "
      // An index's comment goes with it (seedbench finds the query catalog's indexes by theirs).
      "pg_get_indexdef(i.indexrelid) || coalesce(format('; comment on index %I.%I is %L', n.nspname, x.relname, "
      "obj_description(x.oid, 'pg_class')), ''), x.relname::text "
      "from pg_index i join pg_class x on x.oid = i.indexrelid join pg_class r on r.oid = i.indrelid "
      "join pg_namespace n on n.oid = r.relnamespace "
      "where i.indrelid = any(" + array + ") and not exists (select 1 from pg_constraint c "
      "where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x')) "
      "order by n.nspname, r.relname, x.relname");
  return snapshot;
}

void drop_schema_objects(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot) {
  for (const auto& key : snapshot.foreign_keys) transaction.exec("alter table " + key.table + " drop constraint " + key.name);
  for (const auto& key : snapshot.keys) transaction.exec("alter table " + key.table + " drop constraint " + key.name);
  for (const auto& index : snapshot.indexes) transaction.exec("drop index " + index.name);
}

std::vector<BuildTiming> restore_keys(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot) {
  std::vector<BuildTiming> timings;
  for (const auto& key : snapshot.keys) {
    timings.push_back(timed_build(transaction, key.index_name,
                                  "alter table " + key.table + " add constraint " + key.name + " " + key.definition));
  }
  return timings;
}

std::vector<BuildTiming> restore_indexes(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot) {
  std::vector<BuildTiming> timings;
  for (const auto& index : snapshot.indexes) timings.push_back(timed_build(transaction, index.index_name, index.definition));
  return timings;
}

void restore_foreign_keys(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot) {
  for (const auto& key : snapshot.foreign_keys) {
    transaction.exec("alter table " + key.table + " add constraint " + key.name + " " + key.definition);
  }
}

}  // namespace seedgen

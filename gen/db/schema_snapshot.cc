#include "db/schema_snapshot.h"

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
    objects.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
  }
  return objects;
}

std::string constraints_query(const std::string& tables, const std::string& types) {
  return "select format('%I.%I', n.nspname, r.relname), quote_ident(c.conname), pg_get_constraintdef(c.oid) "
         "from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace "
         "where c.conrelid = any(" + tables + ") and c.contype = any(array[" + types + "]::char[]) "
         "order by n.nspname, r.relname, c.conname";
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
      "pg_get_indexdef(i.indexrelid) "
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

void restore_keys(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot) {
  for (const auto& key : snapshot.keys) {
    transaction.exec("alter table " + key.table + " add constraint " + key.name + " " + key.definition);
  }
}

void restore_indexes(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot) {
  for (const auto& index : snapshot.indexes) transaction.exec(index.definition);
}

void restore_foreign_keys(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot) {
  for (const auto& key : snapshot.foreign_keys) {
    transaction.exec("alter table " + key.table + " add constraint " + key.name + " " + key.definition);
  }
}

}  // namespace seedgen

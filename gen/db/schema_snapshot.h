// schema_snapshot.h: sets a set of tables' indexes and constraints aside for a bulk load and puts them
// back exactly. The definitions are captured from the catalog (pg_get_constraintdef / pg_get_indexdef)
// inside the load's transaction, so restoring them reproduces the migrated catalog; if the transaction
// aborts, nothing was ever dropped. Every key and index rebuild is timed on its own, for the run log.
#pragma once

#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace seedgen {

struct SchemaObject {
  std::string table;        // schema-qualified, quoted
  std::string name;         // quoted (an index's is schema-qualified)
  std::string definition;   // constraint definition, or the full CREATE INDEX (and COMMENT ON INDEX) statement
  std::string index_name;   // the index it is or is backed by, unquoted and unqualified; "" for an FK
};

// BuildTiming: how long one key or index took to rebuild.
struct BuildTiming {
  std::string index_name;   // unquoted, unqualified, e.g. instances_pkey
  double seconds = 0;
};

struct SchemaSnapshot {
  std::vector<SchemaObject> keys;          // primary keys and unique constraints
  std::vector<SchemaObject> indexes;       // indexes that back no constraint
  std::vector<SchemaObject> foreign_keys;
};

// capture_schema: the keys, indexes and FKs of `tables` (qualified names).
SchemaSnapshot capture_schema(pqxx::transaction_base& transaction, const std::vector<std::string>& tables);

// drop_schema_objects: FKs first, then keys, then indexes.
void drop_schema_objects(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot);

// restore_*: keys (with their indexes), then the other indexes, then FKs (validated against the data).
// restore_keys and restore_indexes rebuild in snapshot order and return each object's build time.
std::vector<BuildTiming> restore_keys(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot);
std::vector<BuildTiming> restore_indexes(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot);
void restore_foreign_keys(pqxx::transaction_base& transaction, const SchemaSnapshot& snapshot);

}  // namespace seedgen

// staged_partitions.cc: the part of StagedBuild (staged_build.h) that knows partitioned tables: creating a
// staged table with the partitions the plan holds, routing its rows to them, and building its indexes
// partition by partition, in parallel, before the table's own indexes and keys attach them.
#include <optional>
#include <sstream>

#include "core/error.h"
#include "db/connection.h"
#include "db/session.h"
#include "db/staged_build.h"
#include "embedded_sql/loader.h"
#include "pipeline/fleet_source.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

std::string copy_statement(pqxx::transaction_base& transaction, const std::string& table, const std::string& columns,
                           bool freeze) {
  return run_sql(transaction, sql::loader::copy_statement, table, columns, freeze)[0][0].as<std::string>();
}

// column_position: where `column` is in a COPY column list ("id, account_id, date" and "date" give 2), or
// nothing when the list does not name it.
std::optional<size_t> column_position(const std::string& columns, const std::string& column) {
  std::istringstream list(columns);
  size_t position = 0;
  for (std::string name; std::getline(list, name, ',');) {
    name.erase(0, name.find_first_not_of(' '));
    if (name == column) return position;
    ++position;
  }
  return std::nullopt;
}

}  // namespace

void StagedBuild::prepare_copy(pqxx::transaction_base& transaction, const TableSpec& spec,
                               std::map<std::string, std::string>& statements,
                               std::map<std::string, PartitionRoute>& routes, std::set<std::string>& account_tables) {
  const std::string table = spec.name;
  std::string columns = spec.columns;
  for (const auto& statement : plan_.statements) {
    if (!statement.view && statement.table == table && (statement.kind == "create" || statement.kind == "partition")) {
      transaction.exec(statement.sql);
    }
  }
  const auto distribution = plan_.distributions.find(table);
  if (distribution != plan_.distributions.end()) transaction.exec(distribution->second);
  if (plan_.with_account_id.count(table) != 0 && !column_position(columns, "account_id")) {
    columns += ", account_id";   // CopySink appends it to every row
    account_tables.insert(spec.qualified_name());
  }
  const auto partitions = plan_.partitions.find(table);
  if (partitions == plan_.partitions.end()) {
    statements[spec.qualified_name()] = copy_statement(transaction, table, columns, true);
    return;
  }
  // Each partition is created in this transaction, so COPY can FREEZE it (the partitioned table cannot).
  PartitionRoute route;
  const std::optional<size_t> date_field = column_position(columns, partitions->second.column);
  if (!date_field) {
    throw Error(ErrorKind::kLoad, "the generated rows of " + table + " have no column " + partitions->second.column +
                                      " to route them to their partitions by");
  }
  route.date_field = *date_field;
  for (const auto& leaf : partitions->second.leaves) {
    transaction.exec(run_sql(transaction, sql::loader::partition_statement, leaf.name, table, leaf.from, leaf.to)[0][0]
                         .as<std::string>());
    route.spans.push_back({leaf.from, leaf.to, copy_statement(transaction, leaf.name, columns, true)});
  }
  const std::string& other = partitions->second.default_leaf;
  route.other_statement = other.empty() ? copy_statement(transaction, table, columns, false)
                                        : copy_statement(transaction, other, columns, true);
  routes[spec.qualified_name()] = std::move(route);
}

std::vector<size_t> StagedBuild::add_partitioned_index_tasks(const std::string& table, size_t table_index,
                                                             size_t copied) {
  const PartitionPlan& partitions = plan_.partitions.at(table);
  std::vector<std::string> leaves;
  for (const auto& leaf : partitions.leaves) leaves.push_back(leaf.name);
  if (!partitions.default_leaf.empty()) leaves.push_back(partitions.default_leaf);
  std::vector<const FleetStatement*> indexes, keys, own_indexes;
  for (const auto& statement : plan_.statements) {
    if (statement.view || statement.table != table) continue;
    if (statement.kind == "unique_index" || statement.kind == "index") indexes.push_back(&statement);
    if (statement.kind == "index") own_indexes.push_back(&statement);
    if (statement.kind == "key") keys.push_back(&statement);
  }
  std::vector<size_t> leaf_keys;
  for (const auto& leaf : leaves) {
    std::vector<size_t> built = {copied};
    std::vector<std::pair<std::string, std::string>> leaf_keys_of;   // leaf index, constraint type
    for (size_t position = 0; position < indexes.size(); ++position) {
      const FleetStatement& index = *indexes[position];
      const std::string name = leaf + "_" + std::to_string(position + 1);
      for (const auto* key : keys) {
        if (key->object == index.object && index.kind == "unique_index") {
          leaf_keys_of.push_back({name, key->sql.find(" PRIMARY KEY ") != std::string::npos ? "primary key" : "unique"});
        }
      }
      ++step_totals_["indexes"];
      const double share = index_weight(index.sql) / static_cast<double>(leaves.size());
      built.push_back(add("indexes", name + " on " + leaf, {copied}, [this, &index, name, leaf](Connection& connection) {
        pqxx::work transaction(connection.session());
        const auto started = std::chrono::steady_clock::now();
        transaction.exec(run_sql(transaction, sql::loader::partition_index_statement, index.sql, name, leaf)[0][0]
                             .as<std::string>());
        transaction.commit();
        record_build(index.object, elapsed_since(started));
        step("indexes", name);
      }, [this, table_index, share] { return share * static_cast<double>(1 + source_.table_bytes(table_index)); }));
    }
    leaf_keys.push_back(add("indexes", "keys of " + leaf, built, [leaf, leaf_keys_of](Connection& connection) {
      pqxx::work transaction(connection.session());
      for (const auto& [index, type] : leaf_keys_of) {
        transaction.exec(run_sql(transaction, sql::loader::partition_key_statement, leaf, index, type)[0][0]
                             .as<std::string>());
      }
      transaction.commit();
    }, [] { return kKeysPriority; }));
  }
  step_totals_["keys"] += static_cast<int>(keys.size());
  // The table's own keys and indexes find their partitions' and attach them: nothing is built again.
  return {add("indexes", "keys and indexes of " + table, leaf_keys, [this, keys, own_indexes](Connection& connection) {
    pqxx::work transaction(connection.session());
    for (const auto* key : keys) transaction.exec(key->sql);
    for (const auto* index : own_indexes) transaction.exec(index->sql);
    transaction.commit();
    for (const auto* key : keys) step("keys", key->object);
  }, [] { return kKeysPriority; })};
}

}  // namespace seedgen

#include "db/fleet_plan.h"

#include "core/error.h"
#include "db/session.h"
#include "embedded_sql/loader.h"

namespace seedgen {

std::vector<const FleetStatement*> FleetPlan::statements_of(const std::string& kind, bool view) const {
  std::vector<const FleetStatement*> found;
  for (const auto& statement : statements) {
    if (statement.kind == kind && statement.view == view) found.push_back(&statement);
  }
  return found;
}

bool FleetPlan::kept_by_citus(const FleetStatement& statement) const {
  const bool column_setting = statement.kind == "table_setting" && statement.object != statement.table;
  return !(column_setting && distributions.count(statement.table) != 0);
}

std::vector<std::string> FleetPlan::views() const {
  std::vector<std::string> names;
  for (const auto* statement : statements_of("matview", true)) names.push_back(statement->table);
  return names;
}

void install_catalog_functions(pqxx::transaction_base& transaction) {
  transaction.exec(std::string(sql::loader::fleet_objects));
  transaction.exec(std::string(sql::loader::view_functions));
}

std::string fleet_search_path(const std::vector<std::string>& live_tables) {
  std::vector<std::string> schemas;
  for (const auto& table : live_tables) {
    const std::string schema = table.substr(0, table.find('.'));
    bool seen = false;
    for (const auto& known : schemas) seen = seen || known == schema;
    if (!seen) schemas.push_back(schema);
  }
  std::string path;
  for (const auto& schema : schemas) path += (path.empty() ? "\"" : ", \"") + schema + "\"";
  return path;
}

void refuse_foreign_dependents(pqxx::transaction_base& transaction, const std::vector<std::string>& live_tables) {
  const auto found = run_sql(transaction, sql::loader::foreign_dependents, text_array(live_tables));
  if (found.empty()) return;
  throw Error(ErrorKind::kTarget, "cannot replace the fleet: " + found[0][0].as<std::string>() + " depends on " +
                                      found[0][1].as<std::string>() +
                                      " and a load cannot recreate it; drop it, or load into another database");
}

namespace {

void plan_partitions(pqxx::transaction_base& transaction, FleetPlan& plan, const std::optional<DayWindow>& days) {
  for (const auto& statement : plan.statements) {
    if (statement.kind == "create" && statement.partitioned) plan.partitions[statement.table];
    if (statement.kind == "partition") plan.partitions[statement.table].default_leaf = statement.object;
  }
  if (plan.partitions.empty() || !days) return;
  if (!run_sql(transaction, sql::loader::has_partition_bounds)[0][0].as<bool>()) return;
  for (const auto& row : run_sql(transaction, sql::loader::partition_plan, text_array(plan.live_tables), days->first,
                                 days->last)) {
    PartitionPlan& partitions = plan.partitions[row[0].as<std::string>()];
    partitions.column = row[4].as<std::string>();
    partitions.leaves.push_back({row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>()});
  }
}

}  // namespace

FleetPlan capture_fleet_plan(pqxx::transaction_base& transaction, const std::vector<std::string>& live_tables,
                             const std::string& stage_schema, const std::optional<DayWindow>& days) {
  FleetPlan plan;
  plan.live_tables = live_tables;
  plan.live_search_path = fleet_search_path(live_tables);
  // Every name the catalog prints is relative to this path; the staged builds put their schema before it.
  set_setting(transaction, "search_path", plan.live_search_path, true);
  const std::string tables = text_array(live_tables);
  for (const auto& row : run_sql(transaction, sql::loader::capture_objects, tables)) {
    plan.statements.push_back({row[0].as<std::string>(), row[1].as<bool>(), row[2].as<bool>(), row[3].as<std::string>(),
                               row[4].as<std::string>(), row[5].as<std::string>(), row[6].as<std::string>()});
  }
  for (const auto& row : run_sql(transaction, sql::loader::capture_view_functions, tables, stage_schema)) {
    plan.view_functions.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>()});
  }
  plan_partitions(transaction, plan, days);
  if (run_sql(transaction, sql::loader::has_citus)[0][0].as<bool>()) {
    for (const auto& row : run_sql(transaction, sql::loader::distribution_statements, tables)) {
      plan.distributions[row[0].as<std::string>()] = row[1].as<std::string>();
    }
  }
  for (const auto& row : run_sql(transaction, sql::loader::account_id_tables, tables)) {
    plan.with_account_id.insert(row[0].as<std::string>());
  }
  return plan;
}

}  // namespace seedgen

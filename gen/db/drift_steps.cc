#include "db/drift_steps.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/copy_sink.h"
#include "db/session.h"
#include "drift/drift.h"
#include "embedded_sql/drift.h"
#include "pipeline/pipeline.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

// parent_first: table_specs() indexes ordered so that a table comes after every table its foreign keys
// reference (ties in registry order).
std::vector<size_t> parent_first(pqxx::transaction_base& transaction) {
  const auto& specs = table_specs();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < specs.size(); ++i) index[specs[i].qualified_name()] = i;
  std::vector<std::set<size_t>> parents(specs.size());
  for (const auto& row : run_sql(transaction, sql::drift::foreign_keys)) {
    const auto child = index.find(row[0].as<std::string>()), parent = index.find(row[1].as<std::string>());
    if (child != index.end() && parent != index.end()) parents[child->second].insert(parent->second);
  }
  std::vector<size_t> order;
  std::vector<bool> placed(specs.size(), false);
  while (order.size() < specs.size()) {
    const size_t before = order.size();
    for (size_t i = 0; i < specs.size(); ++i) {
      if (placed[i]) continue;
      bool ready = true;
      for (size_t parent : parents[i]) ready = ready && placed[parent];
      if (!ready) continue;
      placed[i] = true;
      order.push_back(i);
    }
    if (order.size() == before) throw Error(ErrorKind::kTarget, "the fleet's foreign keys form a cycle");
  }
  return order;
}

const std::vector<std::string>& lines_of(const DayDiff& diff, size_t table, Change change) {
  const TableDiff& changes = diff.tables[table];
  return change == Change::kInsert ? changes.inserts : change == Change::kUpdate ? changes.updates : changes.deletes;
}

void add_steps(std::vector<DayStep>& steps, const DayDiff& diff, size_t table, Change change, size_t max_rows) {
  const size_t total = lines_of(diff, table, change).size();
  for (size_t first = 0; first < total; first += max_rows) {
    steps.push_back(DayStep{table, change, first, std::min(max_rows, total - first)});
  }
}

// copy_text: COPY `bytes` with `statement`, on the transaction's session.
void copy_text(Connection& connection, const TableSpec& spec, const std::string& statement, const std::string& bytes) {
  CopySink sink(connection, {{spec.qualified_name(), statement}});
  sink.begin_table(spec);
  sink.write(spec, bytes);
  sink.end_table(spec);
  sink.finish();
}

// TableStatements: the columns of sql/drift/table_statements.sql.
struct TableStatements {
  std::string create_rows, create_keys, copy_rows, copy_keys, insert, update, remove, drop;
};

TableStatements statements_for(pqxx::transaction_base& transaction, const TableSpec& spec) {
  const auto row = run_sql(transaction, sql::drift::table_statements, spec.qualified_name(), std::string(spec.columns),
                           table_key_fields(spec))[0];
  return {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
          row[4].as<std::string>(), row[5].as<std::string>(), row[6].as<std::string>(), row[7].as<std::string>()};
}

// event_statement: the statement of sql/drift/event_statements.sql that records `change`'s events, or "".
std::string event_statement(pqxx::transaction_base& transaction, const TableSpec& spec, Change change, int64_t run_id,
                            int32_t day) {
  const auto rows = run_sql(transaction, sql::drift::event_statements, spec.qualified_name(), run_id, iso_date(day),
                            std::string(spec.columns), table_key_fields(spec));
  if (rows.empty()) return "";
  const auto& field = rows[0][change == Change::kInsert ? 0 : change == Change::kUpdate ? 1 : 2];
  return field.is_null() ? "" : field.as<std::string>();
}

// change_actions: the statements that change the table from the staged rows or keys, events first (an
// update's and a delete's events read the stored rows before they change).
void change_actions(pqxx::transaction_base& transaction, const TableSpec& spec, const TableStatements& statements,
                    Change change, const std::string& events, std::vector<StepAction>& actions) {
  if (!events.empty()) actions.push_back({events});
  if (change == Change::kInsert) actions.push_back({statements.insert});
  if (change == Change::kDelete) actions.push_back({statements.remove});
  if (change != Change::kUpdate) return;
  const auto triggers = run_sql(transaction, sql::drift::updated_at_triggers, spec.qualified_name());
  for (const auto& trigger : triggers) actions.push_back({trigger[0].as<std::string>()});
  actions.push_back({statements.update});
  for (const auto& trigger : triggers) actions.push_back({trigger[1].as<std::string>()});
}

// step_actions: the statements that write a step of `change` to `table` for run `run_id` on the diff's day.
std::vector<StepAction> step_actions(pqxx::transaction_base& transaction, size_t table, Change change, int64_t run_id,
                                     int32_t day) {
  const TableSpec& spec = table_specs()[table];
  const TableStatements statements = statements_for(transaction, spec);
  std::vector<StepAction> actions = {{statements.create_rows}, {statements.create_keys},
                                     {change == Change::kDelete ? statements.copy_keys : statements.copy_rows, true}};
  change_actions(transaction, spec, statements, change, event_statement(transaction, spec, change, run_id, day), actions);
  actions.push_back({statements.drop});
  return actions;
}

}  // namespace

std::string counts_json(const std::map<std::string, uint64_t>& counts) { return nlohmann::json(counts).dump(); }

std::string checksums_json(const GenerationResult& generated) {
  nlohmann::json checksums = nlohmann::json::object();
  for (const auto& [table, stats] : generated.tables) checksums[table] = stats.sha256;
  return checksums.dump();
}

DayCounts count_changes(const DayDiff& diff) {
  DayCounts counts;
  const auto& specs = table_specs();
  for (size_t table = 0; table < specs.size(); ++table) {
    const TableDiff& changes = diff.tables[table];
    if (!changes.inserts.empty()) counts.inserted[specs[table].qualified_name()] = changes.inserts.size();
    if (!changes.updates.empty()) counts.updated[specs[table].qualified_name()] = changes.updates.size();
    if (!changes.deletes.empty()) counts.deleted[specs[table].qualified_name()] = changes.deletes.size();
  }
  return counts;
}

DayPlan::DayPlan(pqxx::transaction_base& transaction, const DayDiff& diff, int64_t run_id, size_t max_rows) {
  const auto order = parent_first(transaction);
  for (size_t table : order) add_steps(steps_, diff, table, Change::kInsert, max_rows);
  for (size_t table : order) add_steps(steps_, diff, table, Change::kUpdate, max_rows);
  for (auto table = order.rbegin(); table != order.rend(); ++table) add_steps(steps_, diff, *table, Change::kDelete, max_rows);
  for (const DayStep& step : steps_) {
    auto& actions = actions_[{step.table, step.change}];
    if (actions.empty()) actions = step_actions(transaction, step.table, step.change, run_id, diff.to_day);
  }
}

std::string step_text(const DayDiff& diff, const DayStep& step) {
  const auto& lines = lines_of(diff, step.table, step.change);
  std::string text;
  for (size_t i = step.first; i < step.first + step.count; ++i) text.append(lines[i]).push_back('\n');
  return text;
}

void write_day_step(Connection& connection, pqxx::transaction_base& transaction, const DayDiff& diff, const DayPlan& plan,
                    const DayStep& step) {
  const TableSpec& spec = table_specs()[step.table];
  for (const StepAction& action : plan.actions(step)) {
    if (action.copy) {
      copy_text(connection, spec, action.sql, step_text(diff, step));
    } else {
      transaction.exec(action.sql);
    }
  }
}

}  // namespace seedgen

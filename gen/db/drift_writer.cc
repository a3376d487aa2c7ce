#include "db/drift_writer.h"

#include <chrono>
#include <functional>
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

int32_t day_of(const pqxx::field& field) {
  const auto day = parse_iso_date(field.as<std::string>());
  if (!day) throw Error(ErrorKind::kTarget, "seedgen's bookkeeping holds a date that is not a date: " + field.as<std::string>());
  return *day;
}

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

// copy_lines: COPY `lines` (each without its newline) with `statement`, on the transaction's session.
void copy_lines(Connection& connection, const TableSpec& spec, const std::string& statement,
                const std::vector<std::string>& lines) {
  std::string bytes;
  for (const auto& line : lines) bytes.append(line).push_back('\n');
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

// DayWriter: one attempt at writing the day, inside `transaction`.
class DayWriter {
 public:
  DayWriter(Connection& connection, pqxx::work& transaction, const DayDiff& diff, DayReport& report)
      : connection_(connection), transaction_(transaction), diff_(diff), report_(report) {}

  void write() {
    const auto order = parent_first(transaction_);
    const auto& specs = table_specs();
    for (size_t table : order) insert(specs[table], diff_.tables[table].inserts);
    for (size_t table : order) update(specs[table], diff_.tables[table].updates);
    for (auto table = order.rbegin(); table != order.rend(); ++table) remove(specs[*table], diff_.tables[*table].deletes);
  }

 private:
  void insert(const TableSpec& spec, const std::vector<std::string>& rows) {
    if (rows.empty()) return;
    const TableStatements statements = statements_for(transaction_, spec);
    staged(spec, statements, statements.copy_rows, rows, [&] { transaction_.exec(statements.insert); });
    report_.inserted[spec.qualified_name()] = rows.size();
  }

  void update(const TableSpec& spec, const std::vector<std::string>& rows) {
    if (rows.empty()) return;
    const TableStatements statements = statements_for(transaction_, spec);
    const auto triggers = run_sql(transaction_, sql::drift::updated_at_triggers, spec.qualified_name());
    staged(spec, statements, statements.copy_rows, rows, [&] {
      for (const auto& trigger : triggers) transaction_.exec(trigger[0].as<std::string>());
      transaction_.exec(statements.update);
      for (const auto& trigger : triggers) transaction_.exec(trigger[1].as<std::string>());
    });
    report_.updated[spec.qualified_name()] = rows.size();
  }

  void remove(const TableSpec& spec, const std::vector<std::string>& keys) {
    if (keys.empty()) return;
    const TableStatements statements = statements_for(transaction_, spec);
    staged(spec, statements, statements.copy_keys, keys, [&] { transaction_.exec(statements.remove); });
    report_.deleted[spec.qualified_name()] = keys.size();
  }

  // staged: creates the temporary tables of rows and keys, COPYs `lines` with `copy`, runs `apply` (which
  // changes the table from them) and drops them.
  void staged(const TableSpec& spec, const TableStatements& statements, const std::string& copy,
              const std::vector<std::string>& lines, const std::function<void()>& apply) {
    transaction_.exec(statements.create_rows);
    transaction_.exec(statements.create_keys);
    copy_lines(connection_, spec, copy, lines);
    apply();
    transaction_.exec(statements.drop);
  }

  Connection& connection_;
  pqxx::work& transaction_;
  const DayDiff& diff_;
  DayReport& report_;
};

std::string counts_json(const std::map<std::string, uint64_t>& counts) { return nlohmann::json(counts).dump(); }

std::string checksums_json(const GenerationResult& generated) {
  nlohmann::json checksums = nlohmann::json::object();
  for (const auto& [table, stats] : generated.tables) checksums[table] = stats.sha256;
  return checksums.dump();
}

std::string holder(Connection& connection) {
  std::vector<std::string> tables;
  for (const auto& spec : table_specs()) tables.push_back(spec.qualified_name());
  pqxx::work transaction(connection.session());
  const auto found = run_sql(transaction, sql::drift::lock_holder, text_array(tables));
  if (found.empty()) return "";
  return describe_holder(found[0][0].as<int>(), found[0][1].as<std::string>(), found[0][2].as<std::string>(),
                         found[0][3].as<long>(), found[0][5].as<std::string>() + " on " + found[0][4].as<std::string>());
}

}  // namespace

std::optional<DriftState> read_drift_state(Connection& connection) {
  pqxx::work transaction(connection.session());
  if (!run_sql(transaction, sql::drift::has_drift_ledger)[0][0].as<bool>()) return std::nullopt;
  const auto rows = run_sql(transaction, sql::drift::drift_state);
  if (rows.empty()) return std::nullopt;
  const auto& row = rows[0];
  DriftState state;
  state.run_id = row[0].as<int64_t>();
  state.profile = row[1].as<std::string>();
  state.seed = row[2].as<uint64_t>();
  state.profile_overrides = row[3].as<std::string>();
  state.load_day = day_of(row[4]);
  state.seedgen_version = row[5].as<std::string>();
  state.current_day = row[6].is_null() ? state.load_day : day_of(row[6]);
  state.checksums = nlohmann::json::parse(row[7].as<std::string>()).get<std::map<std::string, std::string>>();
  state.days_drifted = row[8].as<int64_t>();
  return state;
}

std::optional<LastRun> read_last_run(Connection& connection) {
  pqxx::work transaction(connection.session());
  if (!run_sql(transaction, sql::drift::has_drift_ledger)[0][0].as<bool>()) return std::nullopt;
  const auto rows = run_sql(transaction, sql::drift::last_run);
  if (rows.empty()) return std::nullopt;
  return LastRun{rows[0][0].as<int64_t>(), rows[0][1].as<std::string>(), rows[0][2].as<std::string>(),
                 rows[0][3].as<std::string>(), rows[0][4].as<std::string>(), rows[0][5].as<std::string>()};
}

DayReport apply_drift_day(Connection& connection, const DriftState& state, const DayDiff& diff,
                          const GenerationResult& generated, const LockPolicy& policy, const std::atomic<bool>* cancel) {
  DayReport report;
  report.day = diff.to_day;
  const auto started = std::chrono::steady_clock::now();
  try {
  retry_on_lock_timeout(policy, "the locks for drift day " + iso_date(diff.to_day), [&] {
    ++report.attempts;
    report.inserted.clear();
    report.updated.clear();
    report.deleted.clear();
    pqxx::work transaction(connection.session());
    set_setting(transaction, "lock_timeout", std::to_string(kLockSliceMs), true);
    set_setting(transaction, "synchronous_commit", "on", true);
    const auto last = run_sql(transaction, sql::drift::lock_run, state.run_id)[0][0];
    const int32_t current = last.is_null() ? state.load_day : day_of(last);
    if (current >= diff.to_day) {
      report.already_applied = true;
      return true;
    }
    if (current != diff.from_day) {
      throw Error(ErrorKind::kTarget, "the estate is at " + iso_date(current) + ", not at " + iso_date(diff.from_day) +
                                          ": another drift moved it meanwhile; run seedgen drift again");
    }
    run_sql(transaction, sql::drift::track_findings, state.run_id, iso_date(diff.from_day));
    DayWriter(connection, transaction, diff, report).write();
    run_generated(transaction, run_sql(transaction, sql::drift::refresh_rollups));
    run_sql(transaction, sql::drift::track_findings, state.run_id, iso_date(diff.to_day));
    run_sql(transaction, sql::drift::record_day, state.run_id, iso_date(diff.to_day), std::string(SEEDGEN_VERSION),
            counts_json(report.inserted), counts_json(report.updated), counts_json(report.deleted),
            checksums_json(generated), generated.monthly_cost, generated.planted_savings);
    if (cancel != nullptr && cancel->load()) {
      throw Error(ErrorKind::kInterrupted, "interrupted; day " + iso_date(diff.to_day) + " was not applied");
    }
    transaction.commit();
    return true;
  }, [&] { return holder(connection); }, cancel);
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kLoad, "drift day " + iso_date(diff.to_day) + " failed: " + describe_sql_error(error) +
                                      "; the estate is still at " + iso_date(diff.from_day));
  } catch (const pqxx::broken_connection& error) {
    throw Error(ErrorKind::kLoad, "drift day " + iso_date(diff.to_day) + " failed: the server closed the connection (" +
                                      first_line(error.what()) + "); the estate is still at " + iso_date(diff.from_day));
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace seedgen

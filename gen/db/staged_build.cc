#include "db/staged_build.h"

#include <algorithm>
#include <chrono>

#include "db/connection.h"
#include "db/copy_sink.h"
#include "db/session.h"
#include "embedded_sql/loader.h"
#include "pipeline/fleet_source.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

const std::vector<std::string> kPhases = {"generate+copy", "indexes", "foreign keys", "settings", "rollups"};

// What a table gets once its data, keys and foreign keys are in place (fleet_objects.sql's kinds); it was
// analyzed as soon as it was copied. A view gets the same, with its ANALYZE.
const std::vector<std::string> kTableSettingKinds = {"identity", "table_setting", "trigger", "trigger_state", "policy",
                                                     "comment",  "grant",         "owner",   "reanalyze"};
const std::vector<std::string> kViewSettingKinds = {"comment", "grant", "owner", "analyze"};

bool is_one_of(const std::string& kind, const std::vector<std::string>& kinds) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

double StagedBuild::elapsed_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

double StagedBuild::index_weight(const std::string& statement) {
  return statement.find(" USING gin ") != std::string::npos ? kGinWeight : 1.0;
}

StagedBuild::StagedBuild(const FleetPlan& plan, FleetSource& source, int connections, StepCallback on_step)
    : plan_(plan), source_(source), on_step_(std::move(on_step)) {
  add_copy_tasks(connections);
  add_index_and_key_tasks();
  add_foreign_key_tasks();
  add_table_settings_tasks();
  add_view_tasks();
  for (const auto& phase : kPhases) {
    if (!phase_tasks_[phase].empty()) phases_.push_back(phase);
  }
}

size_t StagedBuild::add(const std::string& phase, const std::string& name, std::vector<size_t> after,
                        std::function<void(Connection&)> work, std::function<double()> priority) {
  const size_t index = graph_.add({phase, name, std::move(after), std::move(priority),
                                   [phase, name, work = std::move(work)](Connection& connection) {
                                     connection.announce(phase + ": " + name);
                                     work(connection);
                                   }});
  phase_tasks_[phase].push_back(index);
  return index;
}

void StagedBuild::step(const std::string& phase, const std::string& item) {
  // Under the lock, so that the caller sees each phase's steps counted 1, 2, ... in order.
  std::lock_guard lock(mutex_);
  const int done = ++steps_done_[phase];
  if (on_step_) on_step_(phase, done, step_totals_.at(phase), item);
}

void StagedBuild::run_statement(Connection& connection, const FleetStatement& statement) {
  pqxx::nontransaction(connection.session()).exec(statement.sql);
}

void StagedBuild::add_copy_tasks(int connections) {
  const auto jobs = source_.plan_jobs(connections);
  const auto& specs = table_specs();
  size_t previous = 0;
  for (size_t job = 0; job < jobs.size(); ++job) {
    const auto tables = jobs[job].tables;
    const std::string name = tables.size() == 1 ? specs[tables[0]].qualified_name()
                                                : std::to_string(tables.size()) + " tables";
    std::vector<size_t> after;
    if (jobs[job].after_previous && job > 0) after.push_back(previous);
    const uint64_t bytes = source_.table_bytes(tables[0]);
    previous = add("generate+copy", name, after,
                   [this, job, tables](Connection& connection) { copy_job(connection, job, tables); },
                   [bytes, job] { return kCopyPriority + static_cast<double>(bytes) - static_cast<double>(job); });
    for (size_t table : tables) copy_task_of_[specs[table].name] = previous;
  }
}

void StagedBuild::copy_job(Connection& connection, size_t job, const std::vector<size_t>& tables) {
  pqxx::work transaction(connection.session());
  std::map<std::string, std::string> statements;
  std::map<std::string, PartitionRoute> routes;
  std::set<std::string> account_tables;
  for (size_t table : tables) prepare_copy(transaction, table_specs()[table], statements, routes, account_tables);
  CopySink sink(connection, std::move(statements), std::move(routes), std::move(account_tables));
  source_.run_job(job, sink, *stop_);
  sink.finish();
  // Statistics right away, while nothing else holds the table: the views' queries are planned with them,
  // and no ANALYZE has to wait for the table's index builds later.
  for (size_t table : tables) {
    for (const auto* analyze : plan_.statements_of("analyze", false)) {
      if (analyze->table == table_specs()[table].name) transaction.exec(analyze->sql);
    }
  }
  transaction.commit();
}

void StagedBuild::record_build(const std::string& index, double seconds) {
  std::lock_guard lock(mutex_);
  for (auto& build : index_builds_) {
    if (build.index_name != index) continue;
    build.seconds += seconds;   // a partitioned table's index: the sum of its partitions' builds
    return;
  }
  index_builds_.push_back({index, seconds});
}

void StagedBuild::add_index_and_key_tasks() {
  for (const auto& spec : table_specs()) {
    const std::string table = spec.name;
    const size_t copied = copy_task_of_.at(table);
    const size_t table_index = static_cast<size_t>(&spec - table_specs().data());
    if (plan_.partitions.count(table) != 0) {
      built_[table] = add_partitioned_index_tasks(table, table_index, copied);
      continue;
    }
    std::vector<size_t> indexes = {copied};
    for (const auto& statement : plan_.statements) {
      if (statement.view || statement.table != table) continue;
      if (statement.kind != "unique_index" && statement.kind != "index") continue;
      ++step_totals_["indexes"];
      const double weight = index_weight(statement.sql);
      indexes.push_back(add("indexes", statement.object + " on " + table, {copied}, [this, &statement](Connection& connection) {
        const auto started = std::chrono::steady_clock::now();
        run_statement(connection, statement);
        record_build(statement.object, elapsed_since(started));
        step("indexes", statement.object);
      }, [this, table_index, weight] { return weight * static_cast<double>(1 + source_.table_bytes(table_index)); }));
    }
    std::vector<const FleetStatement*> keys;
    for (const auto* key : plan_.statements_of("key", false)) {
      if (key->table == table) keys.push_back(key);
    }
    step_totals_["keys"] += static_cast<int>(keys.size());
    if (keys.empty()) {
      built_[table] = indexes;
      continue;
    }
    built_[table] = {add("indexes", "keys of " + table, indexes, [this, keys](Connection& connection) {
      pqxx::work transaction(connection.session());
      for (const auto* key : keys) transaction.exec(key->sql);
      transaction.commit();
      for (const auto* key : keys) step("keys", key->object);
    }, [] { return kKeysPriority; })};
  }
}

void StagedBuild::add_foreign_key_tasks() {
  auto foreign_keys = plan_.statements_of("foreign_key", false);
  if (foreign_keys.empty()) return;
  step_totals_["foreign keys"] = static_cast<int>(foreign_keys.size());
  // One at a time: each locks its referenced table against the others (most reference cloud_accounts). In
  // the order their tables' keys are likely done: tables of a later copy job first, so that the first job's
  // (the largest table, whose GIN build ends last) do not hold up the others.
  auto copied = [this](const FleetStatement* key) {
    const size_t child = copy_task_of_.at(key->table);
    return key->depends_on.empty() ? child : std::min(child, copy_task_of_.at(key->depends_on));
  };
  std::stable_sort(foreign_keys.begin(), foreign_keys.end(),
                   [&](const FleetStatement* a, const FleetStatement* b) { return copied(a) > copied(b); });
  std::map<std::string, size_t> last_link;
  std::vector<size_t> previous;
  for (const auto* foreign_key : foreign_keys) {
    std::vector<size_t> after = previous;
    for (const auto& table : {foreign_key->table, foreign_key->depends_on}) {
      if (!table.empty()) after.insert(after.end(), built_.at(table).begin(), built_.at(table).end());
    }
    const size_t link = add("foreign keys", foreign_key->object, after, [this, foreign_key](Connection& connection) {
      run_statement(connection, *foreign_key);
      step("foreign keys", foreign_key->object);
    }, [] { return kKeysPriority; });
    for (const auto& table : {foreign_key->table, foreign_key->depends_on}) {
      if (!table.empty()) last_link[table] = link;
    }
    previous = {link};
  }
  for (const auto& [table, link] : last_link) built_[table].push_back(link);
}

void StagedBuild::add_table_settings_tasks() {
  std::vector<size_t> settled;
  for (const auto& spec : table_specs()) {
    const std::string table = spec.name;
    std::vector<const FleetStatement*> settings;
    for (const auto& statement : plan_.statements) {
      if (!statement.view && statement.table == table && is_one_of(statement.kind, kTableSettingKinds) &&
          plan_.kept_by_citus(statement)) {
        settings.push_back(&statement);
      }
    }
    ++step_totals_["settings"];
    settled.push_back(add("settings", table, built_.at(table), [this, table, settings](Connection& connection) {
      pqxx::work transaction(connection.session());
      for (const auto* setting : settings) transaction.exec(setting->sql);
      transaction.commit();
      step("settings", table);
    }, [] { return kLaterPriority; }));
  }
  tables_settled_ = settled;
}

void StagedBuild::add_view_tasks() {
  const auto views = plan_.statements_of("matview", true);
  if (views.empty()) return;
  step_totals_["rollups"] = static_cast<int>(views.size());
  const size_t created = add("rollups", "materialized views", tables_settled_, [this, views](Connection& connection) {
    // The views' functions read the staged tables only inside this transaction; others never see it.
    pqxx::work transaction(connection.session());
    for (const auto& function : plan_.view_functions) transaction.exec(function.redirected);
    for (const auto* view : views) transaction.exec(view->sql);
    for (const auto& function : plan_.view_functions) transaction.exec(function.original);
    transaction.commit();
    for (const auto* view : views) step("rollups", view->table);
  }, [] { return kLaterPriority; });
  for (const auto* view : views) {
    std::vector<size_t> indexed = {created};
    std::vector<const FleetStatement*> settings;
    for (const auto& statement : plan_.statements) {
      if (!statement.view || statement.table != view->table) continue;
      if (statement.kind == "index") {
        ++step_totals_["rollups"];
        indexed.push_back(add("rollups", statement.object + " on " + view->table, {created}, [this, &statement](Connection& connection) {
          run_statement(connection, statement);
          step("rollups", statement.object);
        }, [] { return kLaterPriority; }));
      }
      if (is_one_of(statement.kind, kViewSettingKinds)) settings.push_back(&statement);
    }
    add("rollups", "settings of " + view->table, indexed, [settings](Connection& connection) {
      pqxx::work transaction(connection.session());
      for (const auto* setting : settings) transaction.exec(setting->sql);
      transaction.commit();
    }, [] { return kLaterPriority; });
  }
}

void StagedBuild::run(const std::vector<Connection*>& workers, std::atomic<bool>& stop,
                      const std::function<void(const std::string& phase)>& on_phase) {
  stop_ = &stop;
  size_t current = 0;
  on_phase(phases_.at(0));
  graph_.run(workers, stop, [&](const std::vector<bool>& finished) {
    while (current + 1 < phases_.size()) {
      bool phase_done = true;
      for (size_t task : phase_tasks_[phases_[current]]) phase_done = phase_done && finished[task];
      if (!phase_done) return;
      on_phase(phases_[++current]);
    }
  });
}

std::vector<BuildTiming> StagedBuild::index_builds() const {
  std::lock_guard lock(mutex_);
  return index_builds_;
}

}  // namespace seedgen

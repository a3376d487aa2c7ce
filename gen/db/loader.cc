#include "db/loader.h"

#include <chrono>
#include <thread>

#include "core/error.h"
#include "db/connection.h"
#include "db/copy_sink.h"
#include "db/migrator.h"
#include "db/schema_snapshot.h"
#include "model/world.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

std::vector<std::string> loaded_tables() {
  std::vector<std::string> tables;
  for (const auto& spec : table_specs()) tables.push_back(spec.qualified_name());
  return tables;
}

// first_non_empty_table: the first public table holding rows, or "" when the fleet tables are empty.
std::string first_non_empty_table(pqxx::connection_base& session) {
  pqxx::read_transaction transaction(session);
  for (const auto& spec : table_specs()) {
    if (std::string(spec.schema) != "public") continue;
    if (transaction.exec("select exists (select 1 from " + spec.qualified_name() + ")")[0][0].as<bool>()) {
      return spec.qualified_name();
    }
  }
  return "";
}

// public_materialized_views: every materialized view of schema public, quoted, in name order (the refresh
// order: a view that reads another view must sort after it; today there is one, cost_rollup_monthly).
std::vector<std::string> public_materialized_views(pqxx::transaction_base& transaction) {
  std::vector<std::string> views;
  for (const auto& row : transaction.exec("select format('%I.%I', schemaname, matviewname) from pg_matviews "
                                          "where schemaname = 'public' order by matviewname")) {
    views.push_back(row[0].as<std::string>());
  }
  return views;
}

// CancelWatcher: turns the cancel flag into a server-side query cancel, so that even a long CREATE INDEX
// stops promptly on Ctrl-C.
class CancelWatcher {
 public:
  CancelWatcher(Connection& connection, const std::atomic<bool>* cancel) : connection_(connection), cancel_(cancel) {
    if (cancel_ != nullptr) thread_ = std::thread([this] { watch(); });
  }
  ~CancelWatcher() {
    done_ = true;
    if (thread_.joinable()) thread_.join();
  }
  CancelWatcher(const CancelWatcher&) = delete;
  CancelWatcher& operator=(const CancelWatcher&) = delete;

 private:
  void watch() {
    while (!done_) {
      if (cancel_->load()) {
        try {
          connection_.session().cancel_query();
        } catch (const std::exception&) {
        }
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  Connection& connection_;
  const std::atomic<bool>* cancel_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

bool interrupted(const LoadOptions& options) {
  return options.generation.cancel != nullptr && options.generation.cancel->load();
}

// PhaseClock: times each phase, tells the caller, and names the phase in pg_stat_activity. A signal that
// came between two statements (so the watcher's cancel found nothing running) stops the load at the next
// phase, at the latest before COMMIT.
class PhaseClock {
 public:
  PhaseClock(std::vector<PhaseTiming>& phases, const LoadOptions& options, Connection& connection)
      : phases_(phases), options_(options), connection_(connection) {}
  template <typename Work>
  void run(const std::string& name, Work&& work) {
    if (interrupted(options_)) throw Error(ErrorKind::kInterrupted, "interrupted; nothing was committed");
    if (options_.on_phase) options_.on_phase(name);
    connection_.announce(name);
    const auto started = std::chrono::steady_clock::now();
    work();
    phases_.push_back({name, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()});
  }

 private:
  std::vector<PhaseTiming>& phases_;
  const LoadOptions& options_;
  Connection& connection_;
};

void load_in_transaction(const World& world, const LoadOptions& options, Connection& connection, LoadReport& report) {
  PhaseClock clock(report.phases, options, connection);
  pqxx::work transaction(connection.session());
  const auto tables = loaded_tables();
  SchemaSnapshot snapshot;
  clock.run("prepare", [&] {
    std::string list;
    for (const auto& table : tables) list += (list.empty() ? "" : ", ") + table;
    transaction.exec("truncate " + list);
    snapshot = capture_schema(transaction, tables);
    drop_schema_objects(transaction, snapshot);
  });
  CopySink sink(connection, /*freeze=*/true);
  clock.run("generate+copy", [&] { report.generation = generate(world, options.generation, sink); });
  clock.run("keys", [&] { report.index_builds = restore_keys(transaction, snapshot); });
  clock.run("indexes", [&] {
    for (auto& build : restore_indexes(transaction, snapshot)) report.index_builds.push_back(std::move(build));
  });
  clock.run("foreign keys", [&] { restore_foreign_keys(transaction, snapshot); });
  // The roll-ups read the new rows through the rebuilt indexes; ANALYZE then covers them too.
  const auto views = public_materialized_views(transaction);
  clock.run("rollups", [&] {
    for (const auto& view : views) transaction.exec("refresh materialized view " + view);
  });
  clock.run("analyze", [&] {
    for (const auto& table : tables) transaction.exec("analyze " + table);
    for (const auto& view : views) transaction.exec("analyze " + view);
  });
  complete_run(transaction, report.run_id, report.generation, report.phases, report.index_builds);
  clock.run("commit", [&] { transaction.commit(); });
}

}  // namespace

LoadReport load_fleet(const World& world, const LoadOptions& options) {
  LoadReport report;
  Connection connection(options.url);
  PhaseClock clock(report.phases, options, connection);
  clock.run("migrate", [&] { report.migrated = apply_migrations(connection, load_migration_set(default_migrations_folder())); });
  report.abandoned_runs = mark_abandoned_runs(connection.session());
  if (!options.reset) {
    const std::string occupied = first_non_empty_table(connection.session());
    if (!occupied.empty()) {
      throw Error(ErrorKind::kTarget, "the target database is not empty (" + occupied +
                                          " has rows); pass --reset to replace its contents");
    }
  }
  const auto& generation = options.generation;
  report.run_id = start_run(connection.session(), world, generation.jobs,
                            std::to_string(generation.shard_index) + "/" + std::to_string(generation.shard_count));
  try {
    CancelWatcher watcher(connection, generation.cancel);
    load_in_transaction(world, options, connection, report);
  } catch (const Error& error) {
    fail_run(options.url, report.run_id, error.what());
    throw;
  } catch (const pqxx::broken_connection& error) {
    throw Error(ErrorKind::kLoad, "the server connection was lost mid-load; nothing was committed");
  } catch (const pqxx::sql_error& error) {
    if (interrupted(options)) throw Error(ErrorKind::kInterrupted, "interrupted; nothing was committed");
    const std::string message = "load failed and was rolled back: " + describe_sql_error(error);
    fail_run(options.url, report.run_id, message);
    throw Error(ErrorKind::kLoad, message);
  }
  return report;
}

}  // namespace seedgen

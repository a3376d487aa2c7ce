#include "db/loader.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

#include "config/profile_loader.h"
#include "core/calendar.h"
#include "core/error.h"
#include "db/canceller.h"
#include "db/connection.h"
#include "db/fleet_plan.h"
#include "db/layout_ledger.h"
#include "db/load_checks.h"
#include "db/migrator.h"
#include "db/session.h"
#include "db/staged_build.h"
#include "embedded_sql/loader.h"
#include "model/world.h"
#include "pipeline/bundle_source.h"
#include "pipeline/generated_source.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

bool interrupted(const std::atomic<bool>* cancel) { return cancel != nullptr && cancel->load(); }

std::vector<std::string> fleet_tables() {
  std::vector<std::string> tables;
  for (const auto& spec : table_specs()) tables.push_back(spec.qualified_name());
  return tables;
}

// Reporter: the caller's callbacks, one at a time, whichever thread calls.
class Reporter {
 public:
  explicit Reporter(const LoadOptions& options) : options_(options) {}
  void phase(const std::string& name) {
    std::lock_guard lock(mutex_);
    if (options_.on_phase) options_.on_phase(name);
  }
  void step(const std::string& phase, int done, int total, const std::string& item) {
    std::lock_guard lock(mutex_);
    if (options_.on_step) options_.on_step(phase, done, total, item);
  }
  std::function<void(const GenerationProgress&)> progress() {
    if (!options_.generation.on_progress) return {};
    return [this](const GenerationProgress& progress) {
      std::lock_guard lock(mutex_);
      options_.generation.on_progress(progress);
    };
  }

 private:
  const LoadOptions& options_;
  std::mutex mutex_;
};

// PhaseClock: times the phases one after another, tells the caller, and names the phase in pg_stat_activity
// (application_name "seedgen: <phase>" of the load's first session). A signal that came between two
// statements stops the load when the next phase begins.
class PhaseClock {
 public:
  PhaseClock(std::vector<PhaseTiming>& phases, Reporter& reporter, Connection& connection,
             const std::atomic<bool>* cancel)
      : phases_(phases), reporter_(reporter), connection_(connection), cancel_(cancel) {}
  void begin(const std::string& name) {
    end();
    if (interrupted(cancel_)) throw Error(ErrorKind::kInterrupted, "interrupted");
    reporter_.phase(name);
    connection_.announce(name);
    current_ = name;
    started_ = std::chrono::steady_clock::now();
  }
  void end() {
    if (current_.empty()) return;
    phases_.push_back({current_, std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count()});
    current_.clear();
  }
  const std::string& current() const { return current_; }

 private:
  std::vector<PhaseTiming>& phases_;
  Reporter& reporter_;
  Connection& connection_;
  const std::atomic<bool>* cancel_;
  std::string current_;
  std::chrono::steady_clock::time_point started_;
};

// StopWatcher: turns the caller's cancel flag (SIGINT/SIGTERM) into the load's stop flag, which stops the
// generator and the staged build, and cancels the first session's running statement (a migration, a wait
// for locks), so that even a long statement ends at once.
class StopWatcher {
 public:
  StopWatcher(const std::atomic<bool>* cancel, std::atomic<bool>& stop, Connection& connection)
      : cancel_(cancel), stop_(stop), canceller_(connection) {
    if (cancel_ != nullptr) thread_ = std::thread([this] { watch(); });
  }
  ~StopWatcher() {
    done_ = true;
    if (thread_.joinable()) thread_.join();
  }
  StopWatcher(const StopWatcher&) = delete;
  StopWatcher& operator=(const StopWatcher&) = delete;

 private:
  void watch() {
    while (!done_) {
      if (cancel_->load()) {
        stop_.store(true);
        canceller_.cancel();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  const std::atomic<bool>* cancel_;
  std::atomic<bool>& stop_;
  Canceller canceller_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

// describe_failure: what went wrong, in one line that names where (phase and task), as the Error main() maps
// to an exit code. Whatever failed, nothing reached the live fleet.
Error describe_failure(std::exception_ptr failure, const std::string& where, bool was_interrupted,
                       const LockPolicy& policy) {
  const std::string unchanged = "; the live fleet is unchanged";
  if (was_interrupted) return Error(ErrorKind::kInterrupted, "interrupted during " + where + unchanged);
  try {
    std::rethrow_exception(failure);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::kLoad && error.kind() != ErrorKind::kIo) return error;
    return Error(error.kind(), "load failed during " + where + ": " + error.what() + unchanged);
  } catch (const pqxx::broken_connection&) {
    return Error(ErrorKind::kLoad, "the server connection was lost during " + where + unchanged);
  } catch (const pqxx::sql_error& error) {
    if (is_lock_timeout(error)) {
      return Error(ErrorKind::kLockTimeout, lock_timeout_message(policy, "a lock during " + where,
                                                                 "another session held it (" + first_line(error.what()) + ")"));
    }
    return Error(ErrorKind::kLoad, "load failed during " + where + ": " + describe_sql_error(error) + unchanged);
  }
}

// discard_stage: drops what a failed load staged, on a session of its own (best effort: the next load or
// `seedgen clean` finds it otherwise).
void discard_stage(const std::string& url, const std::string& schema) {
  try {
    Connection connection(url);
    drop_schema(connection, schema, LockPolicy{5000, false});
  } catch (const std::exception&) {
  }
}

std::vector<std::unique_ptr<Connection>> open_workers(const std::string& url, int count, const SessionSettings& settings) {
  std::vector<std::unique_ptr<Connection>> workers;
  for (int index = 0; index < count; ++index) {
    workers.push_back(std::make_unique<Connection>(url));
    prepare_session(*workers.back(), settings);
  }
  return workers;
}

// Load: one load's state, from the first checks to the old fleet's removal.
class Load {
 public:
  Load(FleetSource& source, const RunIdentity& identity, const LoadOptions& options, Reporter& reporter)
      : source_(source), identity_(identity), options_(options), reporter_(reporter), tables_(fleet_tables()) {
    report_.connections = options.connections > 0 ? options.connections : default_connections();
  }

  LoadReport run() {
    if (!options_.layout.empty()) load_layout(options_.layout);   // an unknown name is a usage error
    Connection control(options_.url);
    PhaseClock clock(report_.phases, reporter_, control, options_.generation.cancel);
    StopWatcher watcher(options_.generation.cancel, stop_, control);
    try {
      prepare(control, clock);
      build_and_swap(control, clock);
    } catch (...) {
      if (failure_described_) throw;
      throw describe_failure(std::current_exception(), where(clock), interrupted(options_.generation.cancel),
                             options_.locks);
    }
    clock.begin("cleanup");
    try {
      report_.old_fleet_left = !drop_schema(control, schemas_.old, options_.locks);
    } catch (const std::exception&) {
      report_.old_fleet_left = true;
    }
    clock.end();
    add_phase_seconds(control.session(), report_.run_id,
                      {report_.phases.end() - std::min<size_t>(2, report_.phases.size()), report_.phases.end()});
    return report_;
  }

 private:
  std::string where(const PhaseClock& clock) const {
    const std::string phase = clock.current().empty() ? "the checks before loading" : clock.current();
    return failed_item_.empty() ? phase : phase + " (" + failed_item_ + ")";
  }

  // prepare: the checks, migrations and leftovers; then the run is recorded.
  void prepare(Connection& control, PhaseClock& clock) {
    prepare_session(control, {"", lock_timeout_ms(options_.locks)});
    const auto migrations = load_migration_set(default_migrations_folder());
    report_.layout = layout_to_load(control, migrations, options_.layout);
    const Layout layout = load_layout(report_.layout);
    take_load_lock(control, options_.locks, options_.generation.cancel);
    if (!options_.reset) refuse_non_empty(control, tables_);
    clock.begin("migrate");
    report_.migrated = apply_migrations(control, migrations);
    for (auto& name : apply_layout(control, layout, tables_)) report_.migrated.push_back(std::move(name));
    clock.begin("prepare");
    report_.cleaned = clean_leftovers(control, options_.locks);
    pqxx::work transaction(control.session());
    install_catalog_functions(transaction);
    refuse_foreign_dependents(transaction, tables_);
    transaction.commit();
    report_.run_id = start_run(control.session(), identity_);
    schemas_ = {"seedgen_stage_" + std::to_string(report_.run_id), "seedgen_old_" + std::to_string(report_.run_id)};
  }

  void build_and_swap(Connection& control, PhaseClock& clock) {
    try {
      FleetPlan plan;
      {
        pqxx::work transaction(control.session());
        plan = capture_fleet_plan(transaction, tables_, schemas_.stage, source_.days());
        transaction.exec(run_sql(transaction, sql::loader::schema_statement, schemas_.stage, std::string("create"))[0][0]
                             .as<std::string>());
        transaction.commit();
      }
      build(plan, clock);
      clock.begin("swap");
      report_.swap = swap_in(control, plan, schemas_, options_.locks, [&](pqxx::transaction_base& transaction) {
        complete_run(transaction, report_.run_id, report_.generation, report_.phases, report_.index_builds);
      }, options_.generation.cancel);
    } catch (...) {
      const Error error = describe_failure(std::current_exception(), where(clock), interrupted(options_.generation.cancel),
                                           options_.locks);
      fail_run(options_.url, report_.run_id, error.what());
      discard_stage(options_.url, schemas_.stage);
      failure_described_ = true;
      throw error;
    }
  }

  void build(const FleetPlan& plan, PhaseClock& clock) {
    auto workers = open_workers(options_.url, report_.connections,
                                {"\"" + schemas_.stage + "\", " + plan.live_search_path, lock_timeout_ms(options_.locks)});
    std::vector<Connection*> sessions;
    for (const auto& worker : workers) sessions.push_back(worker.get());
    StagedBuild staged(plan, source_, report_.connections, [this](const std::string& phase, int done, int total,
                                                                   const std::string& item) {
      reporter_.step(phase, done, total, item);
    });
    try {
      staged.run(sessions, stop_, [&clock](const std::string& phase) { clock.begin(phase); });
    } catch (...) {
      if (staged.failed_task() != nullptr) failed_item_ = staged.failed_task()->name;
      throw;
    }
    if (stop_.load()) throw Error(ErrorKind::kInterrupted, "interrupted");
    report_.index_builds = staged.index_builds();
    report_.generation = source_.result();
  }

  FleetSource& source_;
  const RunIdentity& identity_;
  const LoadOptions& options_;
  Reporter& reporter_;
  const std::vector<std::string> tables_;
  LoadReport report_;
  SwapSchemas schemas_;
  std::atomic<bool> stop_{false};
  std::string failed_item_;
  bool failure_described_ = false;
};

}  // namespace

int default_connections() {
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores + 1, 2, 8);
}

LoadReport load_fleet(const World& world, const LoadOptions& options) {
  Reporter reporter(options);
  GenerationOptions generation = options.generation;
  generation.on_progress = reporter.progress();
  GeneratedSource source(world, generation);
  const auto& generation_options = options.generation;
  RunIdentity identity{world.profile->name, std::to_string(world.profile->seed), iso_date(world.as_of_day()),
                       SEEDGEN_VERSION, generation_options.jobs,
                       std::to_string(generation_options.shard_index) + "/" + std::to_string(generation_options.shard_count)};
  identity.profile_overrides = profile_overrides_json(*world.profile);
  return Load(source, identity, options, reporter).run();
}

LoadReport load_bundle(const std::filesystem::path& folder, const LoadOptions& options) {
  Reporter reporter(options);
  BundleManifest manifest = read_bundle_manifest(folder);
  const RunIdentity identity{manifest.profile, manifest.seed, manifest.as_of, manifest.seedgen_version, 0, manifest.shard};
  BundleSource source(std::move(manifest), reporter.progress());
  return Load(source, identity, options, reporter).run();
}

}  // namespace seedgen

// staged_build.h: builds a whole fleet in the staging schema over several connections, as one graph of
// tasks (task_graph.h), the way pgcopydb loads a database:
//   1. the source's copy jobs: each creates its tables and COPYs them with FREEZE in one transaction;
//   2. per table, as soon as its copy is committed: every index, the keys' own indexes among them (several
//      at once on one table: CREATE INDEX takes a SHARE lock, which does not conflict with itself), the
//      largest table's first, GIN before B-tree; then the keys, attached to their indexes;
//   3. the foreign keys, validated against the staged rows one after another, the largest table's last;
//   4. per table: identity sequences, settings, triggers, policies, comments, grants, owner (ANALYZE ran
//      right after its copy);
//   5. the materialized views, created with their data from the staged tables (with the functions they call
//      pointed at the staging schema, in the same transaction), then their indexes and settings.
// Everything is built from the live catalog's own definitions (fleet_plan.h); nothing touches the live
// fleet. Progress: `on_phase` when the next of the phases above begins (on the calling thread), `on_step`
// after each index, key, foreign key, table and view (from the worker threads).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <mutex>
#include <string>
#include <vector>

#include "db/copy_sink.h"
#include "db/fleet_plan.h"
#include "db/run_log.h"
#include "db/task_graph.h"

namespace seedgen {

class Connection;
class FleetSource;
struct TableSpec;

using StepCallback = std::function<void(const std::string& phase, int done, int total, const std::string& item)>;

class StagedBuild {
 public:
  // StagedBuild: plans the graph for `plan` filled from `source` with `connections` connections.
  StagedBuild(const FleetPlan& plan, FleetSource& source, int connections, StepCallback on_step);

  // run: builds the fleet on `workers` (whose search_path starts with the staging schema). Rethrows the
  // first failure; failed_task() then says where it happened.
  void run(const std::vector<Connection*>& workers, std::atomic<bool>& stop,
           const std::function<void(const std::string& phase)>& on_phase);

  const GraphTask* failed_task() const { return graph_.failed_task(); }
  // index_builds: every table index built (keys' included), with its build time, in completion order.
  std::vector<BuildTiming> index_builds() const;

 private:
  // Scheduling weights: copies first (everything waits for them), then whatever unblocks the most; among
  // index builds the largest table's first, and a GIN build (PostgreSQL 15 builds it in one process, several
  // times slower than a B-tree over the same rows) before the B-trees.
  static constexpr double kCopyPriority = 1e18;
  static constexpr double kKeysPriority = 1e17;
  static constexpr double kLaterPriority = 1e16;
  static constexpr double kGinWeight = 6;
  static double elapsed_since(std::chrono::steady_clock::time_point started);
  static double index_weight(const std::string& statement);

  void add_copy_tasks(int connections);
  void copy_job(Connection& connection, size_t job, const std::vector<size_t>& tables);
  // prepare_copy (staged_partitions.cc): creates the staged table of `spec` (with its partitions; distributed
  // like the live one under Citus) in `transaction`, and where its rows go; a table whose live namesake has an
  // account_id its generated rows lack joins `account_tables`.
  void prepare_copy(pqxx::transaction_base& transaction, const TableSpec& spec,
                    std::map<std::string, std::string>& statements, std::map<std::string, PartitionRoute>& routes,
                    std::set<std::string>& account_tables);
  // add_partitioned_index_tasks (staged_partitions.cc): each index of a partitioned table built on each of its
  // partitions, in parallel; the partitions' keys; then the table's own keys and indexes, which attach them.
  // Returns the task after which the table's indexes and keys are complete.
  std::vector<size_t> add_partitioned_index_tasks(const std::string& table, size_t table_index, size_t copied);
  void record_build(const std::string& index, double seconds);
  void add_index_and_key_tasks();
  void add_foreign_key_tasks();
  void add_table_settings_tasks();
  void add_view_tasks();
  size_t add(const std::string& phase, const std::string& name, std::vector<size_t> after,
             std::function<void(Connection&)> work, std::function<double()> priority = {});
  void step(const std::string& phase, const std::string& item);
  void run_statement(Connection& connection, const FleetStatement& statement);

  const FleetPlan& plan_;
  FleetSource& source_;
  StepCallback on_step_;
  TaskGraph graph_;
  std::vector<std::string> phases_;                         // in order
  std::map<std::string, std::vector<size_t>> phase_tasks_;  // phase -> its tasks
  std::map<std::string, int> step_totals_;
  std::map<std::string, size_t> copy_task_of_;              // table -> its copy job's task
  std::map<std::string, std::vector<size_t>> built_;        // table -> the tasks that must end before its settings
  std::vector<size_t> tables_settled_;                      // every table's settings task
  std::atomic<bool>* stop_ = nullptr;
  mutable std::mutex mutex_;
  std::map<std::string, int> steps_done_;                   // guarded by mutex_
  std::vector<BuildTiming> index_builds_;                   // guarded by mutex_
};

}  // namespace seedgen

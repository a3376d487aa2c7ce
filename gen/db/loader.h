// loader.h: loads a generated fleet into PostgreSQL on the fast path, all or nothing.
// One transaction: migrate first if needed (own transactions, before), refuse a non-empty target unless
// reset, TRUNCATE, set indexes/keys/FKs aside, COPY FREEZE every table (generation pipelined on worker
// threads), rebuild keys, indexes and FKs, refresh the materialized views of public (the cost roll-ups),
// ANALYZE, record the run, COMMIT. Any failure, interruption or killed process before COMMIT leaves the
// database exactly as it was.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "db/run_log.h"
#include "pipeline/pipeline.h"

namespace seedgen {

struct World;

struct LoadOptions {
  std::string url;
  bool reset = false;
  GenerationOptions generation;
  std::function<void(const std::string& phase)> on_phase;   // a phase starts
};

struct LoadReport {
  GenerationResult generation;
  std::vector<PhaseTiming> phases;
  std::vector<BuildTiming> index_builds;   // every key and index rebuilt, in rebuild order
  std::vector<std::string> migrated;   // migrations applied first
  int64_t run_id = 0;
  int abandoned_runs = 0;               // earlier killed loads found and marked
};

// load_fleet: throws Error(kConnection / kTarget / kMigration / kLoad / kInterrupted).
LoadReport load_fleet(const World& world, const LoadOptions& options);

}  // namespace seedgen

// run_log.h: seedgen.runs, the record of every load. A run is inserted as 'loading' in its own committed
// transaction (so a killed load leaves a trace), completed inside the load's transaction (so 'completed'
// commits atomically with the data), and marked 'failed' when the load rolls back. Runs whose backend is
// gone are found by the next load and marked 'abandoned'. A completed run also keeps each key's and
// index's rebuild time (index_seconds), for the benchmark's index report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "db/schema_snapshot.h"

namespace seedgen {

struct World;
struct GenerationResult;

struct PhaseTiming {
  std::string name;
  double seconds = 0;
};

// mark_abandoned_runs: returns how many 'loading' runs had lost their backend.
int mark_abandoned_runs(pqxx::connection_base& session);

int64_t start_run(pqxx::connection_base& session, const World& world, int jobs, const std::string& shard);

// complete_run: `index_builds` becomes index_seconds, {"<index name>": seconds, ...}.
void complete_run(pqxx::transaction_base& transaction, int64_t run_id, const GenerationResult& result,
                  const std::vector<PhaseTiming>& phases, const std::vector<BuildTiming>& index_builds);

// fail_run: best effort; a lost connection leaves the run 'loading' for the next load to mark abandoned.
void fail_run(const std::string& url, int64_t run_id, const std::string& error);

}  // namespace seedgen

// run_log.h: seedgen.runs, the record of every load. A run is inserted as 'loading' in its own committed
// transaction (so a killed load leaves a trace) and its loader holds the run's lock while it works; it
// becomes 'completed' inside the swap's transaction (so the record and the fleet it describes appear
// together), or 'failed' when the load stops. Runs whose lock nobody holds any more are found by the next
// load (or `seedgen clean`) and marked 'abandoned'. A completed run also keeps each key's and index's build
// time (index_seconds), for the benchmark's index report. The SQL is in sql/loader/*_run*.sql.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace seedgen {

struct GenerationResult;

struct PhaseTiming {
  std::string name;
  double seconds = 0;
};

// BuildTiming: how long one key or index took to build.
struct BuildTiming {
  std::string index_name;   // unquoted, unqualified, e.g. instances_pkey
  double seconds = 0;
};

// RunIdentity: what a run loads: a generated fleet, or a bundle written by `seedgen --out`.
struct RunIdentity {
  std::string profile;
  std::string seed;         // decimal
  std::string as_of;        // YYYY-MM-DD
  std::string seedgen_version;
  int jobs = 1;
  std::string shard = "0/1";
  std::string profile_overrides = "{}";   // JSON: the profile's --accounts / --scale, when given
};

// abandon_dead_runs: marks the 'loading' runs whose loader is gone; returns how many.
int abandon_dead_runs(pqxx::connection_base& session);

// start_run: inserts the run as 'loading' (committed), then holds its lock in this session; returns run_id.
int64_t start_run(pqxx::connection_base& session, const RunIdentity& identity);

// complete_run: `result` gives rows, checksums and the money figures; `index_builds` becomes index_seconds,
// {"<index name>": seconds, ...}. Inside the caller's (the swap's) transaction.
void complete_run(pqxx::transaction_base& transaction, int64_t run_id, const GenerationResult& result,
                  const std::vector<PhaseTiming>& phases, const std::vector<BuildTiming>& index_builds);

// add_phase_seconds: records phases timed after the swap committed. Best effort.
void add_phase_seconds(pqxx::connection_base& session, int64_t run_id, const std::vector<PhaseTiming>& phases);

// fail_run: best effort, on a new connection to `url`: marks the run 'failed' with `error`. When the server
// is gone, the next load marks the run abandoned.
void fail_run(const std::string& url, int64_t run_id, const std::string& error);

}  // namespace seedgen

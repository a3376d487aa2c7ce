// load_report.h: what seedbench measured with many clients at once (seedbench --clients N), as plain
// data: one LoadRun per phase (quiet, or with a writer running alongside), the capacity search, and the
// state of the writer. Latencies are mergeable histograms in microseconds (bench/stats/log_histogram.h).
// Writers and the gate only read these values; nothing here touches a database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench/stats/log_histogram.h"

namespace seedgen::bench {

inline constexpr const char* kQuietPhase = "quiet";
inline constexpr const char* kDriftPhase = "drift";

// LoadCell: one query for one account class ("largest", "median", "small", "any" or "global").
struct LoadCell {
  std::string query;
  std::string account_class;
  LogHistogram latency_us;
};

// LoadRun: one concurrent run. In closed loop each client sends its next query when the last one
// answered, and a latency is the query's own round trip. In open loop (rate_qps > 0) queries arrive at
// a fixed rate whatever the answers do, and a latency runs from the arrival's intended start, so time a
// query spent waiting for a busy client counts (no coordinated omission).
struct LoadRun {
  std::string phase = kQuietPhase;   // kQuietPhase or kDriftPhase
  int clients = 0;
  double rate_qps = 0;               // open loop: intended arrivals per second; 0: closed loop
  double duration_s = 0;             // the measured window, after the warm-up
  double warmup_s = 0;
  int64_t unfinished = 0;            // open loop: arrivals still waiting when the drain ended; each is in
                                     // the histograms with its wait so far (a lower bound)
  std::vector<LoadCell> cells;       // by query, then class
  LogHistogram overall_us;           // every cell merged

  bool open_loop() const { return rate_qps > 0; }
  // throughput_qps: completed queries per second of the measured window.
  double throughput_qps() const {
    return duration_s > 0 ? static_cast<double>(overall_us.count() - unfinished) / duration_s : 0;
  }
};

// CapacityStep: one open-loop run of the capacity search. It passes when every query's p95 (its classes
// merged) is within the target and no arrival was left unfinished.
struct CapacityStep {
  double rate_qps = 0;
  bool passed = false;
  double achieved_qps = 0;
  std::string worst_query;     // the query with the highest p95 in this step
  double worst_p95_ms = 0;
  int64_t unfinished = 0;
};

// CapacityReport: the highest rate of the mix at which every query's p95 stayed within the target.
struct CapacityReport {
  std::string phase = kQuietPhase;
  int clients = 0;
  double step_seconds = 0;
  double capacity_qps = 0;     // the highest passing rate; 0 when none passed
  std::vector<CapacityStep> steps;   // in the order they ran
};

// WriterState: the writer seedbench runs alongside for the "drift" phase (seedbench --with-drift).
struct WriterState {
  bool requested = false;
  std::string command;         // what was (or would be) started
  std::string note;            // e.g. "not measured (no writer ran)"; its exit when it ran
};

// MixWeights: the documented mix a concurrent run drew from (sql/queries/mix.toml), as it was applied.
struct MixWeights {
  std::string source;                                     // the file
  std::vector<std::pair<std::string, double>> classes;    // account class -> weight
  std::vector<std::pair<std::string, double>> queries;    // query -> weight (after glob resolution)
};

}  // namespace seedgen::bench

namespace seedgen::bench {

// merge_by_query: one cell per query of `run` (account_class "all"), its classes merged, in the order the
// queries first appear.
std::vector<LoadCell> merge_by_query(const LoadRun& run);

}  // namespace seedgen::bench

// bench_options.h: seedbench's command line, parsed and checked. Flags Google Benchmark owns
// (--benchmark_*) are passed through to it untouched; anything else unknown is a usage error.
// `seedbench compare A.json B.json` has its own flags (compare_options.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench/compare/run_comparison.h"
#include "bench/run/plan_analysis.h"
#include "bench/run/timing_runner.h"

namespace seedgen::bench {

// ConcurrencyOptions: the concurrent phases (--clients) and the capacity search.
struct ConcurrencyOptions {
  int clients = 0;                    // 0: no concurrent phase
  double duration_s = 60;
  double warmup_s = 5;
  double rate_qps = 0;                // 0: closed loop
  std::string mix_path;               // default: <queries-dir>/mix.toml
  uint64_t seed = 1;                  // of the question draws
  bool with_drift = false;            // a second phase with the writer running
  double drift_day_seconds = 60;
  std::string drift_command;          // empty: seedgen drift --follow --day-seconds S --db URL
  bool find_capacity = false;
  double capacity_step_s = 30;
  int capacity_steps = 8;
};

// AdvisorOptions: the hypopg index advisor (--advise).
struct AdvisorOptions {
  bool enabled = false;
  double share_of_target = 0.25;      // advise queries whose p95 exceeds this share of the target
  int build = 3;                      // build this many of the best recommendations for real
};

// ColdOptions: first executions after a server restart (--cold).
struct ColdOptions {
  bool enabled = false;
  std::string restart_command;        // empty: restart the private cluster (scripts/pg stop && start)
  bool drop_os_cache = true;
};

// BaselineOptions: compare this run with an earlier report (--baseline), as `seedbench compare` does.
struct BaselineOptions {
  std::string path;
  RegressionRule rule;
};

struct BenchOptions {
  std::string db;                          // empty: $DATABASE_URL, PG*, else the private cluster
  std::string profile;                     // when set, the loaded fleet must be of this profile
  std::string queries_dir;                 // default: sql/queries of the data home
  std::vector<std::string> selectors;      // --queries globs; empty = all
  bool gate = false;
  double target_ms = 100;
  std::string json_path, report_path, summary_path, benchmark_json_path;
  std::string plan_cache_mode;             // empty: the server's (auto: generic plans after 5 runs)
  bool single_client = true;               // the Google Benchmark timings of each query and class
  bool analyse = true;                     // EXPLAIN, speedups and index verdicts
  TimingOptions timing;
  AnalysisOptions analysis;
  ConcurrencyOptions concurrency;
  AdvisorOptions advisor;
  ColdOptions cold;
  BaselineOptions baseline;
  std::vector<std::string> benchmark_flags;   // --benchmark_* for Google Benchmark
  bool quiet = false;                      // errors only: no progress lines, no summary on stdout
  std::string command_line;                // as given, for the report
  bool help = false;
  bool version = false;
};

// parse_bench_options: throws Error(kUsage) with a one-line reason naming the flag. With help or version
// set, nothing else is read.
BenchOptions parse_bench_options(int argc, char** argv);

// bench_help: the --help page (flags, environment, exit codes).
std::string bench_help();

}  // namespace seedgen::bench

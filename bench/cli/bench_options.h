// bench_options.h: seedbench's command line, parsed and checked. Flags Google Benchmark owns
// (--benchmark_*) are passed through to it untouched; anything else unknown is a usage error.
#pragma once

#include <string>
#include <vector>

#include "bench/run/plan_analysis.h"
#include "bench/run/timing_runner.h"

namespace seedgen::bench {

struct BenchOptions {
  std::string db;                          // empty: $DATABASE_URL, PG*, else the private cluster
  std::string profile;                     // when set, the loaded fleet must be of this profile
  std::string queries_dir;                 // default: sql/queries of the data home
  std::vector<std::string> selectors;      // --queries globs; empty = all
  bool gate = false;
  double target_ms = 100;
  std::string json_path, report_path, summary_path, benchmark_json_path;
  std::string plan_cache_mode;             // empty: the server's (auto: generic plans after 5 runs)
  bool analyse = true;                     // EXPLAIN, speedups and index verdicts
  TimingOptions timing;
  AnalysisOptions analysis;
  std::vector<std::string> benchmark_flags;   // --benchmark_* for Google Benchmark
  bool quiet = false;                      // errors only: no progress lines, no summary on stdout
  bool help = false;
  bool version = false;
};

// parse_bench_options: throws Error(kUsage) with a one-line reason naming the flag. With help or version
// set, nothing else is read.
BenchOptions parse_bench_options(int argc, char** argv);

// bench_help: the --help page (flags, environment, exit codes).
std::string bench_help();

}  // namespace seedgen::bench

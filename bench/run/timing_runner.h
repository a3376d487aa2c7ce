// timing_runner.h: times every catalog query for every account class on Google Benchmark.
// Each (query, class) becomes one benchmark "query/class" with a fixed iteration count chosen from an
// untimed warm-up, so slow queries are not run for minutes and fast ones still give stable percentiles.
// Names stay "query/class/real_time" whatever the count (benchmark_reporters.h), times are in
// microseconds, and --benchmark_repetitions adds up: a timing holds the executions of every repetition.
// Latencies are client round trips of a prepared statement in autocommit, rows fetched, as an agent's
// driver sees them. benchmark::Initialize must have run first (it owns the --benchmark_* flags).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/model/bench_report.h"
#include "bench/db/query_session.h"

namespace seedgen::bench {

struct TimingOptions {
  int warmup_runs = 3;          // untimed executions; their median sets the iteration count
  double budget_ms = 1000;      // aimed time per benchmark
  int min_iterations = 50;
  int max_iterations = 1000;
  bool benchmark_json = false;  // Google Benchmark writes its JSON (--benchmark_out) through our reporter
};

// iterations_for: budget / estimate, clamped to [min, max].
int iterations_for(double estimate_ms, const TimingOptions& options);

// time_catalog: prepares each query once and times it for each class in `classes` (account-scoped
// queries) or for the global class (global questions). Timings come back in query order, then class order.
std::vector<QueryTiming> time_catalog(QuerySession& session, const std::vector<CatalogQuery>& queries,
                                      const std::vector<AccountClass>& classes, const std::string& as_of,
                                      const TimingOptions& options);

// classes_for: the classes a query runs for.
std::vector<AccountClass> classes_for(const CatalogQuery& query, const std::vector<AccountClass>& classes);

}  // namespace seedgen::bench

// timing_runner.cc: warm-up, registration and the Google Benchmark run.
#include "bench/run/timing_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>

#include <benchmark/benchmark.h>

#include "bench/run/account_classes.h"
#include "bench/run/benchmark_reporters.h"
#include "bench/stats/latency_stats.h"
#include "core/error.h"

namespace seedgen::bench {
namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Measurement: one benchmark's inputs and, after the run, its samples.
struct Measurement {
  std::string statement;
  std::vector<std::string> parameters;
  std::vector<double> samples_ms;
  int64_t rows = 0;
  QueryTiming timing;
};

void run_measurement(benchmark::State& state, QuerySession& session, Measurement& measurement,
                     std::optional<Error>& failure) {
  // Samples accumulate over --benchmark_repetitions, so the report aggregates every repetition; the
  // counters describe this repetition alone, as Google Benchmark's own figures do.
  const size_t first = measurement.samples_ms.size();
  measurement.samples_ms.reserve(first + static_cast<size_t>(state.max_iterations));
  try {
    for (auto _ : state) {
      const auto start = Clock::now();
      measurement.rows = session.execute(measurement.statement, measurement.parameters);
      measurement.samples_ms.push_back(elapsed_ms(start));
    }
  } catch (const Error& error) {
    if (!failure) failure = error;
    state.SkipWithError(error.what());
    return;
  }
  const LatencyStats stats = summarize_latencies(
      std::vector<double>(measurement.samples_ms.begin() + static_cast<std::ptrdiff_t>(first), measurement.samples_ms.end()));
  state.counters["p50_us"] = stats.p50 * 1000;
  state.counters["p95_us"] = stats.p95 * 1000;
  state.counters["p99_us"] = stats.p99 * 1000;
  state.counters["max_us"] = stats.max * 1000;
  state.counters["rows"] = static_cast<double>(measurement.rows);
}

// warm_up: runs untimed and returns the median run's time, the estimate the iteration count is based on.
double warm_up(QuerySession& session, const Measurement& measurement, const TimingOptions& options) {
  std::vector<double> runs_ms;
  for (int run = 0; run < std::max(1, options.warmup_runs); ++run) {
    const auto start = Clock::now();
    session.execute(measurement.statement, measurement.parameters);
    runs_ms.push_back(elapsed_ms(start));
  }
  std::sort(runs_ms.begin(), runs_ms.end());
  return runs_ms[runs_ms.size() / 2];
}

}  // namespace

int iterations_for(double estimate_ms, const TimingOptions& options) {
  const double wanted = options.budget_ms / std::max(estimate_ms, 1e-3);
  return static_cast<int>(std::clamp(std::ceil(wanted), static_cast<double>(options.min_iterations),
                                     static_cast<double>(options.max_iterations)));
}

std::vector<AccountClass> classes_for(const CatalogQuery& query, const std::vector<AccountClass>& classes) {
  return query.account_scoped ? classes : std::vector<AccountClass>{global_class()};
}

std::vector<QueryTiming> time_catalog(QuerySession& session, const std::vector<CatalogQuery>& queries,
                                      const std::vector<AccountClass>& classes, const std::string& as_of,
                                      const TimingOptions& options) {
  std::vector<std::unique_ptr<Measurement>> measurements;
  std::optional<Error> failure;
  for (const auto& query : queries) {
    session.prepare(query.name, query.sql);
    for (const auto& account : classes_for(query, classes)) {
      auto measurement = std::make_unique<Measurement>();
      measurement->statement = query.name;
      measurement->parameters = bind_parameters(query, account.account_id, as_of, account.subjects);
      measurement->timing.query = query.name;
      measurement->timing.account_class = account.name;
      const int iterations = iterations_for(warm_up(session, *measurement, options), options);
      Measurement& target = *measurement;
      benchmark::RegisterBenchmark((query.name + "/" + account.name).c_str(),
                                   [&session, &target, &failure](benchmark::State& state) {
                                     run_measurement(state, session, target, failure);
                                   })
          ->Iterations(iterations)
          ->Unit(benchmark::kMicrosecond)
          ->UseRealTime();
      measurements.push_back(std::move(measurement));
    }
  }
  StableConsoleReporter display;
  StableJsonReporter file;
  benchmark::RunSpecifiedBenchmarks(&display, options.benchmark_json ? &file : nullptr);
  benchmark::ClearRegisteredBenchmarks();
  if (failure) throw *failure;
  std::vector<QueryTiming> timings;
  for (const auto& measurement : measurements) {
    if (measurement->samples_ms.empty()) continue;   // filtered out with --benchmark_filter
    measurement->timing.latency = summarize_latencies(measurement->samples_ms);
    measurement->timing.latency_us = histogram_of(measurement->samples_ms);
    measurement->timing.rows_returned = measurement->rows;
    timings.push_back(measurement->timing);
  }
  return timings;
}

}  // namespace seedgen::bench

// capacity_search.cc: grow, halve, bisect.
#include "bench/load/capacity_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "bench/stats/latency_stats.h"

namespace seedgen::bench {
namespace {

double rounded_rate(double rate) { return std::max(0.1, std::round(rate * 10) / 10); }

}  // namespace

CapacityStep judge_step(const LoadRun& run, double target_ms) {
  CapacityStep step;
  step.rate_qps = run.rate_qps;
  step.achieved_qps = run.throughput_qps();
  step.unfinished = run.unfinished;
  for (const auto& query : merge_by_query(run)) {
    const double p95_ms = summarize_histogram(query.latency_us).p95;
    if (step.worst_query.empty() || p95_ms > step.worst_p95_ms) {
      step.worst_query = query.query;
      step.worst_p95_ms = p95_ms;
    }
  }
  step.passed = run.unfinished == 0 && !step.worst_query.empty() && step.worst_p95_ms <= target_ms;
  return step;
}

CapacityReport search_capacity(const StepRunner& run_step, const SearchOptions& options) {
  CapacityReport report;
  double passing = 0;
  double failing = std::numeric_limits<double>::infinity();
  double rate = rounded_rate(options.start_qps);
  double next = rate;
  for (int step = 0; step < options.max_steps; ++step) {
    CapacityStep result = run_step(rate);
    result.rate_qps = rate;
    report.steps.push_back(result);
    if (result.passed) passing = std::max(passing, rate);
    else failing = std::min(failing, rate);

    if (std::isinf(failing)) next = rate * options.growth;
    else if (passing == 0) next = rate / 2;
    else if ((failing - passing) / failing <= options.resolution) break;
    else next = (passing + failing) / 2;
    next = rounded_rate(next);
    if (next == rate || (passing == 0 && rate <= 0.1 && !result.passed)) break;   // nothing left to try
    rate = next;
  }
  report.capacity_qps = passing;
  return report;
}

}  // namespace seedgen::bench

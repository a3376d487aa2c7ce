// bench_report.cc: the small helpers every report writer shares.
#include "bench/model/bench_report.h"

#include <fmt/format.h>

namespace seedgen::bench {

std::vector<QueryTiming> failing_timings(const BenchReport& report) {
  std::vector<QueryTiming> failing;
  for (const auto& timing : report.timings) {
    if (!meets_target(timing, report.target_ms)) failing.push_back(timing);
  }
  return failing;
}

std::vector<GateFailure> gate_failures(const BenchReport& report) {
  std::vector<GateFailure> failures;
  for (const auto& timing : failing_timings(report)) {
    failures.push_back({timing.query + "/" + timing.account_class, timing.latency.p95});
  }
  for (const auto& run : report.load_runs) {
    for (const auto& cell : run.cells) {
      const double p95_ms = static_cast<double>(cell.latency_us.value_at_percentile(95)) / 1000.0;
      if (p95_ms <= report.target_ms) continue;
      failures.push_back({fmt::format("{}: {}/{}, {} clients", run.phase, cell.query, cell.account_class, run.clients),
                          p95_ms});
    }
  }
  return failures;
}

const char* verdict_name(IndexVerdict verdict) {
  switch (verdict) {
    case IndexVerdict::kEssential: return "essential";
    case IndexVerdict::kHelpful: return "helpful";
    case IndexVerdict::kUnused: return "unused";
    case IndexVerdict::kRedundant: return "redundant";
  }
  return "unknown";
}

}  // namespace seedgen::bench

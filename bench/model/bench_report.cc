// bench_report.cc: the small helpers every report writer shares.
#include "bench/model/bench_report.h"

namespace seedgen::bench {

std::vector<QueryTiming> failing_timings(const BenchReport& report) {
  std::vector<QueryTiming> failing;
  for (const auto& timing : report.timings) {
    if (!meets_target(timing, report.target_ms)) failing.push_back(timing);
  }
  return failing;
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

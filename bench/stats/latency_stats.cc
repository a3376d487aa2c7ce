// latency_stats.cc: nearest-rank percentiles over a copy of the samples.
#include "bench/stats/latency_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace seedgen::bench {

double nearest_rank(const std::vector<double>& sorted_ms, double p) {
  const double count = static_cast<double>(sorted_ms.size());
  const auto rank = static_cast<size_t>(std::max(1.0, std::ceil(p / 100.0 * count)));
  return sorted_ms[std::min(rank, sorted_ms.size()) - 1];
}

LatencyStats summarize_latencies(std::vector<double> samples_ms) {
  LatencyStats stats;
  if (samples_ms.empty()) return stats;
  std::sort(samples_ms.begin(), samples_ms.end());
  stats.iterations = static_cast<int>(samples_ms.size());
  stats.p50 = nearest_rank(samples_ms, 50);
  stats.p95 = nearest_rank(samples_ms, 95);
  stats.p99 = nearest_rank(samples_ms, 99);
  stats.max = samples_ms.back();
  stats.mean = std::accumulate(samples_ms.begin(), samples_ms.end(), 0.0) / static_cast<double>(samples_ms.size());
  return stats;
}

}  // namespace seedgen::bench

// latency_stats.cc: nearest-rank percentiles over a copy of the samples, or read from a histogram.
#include "bench/stats/latency_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace seedgen::bench {

double nearest_rank(const std::vector<double>& sorted_ms, double p) {
  // p x count first: 99.9 / 100 x 1000 is 999.0000000000001 in doubles, which would skip a rank.
  const double count = static_cast<double>(sorted_ms.size());
  const auto rank = static_cast<size_t>(std::max(1.0, std::ceil(p * count / 100.0 - 1e-9)));
  return sorted_ms[std::min(rank, sorted_ms.size()) - 1];
}

LatencyStats summarize_latencies(std::vector<double> samples_ms) {
  LatencyStats stats;
  if (samples_ms.empty()) return stats;
  std::sort(samples_ms.begin(), samples_ms.end());
  stats.iterations = static_cast<int>(samples_ms.size());
  stats.p50 = nearest_rank(samples_ms, 50);
  stats.p90 = nearest_rank(samples_ms, 90);
  stats.p95 = nearest_rank(samples_ms, 95);
  stats.p99 = nearest_rank(samples_ms, 99);
  stats.p999 = nearest_rank(samples_ms, 99.9);
  stats.max = samples_ms.back();
  stats.mean = std::accumulate(samples_ms.begin(), samples_ms.end(), 0.0) / static_cast<double>(samples_ms.size());
  return stats;
}

LatencyStats summarize_histogram(const LogHistogram& histogram_us) {
  const auto ms = [&histogram_us](double p) { return static_cast<double>(histogram_us.value_at_percentile(p)) / 1000.0; };
  LatencyStats stats;
  stats.iterations = static_cast<int>(histogram_us.count());
  if (stats.iterations == 0) return stats;
  stats.p50 = ms(50);
  stats.p90 = ms(90);
  stats.p95 = ms(95);
  stats.p99 = ms(99);
  stats.p999 = ms(99.9);
  stats.max = static_cast<double>(histogram_us.max()) / 1000.0;
  stats.mean = histogram_us.mean() / 1000.0;
  return stats;
}

LogHistogram histogram_of(const std::vector<double>& samples_ms) {
  LogHistogram histogram;
  for (double sample : samples_ms) histogram.record(std::llround(sample * 1000.0));
  return histogram;
}

}  // namespace seedgen::bench

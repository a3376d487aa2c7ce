// latency_stats.h: percentiles of one benchmark's per-execution latencies.
// Percentiles use the nearest-rank definition (the smallest sample with at least p % of the samples at or
// below it), so every reported figure is a latency that was actually observed.
#pragma once

#include <vector>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// nearest_rank: the p-th percentile (0 < p <= 100) of `sorted_ms` (ascending, not empty).
double nearest_rank(const std::vector<double>& sorted_ms, double p);

// summarize_latencies: p50/p95/p99/max/mean of `samples_ms`; all zero when there are none.
LatencyStats summarize_latencies(std::vector<double> samples_ms);

}  // namespace seedgen::bench

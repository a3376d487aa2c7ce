// latency_stats.h: percentiles of one benchmark's per-execution latencies, from the exact samples (a
// single client's timed runs) or from a LogHistogram (concurrent runs, merged runs).
// Percentiles use the nearest-rank definition (the smallest sample with at least p % of the samples at or
// below it), so every figure from exact samples is a latency that was actually observed; figures from a
// histogram are that value or above it by less than 0.1 % (log_histogram.h).
#pragma once

#include <vector>

#include "bench/model/bench_report.h"
#include "bench/stats/log_histogram.h"

namespace seedgen::bench {

// nearest_rank: the p-th percentile (0 < p <= 100) of `sorted_ms` (ascending, not empty).
double nearest_rank(const std::vector<double>& sorted_ms, double p);

// summarize_latencies: p50/p90/p95/p99/p99.9/max/mean of `samples_ms`; all zero when there are none.
LatencyStats summarize_latencies(std::vector<double> samples_ms);

// summarize_histogram: the same figures, in milliseconds, from a histogram in microseconds.
LatencyStats summarize_histogram(const LogHistogram& histogram_us);

// histogram_of: `samples_ms` recorded in whole microseconds (rounded to nearest).
LogHistogram histogram_of(const std::vector<double>& samples_ms);

}  // namespace seedgen::bench

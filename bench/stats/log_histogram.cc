// log_histogram.cc: HdrHistogram's bucket arithmetic with 2048 sub-buckets (unit 1 us).
#include "bench/stats/log_histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace seedgen::bench {
namespace {

constexpr int kHalfBits = 10;                      // 1024 sub-buckets in each doubling above 2048
constexpr int64_t kSubBuckets = int64_t{1} << (kHalfBits + 1);
constexpr int64_t kHalf = int64_t{1} << kHalfBits;

// bucket_of: the power-of-two range of `value` (0 for 0..2047, k for [2^(k+10), 2^(k+11))).
int bucket_of(int64_t value) {
  const auto widened = static_cast<uint64_t>(value) | static_cast<uint64_t>(kSubBuckets - 1);
  return 63 - std::countl_zero(widened) - kHalfBits;
}

}  // namespace

int32_t LogHistogram::index_of(int64_t value_us) {
  const int bucket = bucket_of(value_us);
  const int64_t sub_bucket = value_us >> bucket;
  return static_cast<int32_t>(((bucket + 1) << kHalfBits) + (sub_bucket - kHalf));
}

int64_t LogHistogram::lowest_of(int32_t index) {
  const int bucket = std::max(0, static_cast<int>(index >> kHalfBits) - 1);
  const int64_t sub_bucket = index - ((bucket + 1) << kHalfBits) + kHalf;
  return sub_bucket << bucket;
}

int64_t LogHistogram::lowest_equivalent(int64_t value_us) { return lowest_of(index_of(std::max<int64_t>(0, value_us))); }

int64_t LogHistogram::highest_equivalent(int64_t value_us) {
  const int64_t value = std::max<int64_t>(0, value_us);
  return lowest_equivalent(value) + (int64_t{1} << bucket_of(value)) - 1;
}

void LogHistogram::record(int64_t value_us, int64_t count) {
  if (count <= 0) return;
  const int64_t value = std::max<int64_t>(0, value_us);
  counts_[index_of(value)] += count;
  min_ = count_ == 0 ? value : std::min(min_, value);
  max_ = std::max(max_, value);
  count_ += count;
  sum_ += static_cast<double>(value) * static_cast<double>(count);
}

void LogHistogram::merge(const LogHistogram& other) {
  if (other.count_ == 0) return;
  for (const auto& [index, count] : other.counts_) counts_[index] += count;
  min_ = count_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  count_ += other.count_;
  sum_ += other.sum_;
}

int64_t LogHistogram::value_at_percentile(double p) const {
  if (count_ == 0) return 0;
  // p x count first, as latency_stats.cc does, so that p99.9 of 1000 values is rank 999, not 1000.
  const double wanted = std::ceil(std::clamp(p, 0.0, 100.0) * static_cast<double>(count_) / 100.0 - 1e-9);
  const auto rank = std::max<int64_t>(1, static_cast<int64_t>(wanted));
  int64_t seen = 0;
  for (const auto& [index, count] : counts_) {
    seen += count;
    if (seen >= rank) return std::min(max_, highest_equivalent(lowest_of(index)));
  }
  return max_;
}

std::vector<std::pair<int64_t, int64_t>> LogHistogram::buckets() const {
  std::vector<std::pair<int64_t, int64_t>> buckets;
  buckets.reserve(counts_.size());
  for (const auto& [index, count] : counts_) buckets.emplace_back(lowest_of(index), count);
  return buckets;
}

LogHistogram LogHistogram::from_buckets(const std::vector<std::pair<int64_t, int64_t>>& buckets, int64_t min,
                                        int64_t max, double sum) {
  LogHistogram histogram;
  for (const auto& [value, count] : buckets) {
    if (count <= 0) continue;
    histogram.counts_[index_of(std::max<int64_t>(0, value))] += count;
    histogram.count_ += count;
  }
  histogram.min_ = histogram.count_ == 0 ? 0 : min;
  histogram.max_ = histogram.count_ == 0 ? 0 : max;
  histogram.sum_ = histogram.count_ == 0 ? 0 : sum;
  return histogram;
}

}  // namespace seedgen::bench

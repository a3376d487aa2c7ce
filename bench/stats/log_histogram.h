// log_histogram.h: a mergeable log-linear latency histogram in the manner of HdrHistogram, in whole
// microseconds, with 3 significant decimal digits.
//
// Values 0..2047 us are kept exactly. Above that, [2^k, 2^(k+1)) is split into 1024 buckets of equal width
// 2^(k-10), so a bucket is never wider than 1/1024 of its lowest value: a percentile read from the
// histogram is the exact nearest-rank percentile of the recorded values, or above it by less than 0.1 %
// (the reported value is the highest one equivalent to the bucket, capped at the largest value recorded).
// Two histograms merge by adding their counts, so per-thread and per-run histograms combine without loss.
// Storage is sparse (only buckets that were hit), a few kB per histogram. Not thread-safe: one per thread,
// merged afterwards.
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace seedgen::bench {

class LogHistogram {
 public:
  // record: adds `count` values of `value_us` (negative values count as 0).
  void record(int64_t value_us, int64_t count = 1);

  // merge: adds every count of `other`.
  void merge(const LogHistogram& other);

  int64_t count() const { return count_; }
  int64_t min() const { return count_ == 0 ? 0 : min_; }
  int64_t max() const { return max_; }
  double mean() const { return count_ == 0 ? 0 : sum_ / static_cast<double>(count_); }

  // value_at_percentile: the nearest-rank percentile p (0 < p <= 100): the highest value equivalent to
  // the bucket that holds the ceil(p/100 x count)-th smallest value, capped at max(). 0 when empty.
  int64_t value_at_percentile(double p) const;

  // buckets: the non-empty buckets as (lowest equivalent value, count), ascending.
  std::vector<std::pair<int64_t, int64_t>> buckets() const;

  // from_buckets: a histogram holding `buckets` (each value falls into its own bucket), with the exact
  // min, max and sum given (a serialised histogram keeps them, as its buckets cannot).
  static LogHistogram from_buckets(const std::vector<std::pair<int64_t, int64_t>>& buckets, int64_t min,
                                   int64_t max, double sum);

  // lowest_equivalent / highest_equivalent: the range of values that share `value_us`'s bucket.
  static int64_t lowest_equivalent(int64_t value_us);
  static int64_t highest_equivalent(int64_t value_us);

  double sum() const { return sum_; }

 private:
  static int32_t index_of(int64_t value_us);
  static int64_t lowest_of(int32_t index);

  std::map<int32_t, int64_t> counts_;   // bucket index -> count
  int64_t count_ = 0;
  int64_t min_ = 0;
  int64_t max_ = 0;
  double sum_ = 0;
};

}  // namespace seedgen::bench

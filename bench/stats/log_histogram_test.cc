// log_histogram_test.cc: the histogram against exact nearest-rank percentiles of the same samples, its
// bucket bounds, merging and the serialised form. Expected values come from sorting the samples here.
#include "bench/stats/log_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace seedgen::bench {
namespace {

// Samples spread over 5 decades (20 us .. 2 s), log-uniform, from a fixed xorshift stream.
std::vector<int64_t> spread_samples(size_t count) {
  std::vector<int64_t> samples;
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (size_t index = 0; index < count; ++index) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    const double unit = static_cast<double>(state >> 11) / 9007199254740992.0;   // [0, 1)
    samples.push_back(static_cast<int64_t>(20.0 * std::pow(10.0, 5.0 * unit)));
  }
  return samples;
}

int64_t exact_percentile(std::vector<int64_t> samples, double p) {
  std::sort(samples.begin(), samples.end());
  // Rank ceil(p% of n), computed in integers of tenths of a percent so that no rounding can move it.
  const auto tenths = static_cast<size_t>(std::lround(p * 10));
  const size_t rank = std::max<size_t>(1, (tenths * samples.size() + 999) / 1000);
  return samples[rank - 1];
}

LogHistogram histogram_of(const std::vector<int64_t>& samples) {
  LogHistogram histogram;
  for (int64_t sample : samples) histogram.record(sample);
  return histogram;
}

TEST(LogHistogram, ValuesBelow2048AreExact) {
  std::vector<int64_t> samples;
  for (int64_t value = 2047; value >= 0; value -= 3) samples.push_back(value);
  const LogHistogram histogram = histogram_of(samples);
  for (double p : {1.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
    EXPECT_EQ(histogram.value_at_percentile(p), exact_percentile(samples, p)) << "p" << p;
  }
}

TEST(LogHistogram, PercentilesAreExactOrAboveByLessThanATenthOfAPercent) {
  const auto samples = spread_samples(20000);
  const LogHistogram histogram = histogram_of(samples);
  for (double p : {50.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
    const int64_t exact = exact_percentile(samples, p);
    const int64_t read = histogram.value_at_percentile(p);
    EXPECT_GE(read, exact) << "p" << p;
    EXPECT_LE(static_cast<double>(read - exact), static_cast<double>(exact) / 1024.0) << "p" << p;
  }
  EXPECT_EQ(histogram.count(), 20000);
  EXPECT_EQ(histogram.min(), *std::min_element(samples.begin(), samples.end()));
  EXPECT_EQ(histogram.max(), *std::max_element(samples.begin(), samples.end()));
  double sum = 0;
  for (int64_t sample : samples) sum += static_cast<double>(sample);
  EXPECT_DOUBLE_EQ(histogram.mean(), sum / 20000.0);
}

TEST(LogHistogram, ABucketIsNeverWiderThanA1024thOfItsLowestValue) {
  for (int64_t value : {int64_t{0}, int64_t{1}, int64_t{2047}, int64_t{2048}, int64_t{2049}, int64_t{4095},
                        int64_t{4096}, int64_t{123456}, int64_t{99999999}, int64_t{1} << 40}) {
    const int64_t low = LogHistogram::lowest_equivalent(value);
    const int64_t high = LogHistogram::highest_equivalent(value);
    EXPECT_LE(low, value);
    EXPECT_GE(high, value);
    EXPECT_LE(high - low + 1, std::max<int64_t>(1, low / 1024)) << value;
  }
  EXPECT_EQ(LogHistogram::lowest_equivalent(2049), 2048);   // [2048, 4096) is cut into buckets of 2
  EXPECT_EQ(LogHistogram::highest_equivalent(2049), 2049);
  EXPECT_EQ(LogHistogram::lowest_equivalent(5000), 5000);   // [4096, 8192): buckets of 4
  EXPECT_EQ(LogHistogram::highest_equivalent(5000), 5003);
}

TEST(LogHistogram, MergedPartsEqualTheWhole) {
  const auto samples = spread_samples(9000);
  LogHistogram parts[3];
  for (size_t index = 0; index < samples.size(); ++index) parts[index % 3].record(samples[index]);
  LogHistogram merged;
  for (const auto& part : parts) merged.merge(part);
  const LogHistogram whole = histogram_of(samples);
  EXPECT_EQ(merged.buckets(), whole.buckets());
  EXPECT_EQ(merged.count(), whole.count());
  EXPECT_EQ(merged.min(), whole.min());
  EXPECT_EQ(merged.max(), whole.max());
  EXPECT_DOUBLE_EQ(merged.mean(), whole.mean());
  for (double p : {50.0, 95.0, 99.9}) EXPECT_EQ(merged.value_at_percentile(p), whole.value_at_percentile(p));
}

TEST(LogHistogram, MergingIntoAnEmptyHistogramKeepsTheMinimum) {
  LogHistogram empty, other;
  other.record(700);
  other.record(900);
  empty.merge(other);
  EXPECT_EQ(empty.min(), 700);
  EXPECT_EQ(empty.max(), 900);
}

TEST(LogHistogram, RebuiltFromItsBucketsReadsTheSame) {
  const LogHistogram original = histogram_of(spread_samples(5000));
  const LogHistogram copy =
      LogHistogram::from_buckets(original.buckets(), original.min(), original.max(), original.sum());
  EXPECT_EQ(copy.buckets(), original.buckets());
  EXPECT_EQ(copy.count(), original.count());
  for (double p : {50.0, 90.0, 99.0, 100.0}) EXPECT_EQ(copy.value_at_percentile(p), original.value_at_percentile(p));
  EXPECT_DOUBLE_EQ(copy.mean(), original.mean());
}

TEST(LogHistogram, EmptyAndWeightedRecords) {
  LogHistogram histogram;
  EXPECT_EQ(histogram.value_at_percentile(99), 0);
  EXPECT_EQ(histogram.min(), 0);
  histogram.record(10, 99);
  histogram.record(5000);
  histogram.record(-4);   // a clock that went backwards counts as 0
  EXPECT_EQ(histogram.count(), 101);
  EXPECT_EQ(histogram.value_at_percentile(50), 10);
  EXPECT_EQ(histogram.value_at_percentile(99), 10);    // rank 100 of 101 is still a 10
  EXPECT_EQ(histogram.value_at_percentile(100), 5000);
  EXPECT_EQ(histogram.min(), 0);
}

}  // namespace
}  // namespace seedgen::bench

// bench_timing_test.cc: nearest-rank percentiles, the iteration count rule and the account-class picks.
// Expected values are worked out by hand in the comments.
#include <gtest/gtest.h>

#include "bench/run/account_classes.h"
#include "bench/run/benchmark_reporters.h"
#include "bench/run/timing_runner.h"
#include "bench/stats/latency_stats.h"
#include "core/error.h"

namespace seedgen::bench {
namespace {

TEST(BenchLatency, NearestRankPercentilesOfOneToHundred) {
  std::vector<double> samples;
  for (int value = 100; value >= 1; --value) samples.push_back(value);   // unsorted on purpose
  const LatencyStats stats = summarize_latencies(samples);
  EXPECT_EQ(stats.iterations, 100);
  EXPECT_DOUBLE_EQ(stats.p50, 50);    // rank ceil(0.50 * 100) = 50
  EXPECT_DOUBLE_EQ(stats.p95, 95);
  EXPECT_DOUBLE_EQ(stats.p99, 99);
  EXPECT_DOUBLE_EQ(stats.max, 100);
  EXPECT_DOUBLE_EQ(stats.mean, 50.5);
}

TEST(BenchLatency, SmallSamplesReportObservedValues) {
  // 7 samples: p50 is rank ceil(3.5) = 4, p95 rank ceil(6.65) = 7 (the max), p99 the max too.
  const LatencyStats stats = summarize_latencies({3.0, 1.0, 7.0, 2.0, 5.0, 4.0, 6.0});
  EXPECT_DOUBLE_EQ(stats.p50, 4);
  EXPECT_DOUBLE_EQ(stats.p95, 7);
  EXPECT_DOUBLE_EQ(stats.p99, 7);
}

TEST(BenchLatency, NoSamplesGiveZeroes) {
  const LatencyStats stats = summarize_latencies({});
  EXPECT_EQ(stats.iterations, 0);
  EXPECT_EQ(stats.max, 0);
}

TEST(BenchLatency, HistogramFiguresAgreeWithTheExactOnesWithinTheirPrecision) {
  std::vector<double> samples;
  for (int value = 1; value <= 1000; ++value) samples.push_back(value * 0.731);   // 0.731 .. 731 ms
  const LatencyStats exact = summarize_latencies(samples);
  const LatencyStats read = summarize_histogram(histogram_of(samples));
  EXPECT_EQ(read.iterations, 1000);
  // p99.9 is rank ceil(999) = 999, i.e. 999 x 0.731 ms; p90 rank 900.
  EXPECT_DOUBLE_EQ(exact.p999, 999 * 0.731);
  EXPECT_DOUBLE_EQ(exact.p90, 900 * 0.731);
  for (const auto& [got, want] : {std::pair{read.p50, exact.p50}, {read.p90, exact.p90}, {read.p95, exact.p95},
                                  {read.p99, exact.p99}, {read.p999, exact.p999}, {read.max, exact.max}}) {
    EXPECT_GE(got, want - 0.0005);                    // whole microseconds, rounded
    EXPECT_LE(got, want * (1 + 1.0 / 1024) + 0.0005);
  }
}

TEST(BenchTiming, BenchmarkNamesLoseTheirIterationCount) {
  benchmark::BenchmarkReporter::Run run;
  run.run_name.function_name = "ec2_idle/largest";
  run.run_name.iterations = "iterations:250";
  run.run_name.time_type = "real_time";
  const auto stable = stable_runs({run});
  ASSERT_EQ(stable.size(), 1u);
  EXPECT_EQ(stable[0].benchmark_name(), "ec2_idle/largest/real_time");
  EXPECT_EQ(run.benchmark_name(), "ec2_idle/largest/iterations:250/real_time");   // the input is left alone
}

TEST(BenchTiming, IterationsFollowTheBudgetWithinBounds) {
  TimingOptions options;
  options.budget_ms = 1000;
  options.min_iterations = 50;
  options.max_iterations = 1000;
  EXPECT_EQ(iterations_for(4.0, options), 250);     // 1000 / 4
  EXPECT_EQ(iterations_for(3.0, options), 334);     // ceil(333.3)
  EXPECT_EQ(iterations_for(0.01, options), 1000);   // capped
  EXPECT_EQ(iterations_for(500.0, options), 50);    // floor of stable percentiles
}

TEST(BenchAccounts, PicksLargestMedianAndTenthPercentileByRank) {
  std::vector<AccountSize> sizes;
  for (int rank = 0; rank < 21; ++rank) sizes.push_back({"acc-" + std::to_string(rank), 10 + rank});
  const auto classes = pick_account_classes(sizes);
  ASSERT_EQ(classes.size(), 3u);
  EXPECT_EQ(classes[0].name, "largest");
  EXPECT_EQ(classes[0].account_id, "acc-20");
  EXPECT_EQ(classes[0].resources, 30);
  EXPECT_EQ(classes[1].account_id, "acc-10");   // last index 20, median rank 10
  EXPECT_EQ(classes[2].account_id, "acc-2");    // rank 20 / 10
}

TEST(BenchAccounts, NoAccountsIsATargetError) {
  try {
    pick_account_classes({});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kTarget);
  }
}

}  // namespace
}  // namespace seedgen::bench

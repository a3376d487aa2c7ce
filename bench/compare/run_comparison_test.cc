// run_comparison_test.cc: two hand-made runs compared; a report written by json_report.cc read back as a
// comparable run; and a malformed report refused with a one-line reason.
#include "bench/compare/run_comparison.h"

#include <gtest/gtest.h>

#include <fstream>

#include "bench/compare/report_reader.h"
#include "bench/report/json_report.h"
#include "core/error.h"
#include "tests/support/temp_folder.h"

namespace seedgen::bench {
namespace {

ComparableRun run(const std::string& label, std::map<std::string, SeriesPoint> single) {
  ComparableRun made;
  made.label = label;
  made.dataset = "small seed 7, run 1";
  made.series[kSingleClientSeries] = std::move(single);
  return made;
}

TEST(RunComparison, ARegressionMustGrowBothByTheShareAndByTheFloor) {
  const ComparableRun old_run = run("A", {{"a/largest", {1, 10, 12, 50}}, {"b/largest", {0.1, 0.2, 0.3, 50}},
                                          {"c/largest", {5, 40, 50, 50}}, {"gone/small", {1, 1, 1, 50}}});
  const ComparableRun new_run = run("B", {{"a/largest", {1, 16, 20, 50}}, {"b/largest", {0.2, 0.9, 1.0, 50}},
                                          {"c/largest", {5, 41, 90, 50}}, {"new/small", {1, 1, 1, 50}}});
  const Comparison comparison = compare_runs(old_run, new_run, RegressionRule{0.5, 1, 95});
  ASSERT_EQ(comparison.rows.size(), 3u);
  EXPECT_EQ(comparison.rows[0].query, "a");
  EXPECT_EQ(comparison.rows[0].account_class, "largest");
  EXPECT_DOUBLE_EQ(comparison.rows[0].change, 0.6);   // 16 / 10 - 1
  EXPECT_TRUE(comparison.rows[0].regression);          // +60 % and +6 ms
  EXPECT_FALSE(comparison.rows[1].regression);         // +350 % but only +0.7 ms
  EXPECT_FALSE(comparison.rows[2].regression);         // +2.5 %
  EXPECT_EQ(comparison.regressions(), 1u);
  EXPECT_EQ(comparison.only_old, std::vector<std::string>{"single client: gone/small"});
  EXPECT_EQ(comparison.only_new, std::vector<std::string>{"single client: new/small"});
  EXPECT_TRUE(comparison.same_dataset);
  // Judged on p99 with +70 %: c regresses (50 -> 90 ms, +80 %), a does not (12 -> 20 ms, +67 %).
  const Comparison on_p99 = compare_runs(old_run, new_run, RegressionRule{0.7, 1, 99});
  EXPECT_FALSE(on_p99.rows[0].regression);
  EXPECT_TRUE(on_p99.rows[2].regression);
}

TEST(RunComparison, AReportReadsBackWithItsSeries) {
  BenchReport report;
  report.dataset.profile = "small";
  report.dataset.seed = 7;
  report.dataset.run_id = 3;
  report.run.started_at = "2026-11-28T06:00:00Z";
  report.run.host = "bench-1";
  QueryTiming timing;
  timing.query = "adhoc/x";
  timing.account_class = "largest";
  timing.latency.p50 = 1.5;
  timing.latency.p95 = 2.5;
  timing.latency.p99 = 3.5;
  timing.latency.iterations = 60;
  report.timings.push_back(timing);
  LoadRun load;
  load.clients = 4;
  load.duration_s = 10;
  LoadCell cell{"adhoc/x", "any", {}};
  for (int64_t us : {1000, 2000, 3000, 4000}) cell.latency_us.record(us);
  load.cells.push_back(cell);
  report.load_runs.push_back(load);

  testing::TempFolder folder;
  const std::string path = (folder.path() / "a.json").string();
  write_json_report(report, path);
  const ComparableRun read = read_comparable_run(path);
  const ComparableRun direct = comparable_run(report, path);
  EXPECT_EQ(read.dataset, "small seed 7, run 3");
  EXPECT_EQ(read.host, "bench-1");
  EXPECT_EQ(read.started_at, "2026-11-28T06:00:00Z");
  ASSERT_EQ(read.series.size(), 2u);
  const SeriesPoint single = read.series.at(kSingleClientSeries).at("adhoc/x/largest");
  EXPECT_DOUBLE_EQ(single.p95_ms, 2.5);
  EXPECT_EQ(single.count, 60);
  const SeriesPoint concurrent = read.series.at("quiet, 4 clients, closed loop").at("adhoc/x/any");
  EXPECT_DOUBLE_EQ(concurrent.p95_ms, 4.0);   // rank 4 of 4
  EXPECT_EQ(concurrent.count, 4);
  EXPECT_DOUBLE_EQ(direct.series.at("quiet, 4 clients, closed loop").at("adhoc/x/any").p50_ms, 2.0);
}

TEST(RunComparison, AFileThatIsNotAReportIsAnIoErrorNamingIt) {
  testing::TempFolder folder;
  const std::string path = (folder.path() / "b.json").string();
  std::ofstream(path) << R"({"timings": []})";
  try {
    read_comparable_run(path);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kIo);
    EXPECT_NE(std::string(error.what()).find(path + " is not a seedbench JSON report"), std::string::npos);
  }
  EXPECT_THROW(read_comparable_run((folder.path() / "missing.json").string()), Error);
}

}  // namespace
}  // namespace seedgen::bench

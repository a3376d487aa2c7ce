// load_search_test.cc: the capacity search against a fake system with a known capacity, a step's verdict
// from a hand-made run, and the writer process (started, stopped, ended on its own, the drift probe).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "bench/load/capacity_search.h"
#include "bench/load/writer_process.h"
#include "tests/support/temp_folder.h"

namespace seedgen::bench {
namespace {

// A fake system: every step at or below `capacity` passes.
StepRunner threshold(double capacity, std::vector<double>& tried) {
  return [capacity, &tried](double rate) {
    tried.push_back(rate);
    CapacityStep step;
    step.passed = rate <= capacity;
    return step;
  };
}

TEST(CapacitySearch, GrowsThenBisectsToWithinTheResolution) {
  std::vector<double> tried;
  SearchOptions options;
  options.start_qps = 10;
  options.max_steps = 12;
  const CapacityReport report = search_capacity(threshold(37.3, tried), options);
  // 10, 15, 22.5, 33.8 (33.75 rounded to 0.1), 50.7 (fails), then bisection between 33.8 and 50.7.
  ASSERT_GE(tried.size(), 6u);
  EXPECT_DOUBLE_EQ(tried[1], 15);
  EXPECT_DOUBLE_EQ(tried[3], 33.8);
  EXPECT_DOUBLE_EQ(tried[4], 50.7);
  EXPECT_DOUBLE_EQ(tried[5], 42.3);   // (33.8 + 50.7) / 2 = 42.25, rounded
  EXPECT_LE(report.capacity_qps, 37.3);
  EXPECT_GE(report.capacity_qps, 37.3 * (1 - 0.05) - 0.1);
  EXPECT_EQ(report.steps.size(), tried.size());
}

TEST(CapacitySearch, HalvesWhenTheStartFailsAndReportsZeroWhenNothingPasses) {
  std::vector<double> tried;
  SearchOptions options;
  options.start_qps = 40;
  const CapacityReport some = search_capacity(threshold(12, tried), options);
  EXPECT_DOUBLE_EQ(tried[0], 40);
  EXPECT_DOUBLE_EQ(tried[1], 20);
  EXPECT_DOUBLE_EQ(tried[2], 10);
  EXPECT_GT(some.capacity_qps, 10 - 1e-9);
  EXPECT_LE(some.capacity_qps, 12);
  tried.clear();
  options.max_steps = 4;
  const CapacityReport none = search_capacity(threshold(0, tried), options);
  EXPECT_EQ(none.capacity_qps, 0);
  EXPECT_EQ(none.steps.size(), 4u);
}

LoadCell cell(const std::string& query, const std::string& account_class, std::vector<int64_t> latencies_us) {
  LoadCell made{query, account_class, {}};
  for (int64_t latency : latencies_us) made.latency_us.record(latency);
  return made;
}

TEST(CapacitySearch, AStepPassesOnlyIfEveryQuestionsMergedP95IsWithinTarget) {
  LoadRun run;
  run.rate_qps = 20;
  run.duration_s = 10;
  // "slow" is fine per class (each p95 is 90 ms) but one class has a 150 ms tail: merged, 2 of 20 over.
  std::vector<int64_t> ok(19, 90000);
  std::vector<int64_t> tail(18, 1000);
  tail.push_back(150000);
  tail.push_back(150000);
  run.cells = {cell("fast", "largest", {1000, 2000}), cell("slow", "largest", ok), cell("slow", "median", tail)};
  for (const auto& c : run.cells) run.overall_us.merge(c.latency_us);
  CapacityStep step = judge_step(run, 100);
  EXPECT_EQ(step.worst_query, "slow");
  EXPECT_NEAR(step.worst_p95_ms, 150, 0.2);   // rank 38 of 40 merged samples is a 150 ms one
  EXPECT_FALSE(step.passed);
  EXPECT_DOUBLE_EQ(step.achieved_qps, 4.1);   // 41 answers in 10 s
  EXPECT_TRUE(judge_step(run, 200).passed);
  run.unfinished = 1;
  EXPECT_FALSE(judge_step(run, 200).passed);
}

TEST(WriterProcess, StartsStopsAndReportsHowItEnded) {
  testing::TempFolder folder;
  const std::string log = (folder.path() / "writer.log").string();
  WriterProcess writer(shell_argv("echo started; sleep 30"), log);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(writer.running());
  EXPECT_EQ(writer.stop(), "stopped by SIGTERM");
  EXPECT_FALSE(writer.running());
  EXPECT_EQ(writer.ended_on_its_own(), "");
  std::ifstream in(log);
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "started");
}

TEST(WriterProcess, AWriterThatDiesEarlySaysSo) {
  testing::TempFolder folder;
  WriterProcess writer(shell_argv("exit 3"), (folder.path() / "writer.log").string());
  for (int wait = 0; wait < 100 && writer.running(); ++wait) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(writer.running());
  EXPECT_EQ(writer.ended_on_its_own(), "exited with 3");
  EXPECT_EQ(writer.stop(), "exited with 3");
}

TEST(WriterProcess, TheDriftProbeAsksSeedgenItself) {
  testing::TempFolder folder;
  // A fake seedgen whose `drift --help` exits `code` and names --follow when `follow`.
  const auto fake = [&folder](const std::string& name, int code, bool follow) {
    const auto path = folder.path() / name;
    std::ofstream(path) << "#!/bin/sh\n[ \"$1\" = drift ] && [ \"$2\" = --help ] && echo '  --days N' && "
                        << (follow ? "echo '  --follow' && " : "") << "exit " << code << "\nexit 9\n";
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path.string();
  };
  EXPECT_TRUE(drift_engine_available(fake("with-drift", 0, true)));
  EXPECT_FALSE(drift_engine_available(fake("without-drift", 2, false)));
  EXPECT_FALSE(drift_engine_available(fake("drift-without-follow", 0, false)));
  EXPECT_EQ(command_line_text(default_drift_argv("/opt/seedgen", 60, "postgresql:///x?host=/tmp&port=1")),
            "/opt/seedgen drift --follow --day-seconds 60 --db 'postgresql:///x?host=/tmp&port=1'");
}

}  // namespace
}  // namespace seedgen::bench

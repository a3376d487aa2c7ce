// seedbench v2 end to end on a loaded tiny fleet (real PostgreSQL 15): many clients (closed and open loop),
// the writer alongside (by default seedgen drift --follow, which moves the estate; a --drift-command writer runs and is
// stopped), the capacity search, `seedbench compare` and --baseline, the hypopg advisor (which must leave
// no index or extension behind) and cold timings.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "command_outcome.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::Outcome;

Outcome seedbench(const std::string& arguments) { return testing::run_binary(SEEDBENCH_BINARY, arguments + " --summary /dev/null"); }

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// A tiny fleet shared by the tests that only read it.
class SeedbenchPhases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new testing::TestDatabase();
    std::string output;
    ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --seed 6 --quiet --db '" +
                                   database_->url() + "'", &output), 0) << output;
  }
  static void TearDownTestSuite() { delete database_; }
  static std::string db() { return "--db '" + database_->url() + "' "; }
  static inline testing::TestDatabase* database_ = nullptr;
  testing::TempFolder folder_;
  std::string path(const std::string& name) const { return (folder_.path() / name).string(); }
};

TEST(SeedbenchPhasesCli, PhaseFlagsThatContradictAreExitTwo) {
  EXPECT_EQ(seedbench("--rate 10").code, 2);
  EXPECT_EQ(seedbench("--clients 2 --duration 0").code, 2);
  EXPECT_EQ(seedbench("--baseline x.json --regression-percentile 90").code, 2);
  const Outcome bad_out = seedbench("--benchmark_out=x.json");
  EXPECT_EQ(bad_out.code, 2);
  EXPECT_NE(bad_out.output.find("use --benchmark-json"), std::string::npos);
}

TEST_F(SeedbenchPhases, ClosedLoopCellsAddUpToTheRunAndNameKnownQueriesAndClasses) {
  const Outcome outcome = seedbench(db() + "--no-single-client --no-analysis --clients 2 --duration 2 --warmup 0.5 "
                                    "--gate --target-ms 60000 --json " + path("a.json"));
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  const auto report = read_json(path("a.json"));
  const auto& run = report["concurrency"]["runs"][0];
  EXPECT_EQ(run["phase"], "quiet");
  EXPECT_EQ(run["mode"], "closed");
  EXPECT_EQ(run["clients"], 2);
  int64_t cells = 0;
  std::set<std::string> classes;
  for (const auto& cell : run["cells"]) {
    cells += cell["count"].get<int64_t>();
    classes.insert(cell["account_class"].get<std::string>());
    EXPECT_LE(cell["p50_ms"].get<double>(), cell["p95_ms"].get<double>());
    EXPECT_LE(cell["p95_ms"].get<double>(), cell["max_ms"].get<double>() + 0.001);
  }
  EXPECT_EQ(cells, run["overall"]["count"].get<int64_t>());
  EXPECT_GT(cells, 10);
  for (const auto& name : classes) {
    EXPECT_TRUE(name == "largest" || name == "median" || name == "small" || name == "any" || name == "global") << name;
  }
  EXPECT_EQ(report["concurrency"]["writer"]["note"], "not measured (no writer ran)");
  EXPECT_TRUE(report["timings"].empty());
  EXPECT_FALSE(report["run"]["started_at"].get<std::string>().empty());
}

TEST_F(SeedbenchPhases, OpenLoopMeasuresEveryArrivalOfTheWindowAndTheCapacitySearchRuns) {
  // 16 arrivals a second: the window (2 s after a 0.5 s warm-up) holds exactly 32.
  const Outcome outcome = seedbench(db() + "--no-single-client --no-analysis --clients 2 --rate 16 --duration 2 "
                                    "--warmup 0.5 --find-capacity --capacity-step-seconds 1 --capacity-steps 2 "
                                    "--json " + path("open.json"));
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  const auto report = read_json(path("open.json"));
  const auto& runs = report["concurrency"]["runs"];
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["mode"], "open");
  EXPECT_EQ(runs[0]["overall"]["count"], 32);
  EXPECT_EQ(runs[0]["unfinished"], 0);
  const auto& capacity = report["concurrency"]["capacity"][0];
  EXPECT_EQ(capacity["steps"].size(), 2u);
  EXPECT_GE(capacity["capacity_qps"].get<double>(), 0);
}

TEST_F(SeedbenchPhases, CompareFindsARegressionAndRefusesANonReport) {
  ASSERT_EQ(seedbench(db() + "--queries 'ec2_*' --no-analysis --budget-ms 20 --min-iterations 5 --json " + path("a.json")).code, 0);
  auto slower = read_json(path("a.json"));
  for (auto& timing : slower["timings"]) {
    for (const char* field : {"p50_ms", "p95_ms", "p99_ms"}) timing[field] = timing[field].get<double>() * 10 + 5;
  }
  std::ofstream(path("b.json")) << slower.dump();
  const Outcome same = testing::run_binary(SEEDBENCH_BINARY, "compare " + path("a.json") + " " + path("a.json"));
  EXPECT_EQ(same.code, 0) << same.output;
  // The comparison table is the Markdown on stdout (Outcome keeps stderr only).
  std::string table;
  const int worse = testing::run_command(std::string(SEEDBENCH_BINARY) + " compare " + path("a.json") + " " +
                                             path("b.json") + " --report " + path("ab.html"),
                                         &table);
  EXPECT_EQ(worse, 9) << table;
  EXPECT_NE(table.find("ec2_idle | largest"), std::string::npos) << table;
  std::ifstream page(path("ab.html"));
  const std::string html((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
  EXPECT_NE(html.find(R"(id="ab-view")"), std::string::npos);
  std::ofstream(path("c.json")) << "{}";
  const Outcome broken = testing::run_binary(SEEDBENCH_BINARY, "compare " + path("a.json") + " " + path("c.json"));
  EXPECT_EQ(broken.code, 8);
  testing::expect_one_line(broken, "seedbench");
  // A run against a baseline it is much faster than passes; against b.json's inflated figures too.
  EXPECT_EQ(seedbench(db() + "--queries 'ec2_*' --no-analysis --budget-ms 20 --min-iterations 5 --baseline " + path("b.json")).code, 0);
}

TEST_F(SeedbenchPhases, TheAdvisorLeavesNoIndexOrExtensionBehind) {
  // Without migration 019's index, instance_cpu_daily reads every metrics row of the account: the advisor
  // has a candidate to try (account, type, date) and must leave nothing behind.
  database_->query_value("drop index idx_metrics_daily_account_type_date; select 1");
  const Outcome outcome = seedbench(db() + "--queries 'adhoc/instance_cpu_daily,adhoc/tagged_storage_cost' "
                                    "--no-index-hiding --budget-ms 20 --min-iterations 5 --advise --advise-share 0 "
                                    "--json " + path("advice.json"));
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  const auto advisor = read_json(path("advice.json"))["advisor"];
  EXPECT_TRUE(advisor["ran"].get<bool>()) << advisor.dump();
  ASSERT_EQ(advisor["recommendations"].size(), 2u);
  int tried = 0;
  for (const auto& r : advisor["recommendations"]) {
    tried += r["candidates_tried"].get<int>();
    EXPECT_EQ(r["write_cost"], "not measured (no writer ran)");
    if (r["built"].get<bool>()) {
      EXPECT_GT(r["size_bytes"].get<int64_t>(), 0);
    }
  }
  EXPECT_GT(tried, 0);
  EXPECT_EQ(database_->query_value("select count(*) from pg_class where relname like 'seedbench_advice%'"), "0");
  EXPECT_EQ(database_->query_value("select count(*) from pg_extension where extname = 'hypopg'"), "0");
  // The suite's database is shared: put the index back as migration 019 made it.
  database_->query_value("create index idx_metrics_daily_account_type_date on metrics_daily (account_id, resource_type, date); "
                         "comment on index idx_metrics_daily_account_type_date is "
                         "'agent query catalog: adhoc/instance_cpu_daily (a window of days of one account''s metrics of one type)'; "
                         "select 1");
}

TEST_F(SeedbenchPhases, ColdTimesEveryQueryAndClassAfterTheRestartCommand) {
  const Outcome outcome = seedbench(db() + "--queries 'ec2_idle,adhoc/global_top_instances' --no-analysis --budget-ms 20 "
                                    "--min-iterations 5 --cold --cold-restart 'touch " + path("restarted") + "' "
                                    "--cold-keep-os-cache --json " + path("cold.json"));
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  const auto cold = read_json(path("cold.json"))["cold"];
  EXPECT_TRUE(cold["ran"].get<bool>());
  EXPECT_EQ(cold["timings"].size(), 4u);   // ec2_idle for three classes, the global question once
  EXPECT_TRUE(std::filesystem::exists(path("restarted")));
  const Outcome failing = seedbench(db() + "--queries ec2_idle --no-analysis --budget-ms 20 --min-iterations 5 --cold "
                                    "--cold-restart false");
  EXPECT_EQ(failing.code, 5);
  EXPECT_NE(failing.output.find("seedbench: the restart command failed (exit status 1): false"), std::string::npos)
      << failing.output;
}

void load_tiny(const testing::TestDatabase& database, int seed) {
  std::string output;
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --seed " + std::to_string(seed) +
                                 " --quiet --db '" + database.url() + "'", &output), 0) << output;
}

TEST(SeedbenchDrift, AWriterCommandRunsAlongsideAndAWriterThatDiesFailsThePhase) {
  testing::TestDatabase database;
  load_tiny(database, 6);
  testing::TempFolder folder;
  const std::string json = (folder.path() / "drift.json").string();
  const std::string writer = "while true; do psql '" + database.url() + "' -Xqc 'update instances set avg_cpu_7d = "
                             "avg_cpu_7d where id in (select id from instances limit 20)'; sleep 0.05; done";
  const Outcome outcome = seedbench("--db '" + database.url() + "' --no-single-client --no-analysis --clients 2 "
                                    "--duration 2 --warmup 0.5 --with-drift --drift-command \"" + writer + "\" --json " + json);
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  const auto report = read_json(json);
  ASSERT_EQ(report["concurrency"]["runs"].size(), 2u);
  EXPECT_EQ(report["concurrency"]["runs"][1]["phase"], "drift");
  EXPECT_NE(report["concurrency"]["writer"]["note"].get<std::string>().find("then stopped by SIGTERM"), std::string::npos)
      << report["concurrency"]["writer"].dump();
  const Outcome dies = seedbench("--db '" + database.url() + "' --no-single-client --no-analysis --clients 1 --duration 1 "
                                 "--warmup 0 --with-drift --drift-command 'exit 3'");
  EXPECT_EQ(dies.code, 5) << dies.output;
  EXPECT_NE(dies.output.find("the writer exited with 3 during the drift phase"), std::string::npos) << dies.output;
}

TEST(SeedbenchDrift, TheDefaultWriterIsSeedgensTrickledDriftStoppedWhenThePhaseEnds) {
  testing::TestDatabase database;
  load_tiny(database, 7);
  std::string output;
  testing::TempFolder folder;
  const std::string json = (folder.path() / "drift.json").string();
  const Outcome outcome = seedbench("--db '" + database.url() + "' --no-single-client --no-analysis --clients 2 --duration 4 "
                                    "--warmup 0.5 --with-drift --drift-day-seconds 1 --json " + json);
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  const auto report = read_json(json);
  ASSERT_EQ(report["concurrency"]["runs"].size(), 2u);
  EXPECT_EQ(report["concurrency"]["runs"][1]["phase"], "drift");
  EXPECT_NE(report["concurrency"]["writer"]["command"].get<std::string>().find("drift --follow --day-seconds 1 --db"),
            std::string::npos) << report["concurrency"]["writer"].dump();
  // The writer was seedgen's drift itself, stopped by SIGTERM at the end of the phase: its own interrupt
  // line is in the writer's log (how far it got depends on the machine's speed: on a loaded one, or under
  // the sanitizers, a tiny day's generation can outlast the phase).
  const std::string note = report["concurrency"]["writer"]["note"].get<std::string>();
  const auto log_at = note.find("output in ");
  ASSERT_NE(log_at, std::string::npos) << note;
  std::ifstream log(note.substr(log_at + 10));
  const std::string written((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(written.find("seedgen: interrupted"), std::string::npos) << written;
  // Whatever it left, whole days or a day's first steps, the next drift finishes and moves on.
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " drift --quiet --db '" + database.url() + "'", &output), 0)
      << output;
  EXPECT_EQ(database.query_value("select count(*) from seedgen.drift_steps"), "0");
  EXPECT_NE(database.query_value("select count(*) from seedgen.drift_days"), "0");
}

}  // namespace
}  // namespace seedgen

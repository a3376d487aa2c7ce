// seedbench on bad input and at its gate: one clear line and the documented exit code (README,
// "seedbench"), against real databases on the test cluster: 2 usage, 4 unreachable, 5 no usable fleet
// (empty, never loaded, answer key missing, other profile), 9 gate failed.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/temp_folder.h"
#include "command_outcome.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::Outcome;
using testing::run_command;

Outcome seedbench(const std::string& arguments) {
  return testing::run_binary(SEEDBENCH_BINARY, arguments + " --summary /dev/null");
}

std::string db_flag(const testing::TestDatabase& database) { return "--db '" + database.url() + "' "; }

void expect_error_line(const Outcome& outcome, const std::string& containing) {
  testing::expect_one_line(outcome, "seedbench");
  EXPECT_NE(outcome.output.find(containing), std::string::npos) << outcome.output;
}

void load_tiny(const testing::TestDatabase& database) {
  std::string output;
  ASSERT_EQ(run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --seed 5 --quiet --db '" + database.url() + "'",
                        &output), 0) << output;
}

TEST(SeedbenchCli, NonPositiveTargetIsExitTwo) {
  expect_error_line(seedbench("--target-ms 0"), "--target-ms must be a number greater than 0");
  EXPECT_EQ(seedbench("--target-ms -5").code, 2);
}

TEST(SeedbenchCli, UnknownQueryIsExitTwoNamingIt) {
  const Outcome outcome = seedbench("--queries ec2_idle,nat_gateway_idle --db postgresql://127.0.0.1:1/none");
  EXPECT_EQ(outcome.code, 2);
  expect_error_line(outcome, "unknown query 'nat_gateway_idle'");
}

TEST(SeedbenchCli, UnreachableServerIsExitFour) {
  const Outcome outcome = seedbench("--db postgresql://127.0.0.1:1/none");
  EXPECT_EQ(outcome.code, 4);
  expect_error_line(outcome, "seedbench: ");
}

TEST(SeedbenchCli, EmptyDatabaseIsExitFive) {
  testing::TestDatabase database;
  const Outcome outcome = seedbench(db_flag(database));
  EXPECT_EQ(outcome.code, 5);
  expect_error_line(outcome, "no seedgen fleet");
}

TEST(SeedbenchCli, MigratedButNeverLoadedIsExitFive) {
  testing::TestDatabase database;
  std::string output;
  ASSERT_EQ(run_command(std::string(SEEDGEN_BINARY) + " migrate --db '" + database.url() + "'", &output), 0) << output;
  const Outcome outcome = seedbench(db_flag(database));
  EXPECT_EQ(outcome.code, 5);
  expect_error_line(outcome, "no completed seedgen load");
}

TEST(SeedbenchCli, MissingAnswerKeyAndOtherProfileAreExitFive) {
  testing::TestDatabase database;
  load_tiny(database);
  const Outcome other = seedbench(db_flag(database) + "--profile large");
  EXPECT_EQ(other.code, 5);
  expect_error_line(other, "holds profile 'tiny'");
  database.query_value("delete from seedgen.planted_waste");
  const Outcome keyless = seedbench(db_flag(database));
  EXPECT_EQ(keyless.code, 5);
  expect_error_line(keyless, "answer key");
}

// The gate and the JSON report, end to end on a loaded fleet.
class SeedbenchGate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new testing::TestDatabase();
    load_tiny(*database_);
  }
  static void TearDownTestSuite() { delete database_; }
  static inline testing::TestDatabase* database_ = nullptr;
};

TEST_F(SeedbenchGate, AnImpossibleTargetFailsNamingEveryClass) {
  const Outcome outcome = seedbench(db_flag(*database_) +
                                    "--queries ec2_idle --gate --target-ms 0.0001 --no-analysis --budget-ms 20");
  EXPECT_EQ(outcome.code, 9) << outcome.output;
  for (const char* name : {"ec2_idle/largest", "ec2_idle/median", "ec2_idle/small"}) {
    EXPECT_NE(outcome.output.find(name), std::string::npos) << outcome.output;
  }
}

TEST_F(SeedbenchGate, AGenerousTargetPassesAndTheJsonCarriesTheFingerprint) {
  testing::TempFolder folder;
  const std::string json = (folder.path() / "bench.json").string();
  const Outcome outcome = seedbench(db_flag(*database_) + "--queries 'ebs_*' --gate --target-ms 60000 --budget-ms 20 "
                                    "--min-iterations 5 --json " + json);
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  std::ifstream in(json);
  const auto report = nlohmann::json::parse(in);
  EXPECT_TRUE(report["gate"]["passed"].get<bool>());
  EXPECT_EQ(report["dataset"]["profile"], "tiny");
  EXPECT_EQ(report["dataset"]["seed"], 5);
  EXPECT_EQ(report["timings"].size(), 9u);   // three ebs_* queries x three account classes
  // The fingerprint is seedgen.runs' own record, read back independently here.
  EXPECT_EQ(report["dataset"]["checksums"]["public.volumes"].get<std::string>(),
            database_->query_value("select checksums->>'public.volumes' from seedgen.runs where status = 'completed'"));
  // The largest class really is the account with the most resources (instances alone decide it on tiny
  // only if they agree; compare with an independent count over the resource tables).
  const std::string largest = database_->query_value(
      "select account_id from (select account_id from instances union all select account_id from volumes "
      "union all select account_id from snapshots union all select account_id from s3_buckets "
      "union all select account_id from rds_instances union all select account_id from cache_clusters "
      "union all select account_id from load_balancers union all select account_id from elastic_ips "
      "union all select account_id from lambda_functions union all select account_id from container_clusters "
      "union all select account_id from streaming_clusters union all select account_id from managed_services "
      "union all select account_id from log_groups union all select c.account_id from container_nodes n "
      "join container_clusters c on c.id = n.cluster_id) r group by 1 order by count(*) desc, 1 desc limit 1");
  EXPECT_EQ(report["accounts"][0]["name"], "largest");
  EXPECT_EQ(report["accounts"][0]["account_id"], largest);
  for (const auto& timing : report["timings"]) {
    EXPECT_GE(timing["iterations"].get<int>(), 5);
    EXPECT_LE(timing["p50_ms"].get<double>(), timing["p95_ms"].get<double>());
    EXPECT_LE(timing["p95_ms"].get<double>(), timing["max_ms"].get<double>());
  }
  // Migrations 016's, 019's and 022's indexes (3, 7 and 1) keep their "agent query catalog:" comment through the
  // load's index rebuild, which is how seedbench tells them apart (and measures the "before").
  int catalog_indexes = 0;
  for (const auto& index : report["indexes"]) catalog_indexes += index["from_query_catalog"].get<bool>() ? 1 : 0;
  EXPECT_EQ(catalog_indexes, 3 + 7 + 1);
}

}  // namespace
}  // namespace seedgen

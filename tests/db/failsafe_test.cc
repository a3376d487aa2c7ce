// A load that is killed, interrupted or loses its server at any moment leaves the live fleet exactly as it
// was (data and catalog); an interrupted run ends 'failed' and removes what it staged; what a killed run
// staged is removed by `seedgen clean` and by the next load, which marks the dead run abandoned.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "catalog_fingerprint.h"
#include "db/connection.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::TestDatabase;

constexpr const char* kDataFingerprintSql =
    "select (select count(*) from instances) || ':' || (select count(*) from metrics_daily) || ':' || "
    "(select md5(string_agg(instance_id, ',' order by instance_id)) from instances) || ':' || "
    "(select count(*) from seedgen.planted_waste) || ':' || "
    "(select count(*) || '/' || sum(monthly_cost) from cost_rollup_monthly)";

constexpr const char* kLeftoverSchemasSql =
    "select count(*) from pg_namespace where nspname ~ '^seedgen_(stage|old)_[0-9]+$'";

pid_t start_load(const TestDatabase& database, const std::string& extra) {
  const pid_t child = fork();
  if (child == 0) {
    const std::string command = std::string("exec ") + SEEDGEN_BINARY + " --profile small --quiet --reset " + extra +
                                " --db '" + database.url() + "' >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return child;
}

// wait_for_activity: true once a session of the load shows `application_name` (the first session names the
// phase, "seedgen: indexes"; the others their task, "seedgen: indexes: idx_x"), polled over one connection.
bool wait_for_activity(const TestDatabase& database, const std::string& application_name, bool prefix = false) {
  Connection watcher(database.url());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  const std::string condition = prefix ? "application_name like '" + application_name + "%'"
                                       : "application_name = '" + application_name + "'";
  while (std::chrono::steady_clock::now() < deadline) {
    const auto found = pqxx::nontransaction(watcher.session())
                           .exec("select count(*) from pg_stat_activity where datname = current_database() and " + condition);
    if (found[0][0].as<int>() > 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

int wait_exit_code(pid_t child) {
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

class FailSafe : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string output;
    ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --db '" + database_.url() + "'", &output), 0) << output;
    data_before_ = database_.query_value(kDataFingerprintSql);
    catalog_before_ = database_.query_value(testing::kCatalogFingerprintSql);
  }

  // ExpectLiveFleetUnchanged: the data as before; the catalog too, once leftovers of a killed run are cleaned.
  void ExpectLiveFleetUnchanged() {
    EXPECT_EQ(database_.query_value(kDataFingerprintSql), data_before_);
    std::string output;
    EXPECT_EQ(testing::run_seedgen("clean --db '" + database_.url() + "'", &output), 0) << output;
    EXPECT_EQ(testing::catalog_difference(catalog_before_, database_.query_value(testing::kCatalogFingerprintSql)), "");
  }

  void ExpectTheNextLoadSucceeds() {
    std::string output;
    ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --reset --db '" + database_.url() + "'", &output), 0) << output;
    EXPECT_EQ(database_.query_value(kLeftoverSchemasSql), "0");
    EXPECT_EQ(database_.query_value("select status from seedgen.runs order by run_id desc limit 1"), "completed");
  }

  TestDatabase database_;
  std::string data_before_, catalog_before_;
};

TEST_F(FailSafe, KillDuringCopyLeavesTheLiveFleetAndTheNextLoadCleansUp) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_activity(database_, "seedgen: generate+copy"));
  kill(child, SIGKILL);
  wait_exit_code(child);
  EXPECT_EQ(database_.query_value(kDataFingerprintSql), data_before_);
  // The next load finds the dead run and what it staged, without `seedgen clean`.
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --reset --db '" + database_.url() + "'", &output), 0) << output;
  EXPECT_NE(output.find("abandoned"), std::string::npos) << output;
  EXPECT_EQ(database_.query_value("select count(*) from seedgen.runs where status = 'abandoned'"), "1");
  EXPECT_EQ(database_.query_value(kLeftoverSchemasSql), "0");
  EXPECT_EQ(testing::catalog_difference(catalog_before_, database_.query_value(testing::kCatalogFingerprintSql)), "");
}

TEST_F(FailSafe, KillDuringIndexBuildsLeavesTheLiveFleetAndCleanRemovesTheStage) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_activity(database_, "seedgen: indexes: ", true));
  kill(child, SIGKILL);
  wait_exit_code(child);
  EXPECT_NE(database_.query_value(kLeftoverSchemasSql), "0") << "the killed run left its staging schema";
  ExpectLiveFleetUnchanged();
  EXPECT_EQ(database_.query_value(kLeftoverSchemasSql), "0");
  EXPECT_EQ(database_.query_value("select count(*) from seedgen.runs where status = 'abandoned'"), "1");
  ExpectTheNextLoadSucceeds();
}

TEST_F(FailSafe, KillDuringForeignKeysOrLaterLeavesTheLiveFleet) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_activity(database_, "seedgen: foreign keys: ", true));
  kill(child, SIGKILL);
  wait_exit_code(child);
  ExpectLiveFleetUnchanged();
  ExpectTheNextLoadSucceeds();
}

TEST_F(FailSafe, InterruptEndsTheRunFailedAndExits130) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_activity(database_, "seedgen: generate+copy"));
  kill(child, SIGINT);
  EXPECT_EQ(wait_exit_code(child), 130);
  EXPECT_EQ(database_.query_value("select status from seedgen.runs order by run_id desc limit 1"), "failed");
  EXPECT_EQ(database_.query_value(kLeftoverSchemasSql), "0") << "an interrupted load removes what it staged";
  ExpectLiveFleetUnchanged();
}

TEST_F(FailSafe, TermDuringIndexBuildEndsTheRunFailedAndExits143) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_activity(database_, "seedgen: indexes: ", true));
  kill(child, SIGTERM);
  EXPECT_EQ(wait_exit_code(child), 143);
  EXPECT_EQ(database_.query_value("select status from seedgen.runs order by run_id desc limit 1"), "failed");
  EXPECT_EQ(database_.query_value(kLeftoverSchemasSql), "0");
  ExpectLiveFleetUnchanged();
}

TEST_F(FailSafe, ServerGoneMidLoadIsExitSevenAndNothingChanges) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_activity(database_, "seedgen: generate+copy: ", true));
  database_.query_value("select pg_terminate_backend(pid) from pg_stat_activity "
                        "where datname = current_database() and application_name like 'seedgen: generate+copy: %'");
  EXPECT_EQ(wait_exit_code(child), 7);
  EXPECT_EQ(database_.query_value("select status from seedgen.runs order by run_id desc limit 1"), "failed");
  ExpectLiveFleetUnchanged();
}

}  // namespace
}  // namespace seedgen

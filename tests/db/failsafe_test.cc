// A load that is killed, interrupted or loses its server at any moment leaves the database exactly as
// it was, and the next load finds the dead run and marks it abandoned.
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

// wait_for_phase: true once the load's session announces `phase` (its application_name), polled over
// one connection.
bool wait_for_phase(const TestDatabase& database, const std::string& phase) {
  Connection watcher(database.url());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    const auto found = pqxx::nontransaction(watcher.session())
                           .exec("select count(*) from pg_stat_activity where datname = current_database() "
                                 "and application_name = 'seedgen: " + phase + "'");
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
    ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --quiet --db '" + database_.url() + "'",
                                   &output),
              0)
        << output;
    data_before_ = database_.query_value(kDataFingerprintSql);
    catalog_before_ = database_.query_value(testing::kCatalogFingerprintSql);
  }

  void ExpectUnchanged() {
    EXPECT_EQ(database_.query_value(kDataFingerprintSql), data_before_);
    EXPECT_EQ(database_.query_value(testing::kCatalogFingerprintSql), catalog_before_);
  }

  TestDatabase database_;
  std::string data_before_, catalog_before_;
};

TEST_F(FailSafe, KillDuringCopyLeavesTheDatabaseAsItWas) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_phase(database_, "generate+copy"));
  kill(child, SIGKILL);
  wait_exit_code(child);
  ExpectUnchanged();
  // The next load notices the dead run.
  std::string output;
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --quiet --reset --db '" +
                                     database_.url() + "'", &output), 0) << output;
  EXPECT_EQ(database_.query_value("select count(*) from seedgen.runs where status = 'abandoned'"), "1");
}

TEST_F(FailSafe, KillWhileRebuildingForeignKeysLeavesTheDatabaseAsItWas) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_phase(database_, "foreign keys"));
  kill(child, SIGKILL);
  wait_exit_code(child);
  ExpectUnchanged();
}

TEST_F(FailSafe, InterruptRollsBackAndExits130) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_phase(database_, "generate+copy"));
  kill(child, SIGINT);
  EXPECT_EQ(wait_exit_code(child), 130);
  ExpectUnchanged();
  EXPECT_EQ(database_.query_value("select status from seedgen.runs order by run_id desc limit 1"), "failed");
}

TEST_F(FailSafe, TermDuringIndexBuildRollsBackAndExits143) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_phase(database_, "indexes"));
  kill(child, SIGTERM);
  EXPECT_EQ(wait_exit_code(child), 143);
  ExpectUnchanged();
}

TEST_F(FailSafe, ServerGoneMidLoadIsExitSevenAndNothingCommits) {
  const pid_t child = start_load(database_, "");
  ASSERT_TRUE(wait_for_phase(database_, "generate+copy"));
  database_.query_value("select pg_terminate_backend(pid) from pg_stat_activity "
                        "where datname = current_database() and application_name = 'seedgen: generate+copy'");
  EXPECT_EQ(wait_exit_code(child), 7);
  ExpectUnchanged();
}

}  // namespace
}  // namespace seedgen

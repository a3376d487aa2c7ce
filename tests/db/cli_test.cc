// seedgen's command line on bad input: one clear line on stderr and the documented exit code
// (README, "Exit codes"), before any database is touched.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "tests/support/temp_folder.h"
#include "command_outcome.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::Outcome;
using testing::run_command;

Outcome seedgen(const std::string& arguments) { return testing::run_binary(SEEDGEN_BINARY, arguments); }

void expect_one_line(const Outcome& outcome) { testing::expect_one_line(outcome, "seedgen"); }

TEST(Cli, UnknownFlagIsExitTwo) {
  const Outcome outcome = seedgen("--profile tiny --bogus");
  EXPECT_EQ(outcome.code, 2);
  expect_one_line(outcome);
}

TEST(Cli, MissingProfileIsExitTwo) {
  const Outcome outcome = seedgen("--seed 3");
  EXPECT_EQ(outcome.code, 2);
  expect_one_line(outcome);
}

TEST(Cli, BadShardIsExitTwo) {
  const Outcome outcome = seedgen("--profile tiny --count-only --shard 3/3");
  EXPECT_EQ(outcome.code, 2);
  expect_one_line(outcome);
}

TEST(Cli, UnknownProfileIsExitThreeAndListsTheProfiles) {
  const Outcome outcome = seedgen("--profile no_such_profile --count-only");
  EXPECT_EQ(outcome.code, 3);
  expect_one_line(outcome);
  EXPECT_NE(outcome.output.find("small"), std::string::npos) << outcome.output;
}

TEST(Cli, MalformedProfileIsExitThreeNamingFileLineAndKey) {
  testing::TempFolder folder;
  folder.write("broken.toml", "extends = \"tiny\"\nresources = 100\n[waste]\nebs_gp2 = 1.5\n");
  const Outcome outcome = seedgen("--profile " + (folder.path() / "broken.toml").string() + " --count-only");
  EXPECT_EQ(outcome.code, 3);
  expect_one_line(outcome);
  EXPECT_NE(outcome.output.find("broken.toml:4"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("ebs_gp2"), std::string::npos) << outcome.output;
}

TEST(Cli, UnwritableOutFolderIsExitEight) {
  const Outcome outcome = seedgen("--profile tiny --out /proc/seedgen-cannot-write-here");
  EXPECT_EQ(outcome.code, 8);
  expect_one_line(outcome);
}

TEST(Cli, OutWritesFilesWhoseChecksumsMatchTheManifest) {
  testing::TempFolder folder;
  const Outcome outcome = seedgen("--profile tiny --quiet --out " + folder.path().string());
  ASSERT_EQ(outcome.code, 0) << outcome.output;
  std::string sums;
  ASSERT_EQ(run_command("cd " + folder.path().string() + " && sha256sum public.instances.copy", &sums), 0);
  std::ifstream manifest(folder.path() / "manifest.json");
  const std::string text((std::istreambuf_iterator<char>(manifest)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find(sums.substr(0, 64)), std::string::npos) << "sha256sum's digest is in the manifest";
}

TEST(Cli, ChangedMigrationIsRefusedWithExitFive) {
  testing::TestDatabase database;
  testing::TempFolder folder;
  folder.write("001_a.sql", "create table a (id int);");
  ASSERT_EQ(seedgen("migrate --migrations " + folder.path().string() + " --db '" + database.url() + "'").code, 0);
  folder.write("001_a.sql", "create table a (id bigint);");
  const Outcome outcome = seedgen("migrate --migrations " + folder.path().string() + " --db '" + database.url() + "'");
  EXPECT_EQ(outcome.code, 5);
  expect_one_line(outcome);
  EXPECT_NE(outcome.output.find("001_a.sql"), std::string::npos) << outcome.output;
}

TEST(Cli, FailingMigrationIsExitSixNamingTheFile) {
  testing::TestDatabase database;
  testing::TempFolder folder;
  folder.write("001_bad.sql", "create table broken (id no_such_type);");
  const Outcome outcome = seedgen("migrate --migrations " + folder.path().string() + " --db '" + database.url() + "'");
  EXPECT_EQ(outcome.code, 6);
  expect_one_line(outcome);
  EXPECT_NE(outcome.output.find("001_bad.sql"), std::string::npos) << outcome.output;
}

}  // namespace
}  // namespace seedgen

// seedgen's command line on bad input: one clear line on stderr and the documented exit code
// (README, "Exit codes"), before any database is touched.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// run_stdout: the program's stdout alone (stderr goes to `errors` when given).
int run_stdout(const std::string& command, std::string* out, std::string* errors = nullptr) {
  testing::TempFolder folder;
  const auto err = folder.path() / "stderr";
  const int code = run_command("(" + command + " 2>'" + err.string() + "')", out);
  if (errors != nullptr) {
    std::ifstream in(err);
    *errors = std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  return code;
}

// Issue 11, defect 3: only user:pw@ was masked; password= and ?password= were printed in clear.
TEST(Cli, PasswordsNeverReachTheSummary) {
  testing::TestDatabase database;
  const std::string url = database.url();   // postgresql:///NAME?host=...&port=...&user=...
  const std::string socket = url.substr(url.find("host=") + 5, url.find('&', url.find("host=")) - url.find("host=") - 5);
  const std::string port = url.substr(url.find("port=") + 5, url.find('&', url.find("port=")) - url.find("port=") - 5);
  const std::string keyword_value =
      "host=" + socket + " port=" + port + " dbname=" + database.name() + " user=postgres password='kv s3cret'";
  std::string out;
  ASSERT_EQ(run_stdout(std::string(SEEDGEN_BINARY) + " --profile tiny --db \"" + keyword_value + "\"", &out), 0) << out;
  EXPECT_EQ(out.find("s3cret"), std::string::npos) << out;
  EXPECT_NE(out.find("password=***"), std::string::npos) << out;
  ASSERT_EQ(run_stdout(std::string(SEEDGEN_BINARY) + " --profile tiny --reset --db '" + url + "&password=url-s3cret'", &out), 0)
      << out;
  EXPECT_EQ(out.find("s3cret"), std::string::npos) << out;
  EXPECT_NE(out.find("password=***"), std::string::npos) << out;
}

TEST(Cli, QuietPrintsNothingAndJsonDashWritesOnlyJsonToStdout) {
  std::string out, errors;
  ASSERT_EQ(run_stdout(std::string(SEEDGEN_BINARY) + " --profile tiny --count-only --quiet", &out, &errors), 0);
  EXPECT_EQ(out, "");
  EXPECT_EQ(errors, "");
  ASSERT_EQ(run_stdout(std::string(SEEDGEN_BINARY) + " --profile tiny --count-only --json -", &out, &errors), 0);
  const auto report = nlohmann::json::parse(out);   // throws if anything else shares stdout
  EXPECT_EQ(report["profile"], "tiny");
  EXPECT_EQ(report["mode"], "count-only");
  EXPECT_NE(errors.find("generate"), std::string::npos) << "progress moves to stderr: " << errors;
}

TEST(Cli, ProgressOffATerminalIsOneLinePerPhaseAndPerTenthOfTheResources) {
  testing::TestDatabase database;
  std::string out;
  ASSERT_EQ(run_stdout(std::string(SEEDGEN_BINARY) + " --profile tiny --db '" + database.url() + "'", &out), 0);
  for (const char* phase : {"] migrate\n", "] prepare\n", "] generate+copy\n", "] indexes\n", "] rollups\n"}) {
    EXPECT_NE(out.find(phase), std::string::npos) << phase << " in\n" << out;
  }
  // Generation reports account by account, so a tenth can be skipped, but never repeated: the logged
  // percentages are multiples of 10, strictly increasing, ending at 100.
  std::vector<int> percents;
  for (size_t at = out.find("generate+copy "); at != std::string::npos; at = out.find("generate+copy ", at + 1)) {
    const size_t percent_sign = out.find(" %:", at);
    if (percent_sign == std::string::npos || percent_sign > out.find('\n', at)) continue;
    percents.push_back(std::stoi(out.substr(at + 14, percent_sign - at - 14)));
  }
  ASSERT_GE(percents.size(), 3u) << out;
  for (size_t index = 0; index < percents.size(); ++index) {
    EXPECT_EQ(percents[index] % 10, 0) << out;
    if (index > 0) {
      EXPECT_GT(percents[index], percents[index - 1]) << out;
    }
  }
  EXPECT_EQ(percents.back(), 100) << out;
}

TEST(Cli, HelpListsEveryFlagTheEnvironmentAndTheExitCodes) {
  struct Page {
    std::string command;
    std::vector<std::string> expected;
  };
  const std::vector<Page> pages = {
      {std::string(SEEDGEN_BINARY) + " --help",
       {"--profile", "--db", "--seed", "--accounts", "--scale", "--jobs", "--shard", "--reset", "--out", "--count-only",
        "--json", "--quiet", "--version", "DATABASE_URL", "SEEDGEN_HOME", "SEEDGEN_PG_DIR", "seedgen migrate",
        "seedgen profiles", "seedgen score"}},
      {std::string(SEEDGEN_BINARY) + " migrate --help", {"--db", "--status", "--migrations", "SEEDGEN_MIGRATIONS_DIR"}},
      {std::string(SEEDGEN_BINARY) + " profiles --help", {"SEEDGEN_PROFILES_DIR"}},
      {std::string(SEEDGEN_BINARY) + " score --help",
       {"--db", "--findings", "--json", "--markdown", "--min-f1", "--quiet", "DATABASE_URL", "  9  "}},
      {std::string(SEEDBENCH_BINARY) + " --help",
       {"--db", "--profile", "--queries", "--queries-dir", "--gate", "--target-ms", "--json", "--report", "--summary",
        "--benchmark-json", "--budget-ms", "--min-iterations", "--max-iterations", "--plan-cache-mode",
        "--no-analysis", "--no-index-hiding", "--explain-timeout-ms", "--quiet", "--version", "DATABASE_URL",
        "the gate failed"}},
  };
  for (const Page& page : pages) {
    std::string out;
    ASSERT_EQ(run_stdout(page.command, &out), 0) << page.command;
    for (const std::string& text : page.expected) EXPECT_NE(out.find(text), std::string::npos) << page.command << ": " << text;
    for (const char* code : {"  0  ", "  2  ", "  4  ", "  5  ", "  8  "}) {
      EXPECT_NE(out.find(code), std::string::npos) << page.command << " lists exit code" << code;
    }
  }
}

TEST(Cli, BothBinariesHaveAVersion) {
  std::string out;
  ASSERT_EQ(run_stdout(std::string(SEEDGEN_BINARY) + " --version", &out), 0);
  EXPECT_EQ(out.rfind("seedgen 0.", 0), 0u) << out;
  ASSERT_EQ(run_stdout(std::string(SEEDBENCH_BINARY) + " --version", &out), 0);
  EXPECT_EQ(out.rfind("seedbench 0.", 0), 0u) << out;
}

TEST(Cli, ProfilesListsEveryProfileWithItsSize) {
  std::string out;
  ASSERT_EQ(run_stdout(std::string(SEEDGEN_BINARY) + " profiles", &out), 0);
  // Sizes as the profile files say them (profiles/*.toml), independently of the loader.
  for (const char* line : {"tiny", "small", "medium", "large", "xlarge"}) {
    EXPECT_NE(out.find(std::string("\n") + line + " "), std::string::npos) << line << "\n" << out;
  }
  EXPECT_NE(out.find("     1000         5"), std::string::npos) << "tiny: 1,000 resources in 5 accounts\n" << out;
  EXPECT_NE(out.find("  10000000      1000"), std::string::npos) << "xlarge: 10 M resources in 1,000 accounts\n" << out;
}

}  // namespace
}  // namespace seedgen

// Loading fleets into a real PostgreSQL: every constraint holds for several seeds, the catalog after a
// load equals the migrated catalog, seedgen.runs agrees with the tables, and a non-empty target is refused.
#include <gtest/gtest.h>

#include <string>

#include "catalog_fingerprint.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::run_command;
using testing::TestDatabase;

int seedgen(const std::string& arguments, std::string* output = nullptr) {
  return run_command(std::string(SEEDGEN_BINARY) + " " + arguments, output);
}

std::string fingerprint(const TestDatabase& database) { return database.query_value(testing::kCatalogFingerprintSql); }

TEST(Load, TinyLoadsForSeveralSeedsWithEveryConstraintEnforced) {
  for (int seed : {1, 2, 3}) {
    TestDatabase database;
    std::string output;
    ASSERT_EQ(seedgen("--profile tiny --quiet --seed " + std::to_string(seed) + " --db '" + database.url() + "'", &output), 0)
        << output;
    EXPECT_EQ(database.query_value("select status from seedgen.runs order by run_id desc limit 1"), "completed");
    EXPECT_NE(database.query_value("select count(*) from public.instances"), "0");
    // Every constraint is back and validated (FKs were re-added after the COPY, so they checked every row).
    EXPECT_EQ(database.query_value("select count(*) from pg_constraint where connamespace = 'public'::regnamespace "
                                   "and not convalidated"),
              "0");
  }
}

TEST(Load, CatalogAfterLoadEqualsTheMigratedCatalog) {
  TestDatabase migrated;
  ASSERT_EQ(seedgen("migrate --db '" + migrated.url() + "'"), 0);
  TestDatabase loaded;
  std::string output;
  ASSERT_EQ(seedgen("--profile tiny --quiet --db '" + loaded.url() + "'", &output), 0) << output;
  const std::string expected = fingerprint(migrated);
  ASSERT_GT(expected.size(), 1000u);
  EXPECT_EQ(fingerprint(loaded), expected);
}

TEST(Load, RunRecordMatchesTheTables) {
  TestDatabase database;
  std::string output;
  ASSERT_EQ(seedgen("--profile tiny --quiet --db '" + database.url() + "'", &output), 0) << output;
  for (const char* table : {"public.instances", "public.metrics_daily", "public.resource_tags", "seedgen.planted_waste"}) {
    EXPECT_EQ(database.query_value(std::string("select row_counts->>'") + table + "' from seedgen.runs"),
              database.query_value(std::string("select count(*) from ") + table))
        << table;
  }
  EXPECT_EQ(database.query_value("select count(*) from seedgen.runs where jsonb_typeof(checksums) = 'object'"), "1");
}

TEST(Load, RefusesANonEmptyTargetUnlessReset) {
  TestDatabase database;
  ASSERT_EQ(seedgen("--profile tiny --quiet --seed 5 --db '" + database.url() + "'"), 0);
  const std::string before = database.query_value("select count(*) || ':' || sum(hourly_cost) from instances");
  std::string output;
  EXPECT_EQ(seedgen("--profile tiny --quiet --seed 6 --db '" + database.url() + "'", &output), 5) << output;
  EXPECT_NE(output.find("not empty"), std::string::npos) << output;
  EXPECT_EQ(database.query_value("select count(*) || ':' || sum(hourly_cost) from instances"), before);
  EXPECT_EQ(seedgen("--profile tiny --quiet --seed 6 --reset --db '" + database.url() + "'", &output), 0) << output;
  EXPECT_NE(database.query_value("select count(*) || ':' || sum(hourly_cost) from instances"), before);
}

TEST(Load, UnreachableDatabaseIsExitFour) {
  std::string output;
  EXPECT_EQ(seedgen("--profile tiny --quiet --db 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2'", &output), 4);
  EXPECT_NE(output.find("cannot connect"), std::string::npos) << output;
}

TEST(Load, WrongCredentialsAreExitFour) {
  TestDatabase database;
  std::string output;
  const std::string url = testing::cluster_url(database.name());
  const std::string bad_user = url.substr(0, url.find("user=")) + "user=no_such_role";
  EXPECT_EQ(seedgen("--profile tiny --quiet --db '" + bad_user + "'", &output), 4) << output;
}

}  // namespace
}  // namespace seedgen

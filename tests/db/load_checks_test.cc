// What a load checks before it works: an unwritable --json path, a refused target (no pending migration is
// applied for it), a layout other than the database's, bad loading flags. Each is one line, its documented
// exit code, and no change to the database. Also the loader's step callback, called from its threads.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <string>

#include "command_outcome.h"
#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "db/loader.h"
#include "model/world.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::Outcome;
using testing::TestDatabase;

Outcome seedgen(const std::string& arguments) { return testing::run_binary(SEEDGEN_BINARY, arguments); }

TEST(LoadChecks, AnUnwritableJsonPathFailsBeforeTheDatabaseIsTouched) {
  TestDatabase database;
  const Outcome outcome = seedgen("--profile tiny --quiet --json /proc/seedgen-no/report.json" + testing::db_argument(database));
  EXPECT_EQ(outcome.code, 8);
  testing::expect_one_line(outcome, "seedgen");
  EXPECT_EQ(database.query_value("select count(*) from pg_namespace where nspname = 'seedgen'"), "0");
}

TEST(LoadChecks, ARefusedTargetGetsNoPendingMigration) {
  TestDatabase database;
  ASSERT_EQ(seedgen("--profile tiny --quiet" + testing::db_argument(database)).code, 0);
  // Pretend the last migration is new: a load refused for the non-empty target must not apply it.
  database.query_value("delete from seedgen.schema_migrations where version = (select max(version) from "
                       "seedgen.schema_migrations)");
  const std::string ledger = database.query_value("select count(*) from seedgen.schema_migrations");
  const Outcome outcome = seedgen("--profile tiny --quiet --seed 2" + testing::db_argument(database));
  EXPECT_EQ(outcome.code, 5);
  testing::expect_one_line(outcome, "seedgen");
  EXPECT_EQ(database.query_value("select count(*) from seedgen.schema_migrations"), ledger);
}

TEST(LoadChecks, BadLoadingFlagsAreExitTwo) {
  for (const char* flags : {"--lock-timeout soon", "--lock-timeout -5s", "--connections 0", "--layout no_such_layout"}) {
    const Outcome outcome = seedgen(std::string("--profile tiny --quiet ") + flags +
                                    " --db 'postgresql://nobody@127.0.0.1:1/none'");
    EXPECT_EQ(outcome.code, 2) << flags;
    testing::expect_one_line(outcome, "seedgen");
  }
  const Outcome offline = seedgen("--profile tiny --count-only --wait");
  EXPECT_EQ(offline.code, 2);
}

// A layout of this test only, through SEEDGEN_LAYOUTS_DIR: one file that comments a fleet table.
class Layouts : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(folder_.path() / "annotated");
    folder_.write("annotated/001_note.sql", "comment on table public.volumes is 'annotated layout';");
  }
  Outcome with_layouts(const std::string& arguments) {
    return testing::run_binary("SEEDGEN_LAYOUTS_DIR=" + folder_.path().string() + " " + SEEDGEN_BINARY, arguments);
  }
  testing::TempFolder folder_;
  TestDatabase database_;
};

TEST_F(Layouts, MigrateRecordsTheLayoutAndALoadKeepsIt) {
  ASSERT_EQ(with_layouts("migrate --layout annotated" + testing::db_argument(database_)).code, 0);
  EXPECT_EQ(database_.query_value("select layout || ' ' || name from seedgen.layout_migrations"), "annotated 001_note.sql");
  const Outcome loaded = with_layouts("--profile tiny --quiet --layout annotated" + testing::db_argument(database_));
  ASSERT_EQ(loaded.code, 0) << loaded.output;
  EXPECT_EQ(database_.query_value("select obj_description('public.volumes'::regclass)"), "annotated layout");
  std::string status;   // migrate --status prints to stdout (Outcome keeps stderr only)
  ASSERT_EQ(testing::run_command("SEEDGEN_LAYOUTS_DIR=" + folder_.path().string() + " " + SEEDGEN_BINARY +
                                     " migrate --status" + testing::db_argument(database_),
                                 &status),
            0);
  EXPECT_NE(status.find("layout: annotated"), std::string::npos) << status;
}

TEST_F(Layouts, ALoadAskingForAnotherLayoutIsRefusedNamingBoth) {
  ASSERT_EQ(with_layouts("migrate --layout annotated" + testing::db_argument(database_)).code, 0);
  for (const std::string& asks : {std::string("--layout spec"), std::string("")}) {
    folder_.write("spec_profile.toml", "extends = \"tiny\"\nlayout = \"spec\"\n");
    const std::string profile = asks.empty() ? (folder_.path() / "spec_profile.toml").string() : "tiny " + asks;
    const Outcome outcome = with_layouts("--profile " + profile + " --quiet" + testing::db_argument(database_));
    EXPECT_EQ(outcome.code, 5) << outcome.output;
    testing::expect_one_line(outcome, "seedgen");
    EXPECT_NE(outcome.output.find("layout annotated"), std::string::npos) << outcome.output;
    EXPECT_NE(outcome.output.find("layout spec"), std::string::npos) << outcome.output;
  }
  EXPECT_EQ(database_.query_value("select count(*) from seedgen.runs"), "0");
}

TEST_F(Layouts, ALayoutIsNotGivenToADatabaseWithAFleet) {
  ASSERT_EQ(with_layouts("--profile tiny --quiet" + testing::db_argument(database_)).code, 0);
  const Outcome outcome = with_layouts("migrate --layout annotated" + testing::db_argument(database_));
  EXPECT_EQ(outcome.code, 5);
  testing::expect_one_line(outcome, "seedgen");
  EXPECT_EQ(database_.query_value("select count(*) from seedgen.layout_migrations"), "0");
}

TEST(LoadSteps, EveryIndexKeyForeignKeyTableAndViewIsReportedOnceInOrder) {
  TestDatabase database;
  const Profile profile = load_profile("tiny");
  const Catalog catalog = load_catalog(default_catalog_path());
  const World world = plan_world(profile, catalog);
  LoadOptions options;
  options.url = database.url();
  options.connections = 3;
  std::mutex mutex;
  std::map<std::string, int> last, totals;
  std::string order_errors;
  options.on_step = [&](const std::string& phase, int done, int total, const std::string& item) {
    std::lock_guard lock(mutex);
    if (done != last[phase] + 1 || (totals.count(phase) != 0 && totals[phase] != total) || item.empty()) {
      order_errors += phase + " " + std::to_string(done) + "/" + std::to_string(total) + "; ";
    }
    last[phase] = done;
    totals[phase] = total;
  };
  const LoadReport report = load_fleet(world, options);
  EXPECT_EQ(order_errors, "");
  for (const auto& [phase, total] : totals) EXPECT_EQ(last[phase], total) << phase;
  // Totals, counted in the catalog independently of the loader.
  const std::string fleet = "(select jsonb_object_keys(row_counts)::regclass::oid from seedgen.runs)";
  EXPECT_EQ(std::to_string(totals["indexes"]), database.query_value("select count(*) from pg_index where indrelid in " + fleet));
  EXPECT_EQ(std::to_string(totals["foreign keys"]),
            database.query_value("select count(*) from pg_constraint where contype = 'f' and conrelid in " + fleet));
  EXPECT_EQ(std::to_string(totals["keys"]), database.query_value("select count(*) from pg_constraint where contype in "
                                                                 "('p', 'u', 'x') and conrelid in " + fleet));
  EXPECT_EQ(std::to_string(totals["settings"]), database.query_value("select count(*) from " + fleet + " tables"));
  EXPECT_EQ(std::to_string(totals["rollups"]),
            database.query_value("select (select count(*) from pg_matviews where schemaname = 'public') + "
                                 "(select count(*) from pg_indexes where tablename in (select matviewname from pg_matviews))"));
  EXPECT_EQ(report.index_builds.size(), static_cast<size_t>(totals["indexes"]));
}

}  // namespace
}  // namespace seedgen

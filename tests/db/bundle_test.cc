// Bundles (`seedgen --out DIR`): `seedgen load DIR` loads one through the same staged path as a generated
// load and records the bundle's own run (so seedbench accepts it); a damaged or foreign bundle is refused
// before anything changes; and the bundle's plain load.sql loads it with psql alone.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog_fingerprint.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TempFolder;
using testing::TestDatabase;

int run(const std::string& command, std::string* output = nullptr) { return testing::run_command(command, output); }

nlohmann::json manifest_of(const TempFolder& bundle) {
  std::ifstream in(bundle.path() / "manifest.json");
  return nlohmann::json::parse(in);
}

// The run record's checksums and row counts must be the manifest's, table by table.
void expect_run_matches_manifest(const TestDatabase& database, const nlohmann::json& manifest) {
  EXPECT_EQ(database.query_value("select profile || ' ' || seed || ' ' || as_of || ' ' || status from seedgen.runs "
                                 "order by run_id desc limit 1"),
            manifest["profile"].get<std::string>() + " " + std::to_string(manifest["seed"].get<uint64_t>()) + " " +
                manifest["as_of"].get<std::string>() + " completed");
  for (const auto& table : manifest["tables"]) {
    const std::string name = table["table"];
    EXPECT_EQ(database.query_value("select checksums->>'" + name + "' from seedgen.runs order by run_id desc limit 1"),
              table["sha256"].get<std::string>()) << name;
    EXPECT_EQ(database.query_value("select count(*) from " + name), std::to_string(table["rows"].get<uint64_t>())) << name;
  }
}

class Bundle : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string output;
    ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 4 --out " + bundle_.path().string(), &output), 0) << output;
    ASSERT_EQ(testing::run_seedgen("migrate" + testing::db_argument(migrated_)), 0);
  }
  TempFolder bundle_;
  TestDatabase migrated_;
};

TEST_F(Bundle, LoadDirIsTheSameFleetAsAGeneratedLoadAndSeedbenchAcceptsIt) {
  TestDatabase loaded, generated;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("load " + bundle_.path().string() + " --quiet" + testing::db_argument(loaded), &output), 0) << output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 4" + testing::db_argument(generated), &output), 0) << output;
  expect_run_matches_manifest(loaded, manifest_of(bundle_));
  const std::string content = "select md5(string_agg(instance_id || hourly_cost || tags::text, ',' order by instance_id)) "
                              "from instances";
  EXPECT_EQ(loaded.query_value(content), generated.query_value(content));
  EXPECT_EQ(loaded.query_value("select sum(monthly_cost) from cost_rollup_monthly"),
            generated.query_value("select sum(monthly_cost) from cost_rollup_monthly"));
  EXPECT_EQ(testing::catalog_difference(migrated_.query_value(testing::kCatalogFingerprintSql),
                                        loaded.query_value(testing::kCatalogFingerprintSql)), "");
  ASSERT_EQ(run(std::string(SEEDBENCH_BINARY) + testing::db_argument(loaded) + " --profile tiny --queries ec2_idle --no-analysis "
                "--budget-ms 5 --min-iterations 2 --max-iterations 3 --summary /dev/null", &output), 0) << output;
}

TEST_F(Bundle, ADamagedFileIsRefusedAndTheLiveFleetStays) {
  TestDatabase database;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 9" + testing::db_argument(database), &output), 0) << output;
  const std::string before = database.query_value("select md5(string_agg(instance_id, ',')) from instances");
  {
    std::fstream file(bundle_.path() / "public.volumes.copy", std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(100);
    file.put('#');
  }
  EXPECT_EQ(testing::run_seedgen("load " + bundle_.path().string() + " --quiet --reset" + testing::db_argument(database), &output), 8) << output;
  EXPECT_EQ(std::count(output.begin(), output.end(), '\n'), 1) << output;
  EXPECT_NE(output.find("public.volumes.copy does not match manifest.json"), std::string::npos) << output;
  EXPECT_EQ(database.query_value("select md5(string_agg(instance_id, ',')) from instances"), before);
  EXPECT_EQ(database.query_value("select status from seedgen.runs order by run_id desc limit 1"), "failed");
}

TEST_F(Bundle, AManifestOfOtherTablesIsRefusedBeforeConnecting) {
  auto manifest = manifest_of(bundle_);
  manifest["tables"][0]["columns"] = "id, something_else";
  manifest["seedgen_version"] = "0.0.1";
  std::ofstream(bundle_.path() / "manifest.json") << manifest.dump();
  std::string output;
  EXPECT_EQ(testing::run_seedgen("load " + bundle_.path().string() + " --db 'postgresql://nobody@127.0.0.1:1/none'", &output), 8);
  EXPECT_NE(output.find("written by seedgen 0.0.1"), std::string::npos) << output;
  EXPECT_EQ(testing::run_seedgen("load /nonexistent/bundle" + testing::db_argument(migrated_), &output), 8) << output;
  EXPECT_NE(output.find("manifest.json"), std::string::npos) << output;
}

TEST_F(Bundle, ThePlainLoadScriptLoadsAMigratedDatabaseWithPsqlAlone) {
  std::string output;
  // From another working directory: the script finds its files through the folder it records.
  ASSERT_EQ(run("cd / && psql '" + migrated_.url() + "' -X -q -v ON_ERROR_STOP=1 -f '" +
                (bundle_.path() / "load.sql").string() + "'", &output), 0) << output;
  expect_run_matches_manifest(migrated_, manifest_of(bundle_));
  EXPECT_NE(migrated_.query_value("select count(*) from cost_rollup_monthly"), "0");
  TestDatabase reference;
  ASSERT_EQ(testing::run_seedgen("migrate" + testing::db_argument(reference)), 0);
  EXPECT_EQ(testing::catalog_difference(reference.query_value(testing::kCatalogFingerprintSql),
                                        migrated_.query_value(testing::kCatalogFingerprintSql)), "");
  // Moved elsewhere, the bundle loads with -v dir=...
  TempFolder moved;
  ASSERT_EQ(run("cp " + bundle_.path().string() + "/* " + moved.path().string()), 0);
  ASSERT_EQ(run("psql '" + migrated_.url() + "' -X -q -v ON_ERROR_STOP=1 -v dir=" + moved.path().string() + " -f '" +
                (moved.path() / "load.sql").string() + "'", &output), 0) << output;
  EXPECT_EQ(migrated_.query_value("select count(*) from seedgen.runs where status = 'completed'"), "2");
}

}  // namespace
}  // namespace seedgen

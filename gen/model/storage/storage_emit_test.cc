// The storage emitters: field counts match the registry's column lists, output is byte-identical across
// builds, metrics_daily has one row per resource per day from its creation (or the window's start) to
// as_of, resource_tags mirrors the tags column; and a report of the domain's cost and planted share.
#include <gtest/gtest.h>

#include <set>

#include "storage_support.h"
#include "model/fleet_tables.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

using namespace storage_test;

const char* const kStorageTables[] = {"volumes", "snapshots", "s3_buckets", "s3_bucket_usage_daily"};

size_t column_count(const std::string& table) {
  const std::string columns = find_table(table)->columns;
  return static_cast<size_t>(std::count(columns.begin(), columns.end(), ',')) + 1;
}

// busiest_account: the account with the most expected resources (the management account runs almost nothing).
uint32_t busiest_account(const World& world) {
  uint32_t busiest = 0;
  for (const AccountPlan& account : world.accounts) {
    if (account.size > world.accounts[busiest].size) busiest = account.index;
  }
  return busiest;
}

TEST(StorageEmit, RowsHaveTheRegistryFieldCounts) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  const AccountModel model = build_default(world, busiest_account(world));
  for (const char* table : kStorageTables) {
    const auto rows = emitted(world, model, find_table(table)->emit);
    EXPECT_FALSE(rows.empty()) << table;
    for (const Row& row : rows) ASSERT_EQ(row.size(), column_count(table)) << table;
  }
  for (const Row& row : emitted(world, model, emit_storage_metrics)) ASSERT_EQ(row.size(), column_count("metrics_daily"));
  for (const Row& row : emitted(world, model, emit_storage_tags)) ASSERT_EQ(row.size(), column_count("resource_tags"));
}

std::string all_storage_rows(const World& world, uint32_t account) {
  const AccountModel model = build_default(world, account);
  RowWriter out;
  for (const char* table : kStorageTables) find_table(table)->emit(world, model, out);
  emit_storage_metrics(world, model, out);
  emit_storage_tags(world, model, out);
  emit_planted_waste(world, model, out);
  return out.buffer();
}

TEST(StorageEmit, OutputIsDeterministic) {
  const auto first = make_world(7);
  const auto second = make_world(7);
  const auto other_seed = make_world(8);
  for (uint32_t account = 0; account < first->world.accounts.size(); ++account) {
    EXPECT_EQ(all_storage_rows(first->world, account), all_storage_rows(second->world, account));
  }
  EXPECT_NE(all_storage_rows(first->world, busiest_account(first->world)),
            all_storage_rows(other_seed->world, busiest_account(other_seed->world)));
}

TEST(StorageEmit, MetricsCoverEachResourceFromCreationToAsOf) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  const int32_t window_start = world.as_of_day() - world.profile->metrics_days + 1;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = build_default(world, account);
    std::map<std::string, int64_t> created;
    for (const Volume& volume : model.storage.volumes) created[volume.core.resource_id] = volume.core.created_at;
    for (const Snapshot& snapshot : model.storage.snapshots) created[snapshot.core.resource_id] = snapshot.core.created_at;
    for (const S3Bucket& bucket : model.storage.buckets) created[bucket.core.resource_id] = bucket.core.created_at;
    std::map<std::string, std::set<int32_t>> days;
    for (const Row& row : emitted(world, model, emit_storage_metrics)) {
      EXPECT_TRUE(days[row.at(3)].insert(parse_date(row.at(4))).second) << row.at(3);
    }
    ASSERT_EQ(days.size(), created.size());
    for (const auto& [resource_id, created_at] : created) {
      const int32_t first = std::max(window_start, static_cast<int32_t>(created_at / kSecondsPerDay));
      EXPECT_EQ(*days[resource_id].begin(), first) << resource_id;
      EXPECT_EQ(*days[resource_id].rbegin(), world.as_of_day()) << resource_id;
      EXPECT_EQ(days[resource_id].size(), static_cast<size_t>(world.as_of_day() - first + 1)) << resource_id;
    }
  }
}

TEST(StorageEmit, ResourceTagsMirrorTheTagsColumn) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  const AccountModel model = build_default(world, busiest_account(world));
  std::map<std::string, nlohmann::json> from_rows;
  for (const Row& row : emitted(world, model, emit_storage_tags)) from_rows[row.at(3)][row.at(4)] = row.at(5);
  size_t tagged = 0;
  const auto check = [&](const std::string& id, const std::string& tags) {
    const nlohmann::json column = nlohmann::json::parse(tags);
    if (column.empty()) {
      EXPECT_EQ(from_rows.count(id), 0u) << id;
      return;
    }
    ++tagged;
    EXPECT_EQ(from_rows[id], column) << id;
  };
  for (const Row& row : emitted(world, model, emit_volumes)) check(row.at(2), row.at(10));
  for (const Row& row : emitted(world, model, emit_snapshots)) check(row.at(2), row.at(8));
  for (const Row& row : emitted(world, model, emit_s3_buckets)) check(row.at(2), row.at(6));
  EXPECT_EQ(tagged, from_rows.size());
}

// Not a check: prints the domain's cost, planted savings and counts per pattern on tiny (seed 42).
TEST(StorageEmit, PlantedStorageSavingsAreAPartOfStorageCostOnTiny) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  double cost = 0, savings = 0;
  std::set<std::string> patterns;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = build_default(world, account);
    for (const Volume& volume : model.storage.volumes) cost += volume.monthly_cost;
    for (const Snapshot& snapshot : model.storage.snapshots) cost += snapshot.monthly_cost;
    for (const S3Bucket& bucket : model.storage.buckets) cost += bucket.monthly_cost;
    for (const PlantedWaste& waste : model.planted) {
      const auto type = waste.resource_type;
      if (type != ResourceType::kVolume && type != ResourceType::kSnapshot && type != ResourceType::kS3Bucket) continue;
      savings += waste.estimated_monthly_savings;
      patterns.insert(std::string(pattern_id(waste.pattern)));
    }
  }
  EXPECT_GT(savings, 0);
  EXPECT_LT(savings, cost);
  EXPECT_GE(patterns.size(), 3u) << "storage waste of several kinds is planted on tiny";
}

}  // namespace
}  // namespace seedgen

// Snapshots: snapshot_stale (created_at < as_of - 90 days) holds exactly for planted snapshots; near misses
// exist; sources are volumes of the account (older than the snapshot), deleted volumes or NULL at
// realistic rates; retention policies agree with age; costs follow the catalog.
#include <gtest/gtest.h>

#include "storage_support.h"

namespace seedgen {
namespace {

using namespace storage_test;

struct SnapshotRow {
  std::string snapshot_id, region, source, retention;
  int size_gib = 0;
  double monthly_cost = 0;
  int64_t created_at = 0;
};

std::vector<SnapshotRow> snapshot_rows(const World& world, const AccountModel& model) {
  std::vector<SnapshotRow> rows;
  for (const Row& row : emitted(world, model, emit_snapshots)) {
    rows.push_back(SnapshotRow{row.at(2), row.at(3), row.at(4), row.at(6), std::stoi(row.at(5)), std::stod(row.at(7)),
                               parse_timestamp(row.at(9))});
  }
  return rows;
}

// snapshot_stale: created_at < as_of - 90 days.
bool stale_rule(const World& world, const SnapshotRow& snapshot) {
  return snapshot.created_at < world.as_of_seconds() - 90 * kSecondsPerDay;
}

int age_days(const World& world, const SnapshotRow& snapshot) {
  return static_cast<int>((world.as_of_seconds() - snapshot.created_at) / kSecondsPerDay);
}

TEST(StorageSnapshots, StaleRuleHoldsExactlyForPlantedSnapshots) {
  int snapshots = 0, stale = 0, near_misses = 0, orphaned = 0, without_source = 0;
  for (uint64_t seed : kSeeds) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    std::set<std::string> all_volume_ids;
    std::vector<AccountModel> models;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      models.push_back(build_default(world, account));
      for (const Volume& volume : models.back().storage.volumes) all_volume_ids.insert(volume.core.resource_id);
    }
    for (const AccountModel& model : models) {
      const auto planted = planted_ids(model, "snapshot_stale");
      for (const SnapshotRow& snapshot : snapshot_rows(world, model)) {
        EXPECT_EQ(stale_rule(world, snapshot), planted.count(snapshot.snapshot_id) == 1) << snapshot.snapshot_id;
        ++snapshots;
        stale += stale_rule(world, snapshot);
        near_misses += !stale_rule(world, snapshot) && age_days(world, snapshot) >= 75;
        without_source += snapshot.source == kNull;
        orphaned += snapshot.source != kNull && all_volume_ids.count(snapshot.source) == 0;
      }
    }
  }
  ASSERT_GT(snapshots, 1000);
  EXPECT_NEAR(static_cast<double>(stale) / snapshots, 0.5, 0.1);
  EXPECT_NEAR(static_cast<double>(orphaned) / snapshots, 0.20, 0.05);
  EXPECT_NEAR(static_cast<double>(without_source) / snapshots, 0.03, 0.02);
  EXPECT_GT(near_misses, 0);
}

TEST(StorageSnapshots, SourcesRetentionAndCostsAreConsistent) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = build_default(world, account);
    std::map<std::string, const Volume*> volumes;
    for (const Volume& volume : model.storage.volumes) volumes[volume.core.resource_id] = &volume;
    for (const SnapshotRow& snapshot : snapshot_rows(world, model)) {
      EXPECT_EQ(snapshot.snapshot_id.size(), 22u);
      EXPECT_LT(snapshot.created_at, world.snapshot_time());   // taken by the end of as_of
      EXPECT_GT(snapshot.created_at, model.account->created_at);
      EXPECT_LE(age_days(world, snapshot), 1095);
      // Incremental storage: a snapshot never bills more than its whole volume at the region's snapshot
      // price (the "snapshot" multiplier of prices.toml, else the region's default).
      const double multiplier = service_multiplier(world, snapshot.region, "snapshot");
      EXPECT_LE(snapshot.monthly_cost, snapshot.size_gib * 0.05 * multiplier + 1e-4);
      EXPECT_GT(snapshot.monthly_cost, 0);
      const auto source = volumes.find(snapshot.source);
      if (source != volumes.end()) {
        EXPECT_EQ(snapshot.region, source->second->core.region);
        EXPECT_EQ(snapshot.size_gib, source->second->size_gib);
        EXPECT_GE(snapshot.created_at, source->second->core.created_at);
      }
      const int age = age_days(world, snapshot);
      if (snapshot.retention == "daily-7") {
        EXPECT_LE(age, 7);
      }
      if (snapshot.retention == "weekly-4") {
        EXPECT_LE(age, 28);
      }
      if (snapshot.retention == "monthly-12") {
        EXPECT_LE(age, 365);
      }
    }
  }
}

}  // namespace
}  // namespace seedgen

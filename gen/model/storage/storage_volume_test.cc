// EBS volumes: each of ebs_unattached, ebs_gp2 and ebs_piops_overprovisioned holds for a volume exactly when
// the answer key plants it (predicates over the emitted volumes and metrics_daily rows, as the SQL of
// docs/data/storage.md reads them); near misses exist; attachments, times, types and costs are sound.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "storage_support.h"

namespace seedgen {
namespace {

using namespace storage_test;

// The stored columns of one volumes row.
struct VolumeRow {
  std::string volume_id, region, type, state, instance_id;
  int size_gib = 0;
  double monthly_cost = 0;
  int64_t last_used_at = -1, created_at = 0, updated_at = 0;  // -1: NULL
};

std::vector<VolumeRow> volume_rows(const World& world, const AccountModel& model) {
  std::vector<VolumeRow> rows;
  for (const Row& row : emitted(world, model, emit_volumes)) {
    VolumeRow volume;
    volume.volume_id = row.at(2);
    volume.region = row.at(3);
    volume.size_gib = std::stoi(row.at(4));
    volume.type = row.at(5);
    volume.state = row.at(6);
    volume.instance_id = row.at(7);
    volume.monthly_cost = std::stod(row.at(8));
    if (row.at(9) != kNull) volume.last_used_at = parse_timestamp(row.at(9));
    volume.created_at = parse_timestamp(row.at(11));
    volume.updated_at = parse_timestamp(row.at(12));
    rows.push_back(volume);
  }
  return rows;
}

// ebs_unattached: state = 'available' and last_used_at < as_of - 30 days.
bool unattached_rule(const World& world, const VolumeRow& volume) {
  return volume.state == "available" && volume.last_used_at >= 0 &&
         volume.last_used_at < world.as_of_seconds() - 30 * kSecondsPerDay;
}

// ebs_gp2: volume_type = 'gp2' and state = 'in-use'.
bool gp2_rule(const VolumeRow& volume) { return volume.type == "gp2" && volume.state == "in-use"; }

// max_recent_iops: the max of payload "iops" over metrics days [as_of - 6, as_of].
int64_t max_recent_iops(const World& world, const MetricSeries& series) {
  int64_t peak = 0;
  for (const auto& [day, payload] : series) {
    if (day >= world.as_of_day() - 6) peak = std::max(peak, payload.at("iops").get<int64_t>());
  }
  return peak;
}

// ebs_piops_overprovisioned: io1/io2, in-use, provisioned_iops (as_of payload) <= 16000 and the max daily
// iops of the last 7 days < 3000.
bool piops_rule(const World& world, const VolumeRow& volume, const MetricSeries& series) {
  if ((volume.type != "io1" && volume.type != "io2") || volume.state != "in-use") return false;
  return series.at(world.as_of_day()).at("provisioned_iops").get<int64_t>() <= 16000 &&
         max_recent_iops(world, series) < 3000;
}

struct Tally {
  int volumes = 0, unattached = 0, gp2 = 0, piops = 0, gp2_type = 0, gp3_type = 0, io_type = 0;
  int unattached_near = 0, piops_near = 0, available_gp2 = 0;
};

void check_account(const World& world, const AccountModel& model, Tally& tally) {
  const auto metrics = metrics_by_resource(world, model, "volume");
  const auto unattached = planted_ids(model, "ebs_unattached");
  const auto gp2 = planted_ids(model, "ebs_gp2");
  const auto piops = planted_ids(model, "ebs_piops_overprovisioned");
  for (const VolumeRow& volume : volume_rows(world, model)) {
    const MetricSeries& series = metrics.at(volume.volume_id);
    EXPECT_EQ(unattached_rule(world, volume), unattached.count(volume.volume_id) == 1) << volume.volume_id;
    EXPECT_EQ(gp2_rule(volume), gp2.count(volume.volume_id) == 1) << volume.volume_id;
    EXPECT_EQ(piops_rule(world, volume, series), piops.count(volume.volume_id) == 1) << volume.volume_id;
    ++tally.volumes;
    tally.unattached += unattached_rule(world, volume);
    tally.gp2 += gp2_rule(volume);
    tally.piops += piops_rule(world, volume, series);
    tally.gp2_type += volume.type == "gp2";
    tally.gp3_type += volume.type == "gp3";
    tally.io_type += volume.type == "io1" || volume.type == "io2";
    tally.available_gp2 += volume.type == "gp2" && volume.state == "available";
    const int64_t since_use = world.as_of_seconds() - volume.last_used_at;
    tally.unattached_near += volume.state == "available" && since_use >= 20 * kSecondsPerDay &&
                             since_use <= 30 * kSecondsPerDay;
    const bool io = volume.type == "io1" || volume.type == "io2";
    const int64_t peak = max_recent_iops(world, series);
    tally.piops_near += io && volume.state == "in-use" && peak >= 3000 && peak < 3500;
  }
}

TEST(StorageVolumes, RulesHoldExactlyForPlantedVolumes) {
  Tally tally;
  for (uint64_t seed : kSeeds) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      check_account(world, build_default(world, account), tally);
    }
  }
  ASSERT_GT(tally.volumes, 1000);
  const double volumes = tally.volumes;
  std::printf("volumes %d unattached %d gp2 %d piops %d gp2_type %d gp3_type %d io_type %d unattached_near %d piops_near %d available_gp2 %d\n",
              tally.volumes, tally.unattached, tally.gp2, tally.piops, tally.gp2_type, tally.gp3_type, tally.io_type,
              tally.unattached_near, tally.piops_near, tally.available_gp2);
  EXPECT_NEAR(tally.unattached / volumes, 0.10, 0.03);
  EXPECT_NEAR(tally.gp2_type / volumes, 0.34, 0.07);
  EXPECT_GT(tally.gp3_type, tally.volumes / 2);
  EXPECT_GT(tally.gp2, 0);
  EXPECT_GT(tally.piops, 0);
  EXPECT_LT(tally.io_type / volumes, 0.10);
  EXPECT_GT(tally.unattached_near, 0);
  EXPECT_GT(tally.piops_near, 0);
  EXPECT_GT(tally.available_gp2, 0);
}

TEST(StorageVolumes, WithoutInstancesEveryVolumeIsAvailableAndRulesStillHold) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  Tally tally;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = build_with_instances(world, account, {});
    for (const Volume& volume : model.storage.volumes) EXPECT_EQ(volume.state, "available");
    check_account(world, model, tally);
  }
  EXPECT_GT(tally.unattached, 0);
  EXPECT_EQ(tally.gp2 + tally.piops, 0);
}

TEST(StorageVolumes, InUseVolumesHangOnLiveInstancesOfTheirRegion) {
  for (uint64_t seed : {uint64_t{5}, uint64_t{42}}) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = build_default(world, account);
      std::map<std::string, const Instance*> instances;
      for (const Instance& instance : model.ec2.instances) instances[instance.core.resource_id] = &instance;
      std::map<std::string, int> volumes_per_instance;
      const int64_t as_of_end = world.as_of_seconds() + kSecondsPerDay - 1;
      for (const VolumeRow& volume : volume_rows(world, model)) {
        EXPECT_LE(volume.created_at, volume.updated_at);
        EXPECT_LE(volume.updated_at, as_of_end);
        EXPECT_LE(volume.created_at, volume.last_used_at);
        EXPECT_LE(volume.last_used_at, as_of_end);
        EXPECT_GT(volume.created_at, model.account->created_at);
        EXPECT_GE(volume.size_gib, 1);
        EXPECT_LE(volume.size_gib, 16384);
        if (volume.state == "available") {
          EXPECT_EQ(volume.instance_id, kNull);
          continue;
        }
        ASSERT_EQ(volume.state, "in-use");
        ASSERT_TRUE(instances.count(volume.instance_id)) << volume.instance_id;
        const Instance& instance = *instances[volume.instance_id];
        EXPECT_NE(instance.state, "terminated");
        EXPECT_EQ(volume.region, instance.core.region);
        EXPECT_GE(volume.created_at, instance.core.created_at);
        ++volumes_per_instance[volume.instance_id];
      }
      for (const auto& [instance_id, count] : volumes_per_instance) EXPECT_LE(count, 8) << instance_id;
    }
  }
}

TEST(StorageVolumes, CostsAndSavingsFollowTheCatalog) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  const Catalog& catalog = *world.catalog;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = build_default(world, account);
    std::map<std::string, const Volume*> volumes;
    for (const Volume& volume : model.storage.volumes) {
      volumes[volume.core.resource_id] = &volume;
      const double multiplier = service_multiplier(world, std::string(volume.core.region), "ebs");
      double usd = volume.size_gib * catalog.unit_price("ebs." + volume.volume_type + ".gb_month");
      if (volume.volume_type.rfind("io", 0) == 0) usd += volume.provisioned_iops * 0.065;
      EXPECT_NEAR(volume.monthly_cost, usd * multiplier, 1e-4);
      if (volume.volume_type == "io1") {
        EXPECT_LE(volume.provisioned_iops, 50 * volume.size_gib);
      }
    }
    for (const PlantedWaste& waste : model.planted) {
      if (waste.resource_type != ResourceType::kVolume) continue;
      const Volume& volume = *volumes.at(waste.resource_id);
      const double multiplier = service_multiplier(world, std::string(volume.core.region), "ebs");
      if (std::string(pattern_id(waste.pattern)) == "ebs_unattached") {
        EXPECT_DOUBLE_EQ(waste.estimated_monthly_savings, volume.monthly_cost);
      }
      if (std::string(pattern_id(waste.pattern)) == "ebs_gp2") {
        EXPECT_NEAR(waste.estimated_monthly_savings, volume.size_gib * 0.02 * multiplier, 1e-4);
      }
      if (std::string(pattern_id(waste.pattern)) == "ebs_piops_overprovisioned") {
        EXPECT_NEAR(waste.estimated_monthly_savings, volume.monthly_cost - volume.size_gib * 0.08 * multiplier, 1e-3);
      }
    }
  }
}

}  // namespace
}  // namespace seedgen

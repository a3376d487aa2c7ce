// Storage thresholds leave no cliff: around each numeric line of the storage rules (30 days detached, 90
// days old, a 3,000-IOPS weekly peak) the stored values are as dense just below as just above, relative
// to the neighbouring bands (tests/support/threshold_bands.h), over eighty tiny seeds (fewer leave too few values near each line to judge).
#include <gtest/gtest.h>

#include "storage_support.h"
#include "tests/support/threshold_bands.h"

namespace seedgen {
namespace {

using namespace storage_test;

struct StorageValues {
  std::vector<double> detached_days, snapshot_age_days, io_peak_7d;
};

StorageValues collect() {
  StorageValues values;
  for (uint64_t seed = 1; seed <= 80; ++seed) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = build_account_model(world, account);
      const auto metrics = metrics_by_resource(world, model, "volume");
      for (const Volume& volume : model.storage.volumes) {
        if (volume.state == "available") {
          values.detached_days.push_back(static_cast<double>(world.as_of_seconds() - volume.last_used_at) / kSecondsPerDay);
        }
        if (volume.state != "in-use" || (volume.volume_type != "io1" && volume.volume_type != "io2")) continue;
        int64_t peak = 0;
        for (const auto& [day, payload] : metrics.at(volume.core.resource_id)) {
          if (day >= world.as_of_day() - 6) peak = std::max(peak, payload.at("iops").get<int64_t>());
        }
        values.io_peak_7d.push_back(static_cast<double>(peak));
      }
      for (const Snapshot& snapshot : model.storage.snapshots) {
        values.snapshot_age_days.push_back(static_cast<double>(world.as_of_seconds() - snapshot.core.created_at) / kSecondsPerDay);
      }
    }
  }
  return values;
}

TEST(StorageThresholds, NoBandAroundAThresholdIsEmptyOrSpiked) {
  const StorageValues values = collect();
  const struct {
    const char* name;
    const std::vector<double>& values;
    double threshold;
  } lines[] = {{"ebs_unattached: days detached", values.detached_days, 30},
               {"snapshot_stale: age in days", values.snapshot_age_days, 90},
               {"ebs_piops_overprovisioned: weekly peak IOPS", values.io_peak_7d, 3000}};
  for (const auto& line : lines) {
    const testing::ThresholdBands bands = testing::threshold_bands(line.values, line.threshold);
    std::printf("%s around %g: %s\n", line.name, line.threshold, bands.describe().c_str());
    EXPECT_TRUE(testing::smooth_at_threshold(bands)) << line.name << ": " << bands.describe();
  }
}

}  // namespace
}  // namespace seedgen

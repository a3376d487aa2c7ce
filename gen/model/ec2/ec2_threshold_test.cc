// EC2 thresholds leave no cliff: around each numeric line of the EC2 rules (10 % CPU and 5 MB for idle,
// 20 % for the highest daily CPU of oversized, 10 % for a group's members, 30 days stopped, 90 days since
// launch) the stored values are as dense just below as just above, relative to the neighbouring bands
// (tests/support/threshold_bands.h).
#include <gtest/gtest.h>

#include <algorithm>

#include "ec2_support.h"
#include "tests/support/threshold_bands.h"

namespace seedgen::ec2test {
namespace {

struct Ec2Values {
  std::vector<double> cpu_7d, network_7d, max_daily_cpu, stopped_days, age_days, group_member_cpu;
};

void collect_account(const World& world, const AccountModel& model, Ec2Values& values) {
  const auto instances = stored_instances(world, model);
  std::map<std::string, std::pair<double, int>> groups;
  for (const StoredInstance& instance : instances) {
    const double age = static_cast<double>(world.as_of_seconds() - instance.launch_time) / kSecondsPerDay;
    if (instance.state == "stopped" && instance.last_active_at >= 0) {
      values.stopped_days.push_back(static_cast<double>(world.as_of_seconds() - instance.last_active_at) / kSecondsPerDay);
    }
    if (instance.state != "running") continue;
    values.age_days.push_back(age);
    values.cpu_7d.push_back(instance.avg_cpu_7d);
    values.network_7d.push_back(instance.avg_network_7d);
    double max_cpu = 0;
    for (const StoredDay& day : instance.days) {
      if (day.day >= world.as_of_day() - 13 && day.payload.at("hours_running").get<double>() > 0) max_cpu = std::max(max_cpu, day.cpu_avg);
    }
    if (!instance.has_gpu && instance.instance_type[0] != 't' && age > 13) values.max_daily_cpu.push_back(max_cpu);
    if (!instance.asg_id.empty()) {
      groups[instance.asg_id].first += instance.avg_cpu_7d;
      ++groups[instance.asg_id].second;
    }
  }
  for (const auto& [id, totals] : groups) values.group_member_cpu.push_back(totals.first / totals.second);
}

TEST(Ec2Thresholds, NoBandAroundAThresholdIsEmptyOrSpiked) {
  Ec2Values values;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    const auto owned = ec2_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      collect_account(owned->world, build_account_model(owned->world, account), values);
    }
  }
  const struct {
    const char* name;
    const std::vector<double>& values;
    double threshold;
  } lines[] = {{"ec2_idle: avg_cpu_7d", values.cpu_7d, 10},
               {"ec2_idle: avg_network_7d", values.network_7d, 5},
               {"ec2_oversized: highest daily cpu_avg of 14 days", values.max_daily_cpu, 20},
               {"asg_overprovisioned: members' mean avg_cpu_7d", values.group_member_cpu, 10},
               {"ec2_stopped_30d: days since last active", values.stopped_days, 30},
               {"ec2_uncommitted_steady: days since launch", values.age_days, 90}};
  for (const auto& line : lines) {
    const testing::ThresholdBands bands = testing::threshold_bands(line.values, line.threshold);
    std::printf("%s around %g: %s\n", line.name, line.threshold, bands.describe().c_str());
    EXPECT_TRUE(testing::smooth_at_threshold(bands)) << line.name << ": " << bands.describe();
  }
}

}  // namespace
}  // namespace seedgen::ec2test

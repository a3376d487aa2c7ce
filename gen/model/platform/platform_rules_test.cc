// The platform patterns: each rule of docs/data/platform.md, written here as a predicate over the emitted
// rows (never the generator's fields), holds for a resource if and only if the answer key lists that
// finding, over several seeds; and every pattern has near misses (resources within 10 % of its threshold
// on the safe side) that the rule rejects.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "platform_support.h"

namespace seedgen::platform_test {
namespace {

// Tally: for one pattern, resources checked, findings, and near misses seen.
struct Tally {
  int findings = 0, near_misses = 0, checked = 0;
};

void check(Tally& tally, const std::string& id, bool rule, bool in_key, bool near_miss, const std::string& pattern) {
  EXPECT_EQ(rule, in_key) << pattern << " " << id;
  ++tally.checked;
  tally.findings += in_key ? 1 : 0;
  tally.near_misses += near_miss && !rule ? 1 : 0;
}

// spread_over_three_regions: tiny's accounts mostly use one region; give each three, so that cross-region
// flows (which run only between an account's regions) are numerous enough to measure.
void spread_over_three_regions(TestWorld& fleet) {
  for (AccountPlan& account : fleet.world.accounts) {
    for (const auto& region : fleet.profile.regions) {
      const bool known = std::find(account.regions.begin(), account.regions.end(), region.name) != account.regions.end();
      if (!known && account.regions.size() < 3) account.regions.push_back(region.name);
    }
    account.region_weights = {0.6, 0.25, 0.15};
    account.region_weights.resize(account.regions.size(), 0.1);
  }
}

class PlatformRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (uint64_t seed : kSeeds) {
      auto test_world = make_world(seed, 8);
      spread_over_three_regions(*test_world);
      for (uint32_t index = 0; index < test_world->world.accounts.size(); ++index) {
        const AccountModel model = build_default(test_world->world, index);
        check_account(test_world->world, model);
      }
    }
  }

  void check_account(const World& world, const AccountModel& model) {
    const MetricsIndex metrics = metrics_index(world, model);
    check_rds(world, model, metrics);
    check_caches(world, model);
    check_load_balancers(world, model, metrics);
    check_elastic_ips(world, model);
    check_transfer(world, model);
    check_services(world, model);
    check_logs(world, model);
  }

  // rds_idle: available, created before as_of - 7 days, max connections_max over the rows dated
  // as_of-6 .. as_of is 0. rds_oversized: available, avg_cpu_7d <= 25, avg_connections_7d >= 2.
  void check_rds(const World& world, const AccountModel& model, const MetricsIndex& metrics) {
    const auto idle = planted_ids(model, "rds_idle");
    const auto oversized = planted_ids(model, "rds_oversized");
    const std::string week_ago = timestamp_text(world.as_of_seconds() - 7 * kSecondsPerDay);
    for (const Row& row : emitted("rds_instances", world, model, emit_rds_instances)) {
      const std::string& id = row.at("db_instance_id");
      const bool available = row.at("state") == "available";
      const double max_connections = max_of(last_7(world, metrics.at({"rds_instance", id}), "connections_max"));
      const bool old = row.at("created_at") < week_ago;
      const bool idle_rule = available && old && max_connections == 0;
      check(tallies["rds_idle"], id, idle_rule, idle.count(id) > 0, available && old && max_connections <= 3, "rds_idle");
      const double cpu = number(row.at("avg_cpu_7d")), connections = number(row.at("avg_connections_7d"));
      if (available) values["rds avg_cpu_7d"].push_back(cpu), values["rds avg_connections_7d"].push_back(connections);
      const bool oversized_rule = available && cpu <= 25 && connections >= 2;
      check(tallies["rds_oversized"], id, oversized_rule, oversized.count(id) > 0,
            available && ((cpu > 25 && cpu <= 27.5 && connections >= 2) || (cpu <= 25 && connections >= 1.8)),
            "rds_oversized");
    }
  }

  // cache_underutilized: avg_cpu_7d < 10 and avg_memory_7d < 30.
  void check_caches(const World& world, const AccountModel& model) {
    const auto found = planted_ids(model, "cache_underutilized");
    for (const Row& row : emitted("cache_clusters", world, model, emit_cache_clusters)) {
      const double cpu = number(row.at("avg_cpu_7d")), memory = number(row.at("avg_memory_7d"));
      values["cache avg_cpu_7d"].push_back(cpu);
      values["cache avg_memory_7d"].push_back(memory);
      const bool near = (cpu >= 10 && cpu < 11 && memory < 30) || (cpu < 10 && memory >= 30 && memory < 33);
      check(tallies["cache_underutilized"], row.at("cluster_id"), cpu < 10 && memory < 30,
            found.count(row.at("cluster_id")) > 0, near, "cache_underutilized");
    }
  }

  // lb_idle: the max of the daily requests over the rows dated as_of-6 .. as_of is < 100.
  void check_load_balancers(const World& world, const AccountModel& model, const MetricsIndex& metrics) {
    const auto found = planted_ids(model, "lb_idle");
    for (const Row& row : emitted("load_balancers", world, model, emit_load_balancers)) {
      const std::string& arn = row.at("lb_arn");
      const double peak = max_of(last_7(world, metrics.at({"load_balancer", arn}), "requests"));
      values["lb max daily requests"].push_back(peak);
      check(tallies["lb_idle"], arn, peak < 100, found.count(arn) > 0, peak >= 100 && peak < 110, "lb_idle");
    }
  }

  // eip_unassociated: unassociated, or on an instance whose state is not 'running'.
  void check_elastic_ips(const World& world, const AccountModel& model) {
    std::map<std::string, std::string> instance_state;
    for (const Row& row : emitted("instances", world, model, emit_instances)) {
      instance_state[row.at("instance_id")] = row.at("state");
    }
    if (instance_state.empty()) {   // hand-made instances (compute built none)
      for (const Instance& instance : model.ec2.instances) instance_state[instance.core.resource_id] = instance.state;
    }
    const auto found = planted_ids(model, "eip_unassociated");
    for (const Row& row : emitted("elastic_ips", world, model, emit_elastic_ips)) {
      const std::string& instance = row.at("associated_instance_id");
      const bool on_instance = instance != kNull;
      if (on_instance) {
        ASSERT_TRUE(instance_state.count(instance)) << instance;
      }
      const bool rule = row.at("state") == "unassociated" || (on_instance && instance_state.at(instance) != "running");
      check(tallies["eip_unassociated"], row.at("allocation_id"), rule, found.count(row.at("allocation_id")) > 0,
            on_instance && instance_state.at(instance) == "running", "eip_unassociated");
    }
  }

  // transfer_avoidable: a cross-region (source, dest) flow whose mean gb_transferred over its rows dated
  // as_of-29 .. as_of is >= 20.
  void check_transfer(const World& world, const AccountModel& model) {
    std::map<std::string, std::vector<double>> flows;
    for (const Row& row : emitted("data_transfer_daily", world, model, emit_data_transfer_daily)) {
      if (row.at("direction") != "cross-region" || parse_date(row.at("date")) < world.as_of_day() - 29) continue;
      flows[row.at("source_region") + "->" + row.at("dest_region") + ":cross-region"].push_back(number(row.at("gb_transferred")));
    }
    const auto found = planted_ids(model, "transfer_avoidable");
    for (const auto& [id, gb] : flows) {
      const double average = mean(gb);
      values["transfer mean gb"].push_back(average);
      check(tallies["transfer_avoidable"], id, average >= 20, found.count(id) > 0, average >= 14, "transfer_avoidable");
    }
    for (const std::string& id : found) EXPECT_TRUE(flows.count(id)) << id;
  }

  // managed_service_idle: avg_cpu_7d < 5. streaming_overprovisioned: avg_usage_mbps_7d < 0.2 x provisioned.
  void check_services(const World& world, const AccountModel& model) {
    const auto idle = planted_ids(model, "managed_service_idle");
    for (const Row& row : emitted("managed_services", world, model, emit_managed_services)) {
      const double cpu = number(row.at("avg_cpu_7d"));
      values["service avg_cpu_7d"].push_back(cpu);
      check(tallies["managed_service_idle"], row.at("id"), cpu < 5, idle.count(row.at("id")) > 0, cpu >= 5 && cpu < 5.5,
            "managed_service_idle");
    }
    const auto over = planted_ids(model, "streaming_overprovisioned");
    for (const Row& row : emitted("streaming_clusters", world, model, emit_streaming_clusters)) {
      const double usage = number(row.at("avg_usage_mbps_7d")), provisioned = number(row.at("provisioned_throughput_mbps"));
      values["stream usage share"].push_back(usage / provisioned);
      check(tallies["streaming_overprovisioned"], row.at("id"), usage < 0.2 * provisioned, over.count(row.at("id")) > 0,
            usage >= 0.2 * provisioned && usage < 0.22 * provisioned, "streaming_overprovisioned");
    }
  }

  // logs_no_retention: retention_days IS NULL. Near misses: a retention of five years or more.
  void check_logs(const World& world, const AccountModel& model) {
    const auto found = planted_ids(model, "logs_no_retention");
    for (const Row& row : emitted("log_groups", world, model, emit_log_groups)) {
      const bool never_expires = row.at("retention_days") == kNull;
      check(tallies["logs_no_retention"], row.at("id"), never_expires, found.count(row.at("id")) > 0,
            !never_expires && std::stoi(row.at("retention_days")) >= 1827, "logs_no_retention");
    }
  }

  std::map<std::string, Tally> tallies;
  std::map<std::string, std::vector<double>> values;   // the stored quantity each numeric threshold reads
};

TEST_F(PlatformRulesTest, EveryFindingIsTheRuleOnTheStoredRowsAndEveryPatternHasNearMisses) {
  const std::vector<std::string> patterns = {"rds_idle", "rds_oversized", "cache_underutilized", "lb_idle",
                                             "eip_unassociated", "transfer_avoidable", "managed_service_idle",
                                             "streaming_overprovisioned", "logs_no_retention"};
  for (const std::string& pattern : patterns) {
    const Tally& tally = tallies[pattern];
    EXPECT_GT(tally.findings, 0) << pattern;
    EXPECT_GT(tally.near_misses, 0) << pattern;
    EXPECT_GT(tally.checked, tally.findings) << pattern;
  }
}

// Prevalence: each pattern's share of its resources (of cross-region flows for transfer_avoidable) over
// the seeds, within the waste catalog's range (docs/WASTE-CATALOG.md, section 2) widened by the sampling
// error of a few hundred resources.
TEST_F(PlatformRulesTest, PrevalenceStaysInTheCatalogsRange) {
  struct Range {
    const char* pattern;
    double low, high;
  };
  const Range ranges[] = {{"rds_idle", 0.03, 0.07},          {"rds_oversized", 0.18, 0.32},
                          {"cache_underutilized", 0.13, 0.22}, {"lb_idle", 0.07, 0.13},
                          {"eip_unassociated", 0.09, 0.21},  {"managed_service_idle", 0.08, 0.17},
                          {"streaming_overprovisioned", 0.23, 0.37}, {"logs_no_retention", 0.4, 0.6},
                          {"transfer_avoidable", 0.04, 0.2}};
  for (const Range& range : ranges) {
    const Tally& tally = tallies[range.pattern];
    const double share = static_cast<double>(tally.findings) / tally.checked;
    std::printf("prevalence %-26s %5d / %5d = %.3f\n", range.pattern, tally.findings, tally.checked, share);
    EXPECT_GE(share, range.low) << range.pattern;
    EXPECT_LE(share, range.high) << range.pattern;
  }
}

// No cliff at any threshold: the counts just below and just above it (t x [0.9, 1) and [1, 1.1)) are both
// non-empty, and their ratio is within 3x of what the neighbouring bands (t x [0.8, 0.9) and [1.1, 1.2))
// predict for a smooth density (add-one smoothing keeps small counts from dividing by zero).
TEST_F(PlatformRulesTest, NoBandAroundAThresholdIsEmptyOrSpiked) {
  const std::map<std::string, double> thresholds = {
      {"rds avg_cpu_7d", 25},     {"rds avg_connections_7d", 2}, {"cache avg_cpu_7d", 10},
      {"cache avg_memory_7d", 30}, {"lb max daily requests", 100}, {"service avg_cpu_7d", 5},
      {"stream usage share", 0.2}, {"transfer mean gb", 20}};
  for (const auto& [name, threshold] : thresholds) {
    std::array<double, 4> bands{};   // [0.8, 0.9), [0.9, 1), [1, 1.1), [1.1, 1.2) x threshold
    for (double value : values[name]) {
      const double position = value / threshold;
      if (position >= 0.8 && position < 1.2) bands[static_cast<size_t>((position - 0.8) / 0.1 + 1e-9)] += 1;
    }
    std::printf("bands %-24s %4.0f %4.0f | %4.0f %4.0f\n", name.c_str(), bands[0], bands[1], bands[2], bands[3]);
    if (bands[0] + bands[1] + bands[2] + bands[3] < 20) {
      std::printf("  (fewer than 20 values within 20 %% of %g: too few to judge a density)\n", threshold);
      continue;
    }
    EXPECT_GT(bands[1], 0) << name << ": empty band just below the threshold";
    EXPECT_GT(bands[2], 0) << name << ": empty band just above the threshold";
    const double observed = (bands[1] + 1) / (bands[2] + 1);
    const double expected = std::sqrt((bands[0] + 1) / (bands[1] + 1) * (bands[2] + 1) / (bands[3] + 1));
    EXPECT_LT(observed / expected, 3.0) << name;
    EXPECT_GT(observed / expected, 1 / 3.0) << name;
  }
}

}  // namespace
}  // namespace seedgen::platform_test

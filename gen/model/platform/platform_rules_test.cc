// The platform patterns: each rule of docs/data/platform.md written as a predicate over the emitted rows
// (never the generator's flags) holds for a resource if and only if the answer key plants the pattern on
// it, over several seeds; and every pattern has near misses that the rule rejects.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "platform_support.h"

namespace seedgen::platform_test {
namespace {

// Tally: for one pattern, resources where rule and answer key agree / disagree, and near misses seen.
struct Tally {
  int planted = 0, near_misses = 0, checked = 0;
};

void check(Tally& tally, const std::string& id, bool rule, bool planted, bool near_miss, const std::string& pattern) {
  EXPECT_EQ(rule, planted) << pattern << " " << id;
  ++tally.checked;
  tally.planted += planted ? 1 : 0;
  tally.near_misses += near_miss && !rule ? 1 : 0;
}

class PlatformRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (uint64_t seed : kSeeds) {
      auto test_world = make_world(seed);
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

  // rds_idle: available, created > 7 days ago, max connections_max over the last 7 days = 0.
  // rds_oversized: available, avg_cpu_7d <= 25, avg_connections_7d >= 2.
  void check_rds(const World& world, const AccountModel& model, const MetricsIndex& metrics) {
    const auto idle = planted_ids(model, "rds_idle");
    const auto oversized = planted_ids(model, "rds_oversized");
    const std::string week_ago = timestamp_text(world.as_of_seconds() - 7 * kSecondsPerDay);
    for (const Row& row : emitted("rds_instances", world, model, emit_rds_instances)) {
      const std::string& id = row.at("db_instance_id");
      const bool available = row.at("state") == "available";
      const double max_connections = max_of(last_7(world, metrics.at({"rds_instance", id}), "connections_max"));
      const bool idle_rule = available && row.at("created_at") < week_ago && max_connections == 0;
      check(tallies["rds_idle"], id, idle_rule, idle.count(id) > 0, available && max_connections == 1, "rds_idle");
      const double cpu = number(row.at("avg_cpu_7d"));
      const bool oversized_rule = available && cpu <= 25 && number(row.at("avg_connections_7d")) >= 2;
      check(tallies["rds_oversized"], id, oversized_rule, oversized.count(id) > 0,
            available && cpu > 25 && cpu <= 27.5, "rds_oversized");
      EXPECT_FALSE(idle_rule && oversized_rule) << id;
    }
  }

  // cache_underutilized: avg_cpu_7d < 10 and avg_memory_7d < 30.
  void check_caches(const World& world, const AccountModel& model) {
    const auto planted = planted_ids(model, "cache_underutilized");
    for (const Row& row : emitted("cache_clusters", world, model, emit_cache_clusters)) {
      const double cpu = number(row.at("avg_cpu_7d")), memory = number(row.at("avg_memory_7d"));
      const bool near = (cpu >= 10 && cpu <= 13.5 && memory < 30) || (cpu < 10 && memory >= 30 && memory <= 35.5);
      check(tallies["cache_underutilized"], row.at("cluster_id"), cpu < 10 && memory < 30,
            planted.count(row.at("cluster_id")) > 0, near, "cache_underutilized");
    }
  }

  // lb_idle: max of the daily requests over the last 7 days < 100.
  void check_load_balancers(const World& world, const AccountModel& model, const MetricsIndex& metrics) {
    const auto planted = planted_ids(model, "lb_idle");
    for (const Row& row : emitted("load_balancers", world, model, emit_load_balancers)) {
      const std::string& arn = row.at("lb_arn");
      const double peak = max_of(last_7(world, metrics.at({"load_balancer", arn}), "requests"));
      check(tallies["lb_idle"], arn, peak < 100, planted.count(arn) > 0, peak >= 100 && peak <= 150, "lb_idle");
    }
  }

  // eip_unassociated: unassociated, or on an instance whose state is not 'running'.
  void check_elastic_ips(const World& world, const AccountModel& model) {
    std::map<std::string, std::string> instance_state;
    for (const Instance& instance : model.ec2.instances) instance_state[instance.core.resource_id] = instance.state;
    const auto planted = planted_ids(model, "eip_unassociated");
    for (const Row& row : emitted("elastic_ips", world, model, emit_elastic_ips)) {
      const std::string& instance = row.at("associated_instance_id");
      const bool on_instance = instance != kNull;
      const bool rule = row.at("state") == "unassociated" || (on_instance && instance_state.at(instance) != "running");
      check(tallies["eip_unassociated"], row.at("allocation_id"), rule, planted.count(row.at("allocation_id")) > 0,
            on_instance && instance_state.at(instance) == "running", "eip_unassociated");
    }
  }

  // transfer_avoidable: a cross-region (source, dest) flow whose mean daily gb_transferred over its rows
  // dated as_of-29 .. as_of is >= 20.
  void check_transfer(const World& world, const AccountModel& model) {
    std::map<std::string, std::vector<double>> flows;
    for (const Row& row : emitted("data_transfer_daily", world, model, emit_data_transfer_daily)) {
      if (row.at("direction") != "cross-region" || parse_date(row.at("date")) < world.as_of_day() - 29) continue;
      flows[row.at("source_region") + "->" + row.at("dest_region") + ":cross-region"].push_back(number(row.at("gb_transferred")));
    }
    const auto planted = planted_ids(model, "transfer_avoidable");
    for (const auto& [id, gb] : flows) {
      const double average = mean(gb);
      check(tallies["transfer_avoidable"], id, average >= 20, planted.count(id) > 0, average >= 16,
            "transfer_avoidable");
    }
    for (const std::string& id : planted) EXPECT_TRUE(flows.count(id)) << id;
  }

  // managed_service_idle: avg_cpu_7d < 5. streaming_overprovisioned: avg_usage_mbps_7d < 0.2 × provisioned.
  void check_services(const World& world, const AccountModel& model) {
    auto service_rows = emitted("managed_services", world, model, emit_managed_services);
    const auto idle = planted_ids(model, "managed_service_idle");
    for (size_t index = 0; index < service_rows.size(); ++index) {
      const double cpu = number(service_rows[index].at("avg_cpu_7d"));
      check(tallies["managed_service_idle"], service_rows[index].at("id"), cpu < 5,
            idle.count(service_rows[index].at("id")) > 0, cpu >= 5 && cpu <= 7.5, "managed_service_idle");
    }
    const auto over = planted_ids(model, "streaming_overprovisioned");
    for (const Row& row : emitted("streaming_clusters", world, model, emit_streaming_clusters)) {
      const double share = number(row.at("avg_usage_mbps_7d")) / number(row.at("provisioned_throughput_mbps"));
      check(tallies["streaming_overprovisioned"], row.at("id"),
            number(row.at("avg_usage_mbps_7d")) < 0.2 * number(row.at("provisioned_throughput_mbps")),
            over.count(row.at("id")) > 0, share >= 0.2 && share < 0.25, "streaming_overprovisioned");
    }
  }

  // logs_no_retention: retention_days IS NULL.
  void check_logs(const World& world, const AccountModel& model) {
    const auto planted = planted_ids(model, "logs_no_retention");
    for (const Row& row : emitted("log_groups", world, model, emit_log_groups)) {
      const bool never_expires = row.at("retention_days") == kNull;
      check(tallies["logs_no_retention"], row.at("id"), never_expires, planted.count(row.at("id")) > 0,
            !never_expires && std::stoi(row.at("retention_days")) >= 1827, "logs_no_retention");
    }
  }

  std::map<std::string, Tally> tallies;
};

TEST_F(PlatformRulesTest, EveryPatternIsPlantedExactlyWhereItsRuleHoldsAndHasNearMisses) {
  const std::vector<std::string> patterns = {"rds_idle", "rds_oversized", "cache_underutilized", "lb_idle",
                                             "eip_unassociated", "transfer_avoidable", "managed_service_idle",
                                             "streaming_overprovisioned", "logs_no_retention"};
  for (const std::string& pattern : patterns) {
    const Tally& tally = tallies[pattern];
    EXPECT_GT(tally.planted, 0) << pattern;
    EXPECT_GT(tally.near_misses, 0) << pattern;
    EXPECT_GT(tally.checked, tally.planted) << pattern;
  }
}

TEST_F(PlatformRulesTest, LogGroupsWithoutRetentionAreAboutHalf) {
  const Tally& tally = tallies["logs_no_retention"];
  const double share = static_cast<double>(tally.planted) / tally.checked;
  EXPECT_GE(share, 0.4);
  EXPECT_LE(share, 0.6);
}

}  // namespace
}  // namespace seedgen::platform_test

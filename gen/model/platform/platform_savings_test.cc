// Planted savings: each pattern's estimated_monthly_savings recomputed from the stored rows with the
// formula docs/data/platform.md gives, for every planted resource of several accounts.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "platform_support.h"

namespace seedgen::platform_test {
namespace {

// logs_no_retention: (stored_gb on as_of - GB ingested over as_of-29 .. as_of) × the storage price.
void expect_log_savings(const World& world, const AccountModel& model, const std::map<std::string, double>& savings) {
  std::map<std::string, std::string> regions;
  for (const Row& row : emitted("log_groups", world, model, emit_log_groups)) regions[row.at("id")] = row.at("region");
  std::map<std::string, double> stored, ingested_30_days;
  for (const Row& row : emitted("log_group_usage_daily", world, model, emit_log_group_usage_daily)) {
    const int32_t day = parse_date(row.at("date"));
    if (day == world.as_of_day()) stored[row.at("log_group_id")] = number(row.at("stored_gb"));
    if (day > world.as_of_day() - 30) ingested_30_days[row.at("log_group_id")] += number(row.at("ingested_gb"));
  }
  for (const auto& [group, region] : regions) {
    const auto found = savings.find("logs_no_retention|" + group);
    if (found == savings.end()) continue;
    const double price = world.catalog->price("logs.storage.gb_month", region);
    EXPECT_NEAR(found->second, std::max(0.0, stored.at(group) - ingested_30_days.at(group)) * price, 0.001) << group;
  }
}

// transfer_avoidable: 0.8 × the mean daily estimated_transfer_cost over as_of-29 .. as_of × 730 / 24.
void expect_transfer_savings(const World& world, const AccountModel& model) {
  std::map<std::string, std::vector<double>> costs;
  for (const Row& row : emitted("data_transfer_daily", world, model, emit_data_transfer_daily)) {
    if (parse_date(row.at("date")) <= world.as_of_day() - 30) continue;
    costs[row.at("source_region") + "->" + row.at("dest_region") + ":" + row.at("direction")].push_back(
        number(row.at("estimated_transfer_cost")));
  }
  for (const PlantedWaste& waste : model.planted) {
    if (std::string(pattern_id(waste.pattern)) != "transfer_avoidable") continue;
    EXPECT_EQ(resource_type_name(waste.resource_type), std::string("data_transfer"));
    EXPECT_NEAR(waste.estimated_monthly_savings, 0.8 * mean(costs.at(waste.resource_id)) * 730 / 24, 0.001);
  }
}

TEST(PlatformSavingsTest, SavingsFollowTheDocumentedFormulas) {
  auto test_world = make_world(42, 4);
  const World& world = test_world->world;
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    const AccountModel model = build_default(world, index);
    std::map<std::string, double> savings;
    for (const PlantedWaste& waste : model.planted) savings[std::string(pattern_id(waste.pattern)) + "|" + waste.resource_id] = waste.estimated_monthly_savings;
    for (const Row& row : emitted("elastic_ips", world, model, emit_elastic_ips)) {
      const auto found = savings.find("eip_unassociated|" + row.at("allocation_id"));
      if (found != savings.end()) {
        EXPECT_NEAR(found->second, number(row.at("hourly_cost")) * 730, 0.04);
      }
    }
    for (const Row& row : emitted("load_balancers", world, model, emit_load_balancers)) {
      const auto found = savings.find("lb_idle|" + row.at("lb_arn"));
      if (found != savings.end()) {
        EXPECT_NEAR(found->second, number(row.at("hourly_cost")) * 730, 0.04);
      }
    }
    for (const Row& row : emitted("rds_instances", world, model, emit_rds_instances)) {
      const double compute = number(row.at("hourly_cost")) * 730;
      const auto idle = savings.find("rds_idle|" + row.at("db_instance_id"));
      if (idle != savings.end()) {
        EXPECT_NEAR(idle->second, compute + number(row.at("storage_monthly_cost")), 0.04);
      }
      const auto oversized = savings.find("rds_oversized|" + row.at("db_instance_id"));
      if (oversized != savings.end()) {
        EXPECT_NEAR(oversized->second, 0.5 * compute, 0.04);
      }
    }
    for (const Row& row : emitted("cache_clusters", world, model, emit_cache_clusters)) {
      const auto found = savings.find("cache_underutilized|" + row.at("cluster_id"));
      const int nodes = std::stoi(row.at("num_nodes"));
      const double share = nodes > 1 ? (nodes - 1.0) / nodes : 0.5;
      if (found != savings.end()) {
        EXPECT_NEAR(found->second, share * number(row.at("hourly_cost")) * 730, 0.04);
      }
    }
    for (const Row& row : emitted("streaming_clusters", world, model, emit_streaming_clusters)) {
      const auto found = savings.find("streaming_overprovisioned|" + row.at("id"));
      const double unused = 1 - number(row.at("avg_usage_mbps_7d")) / number(row.at("provisioned_throughput_mbps"));
      if (found != savings.end()) {
        EXPECT_NEAR(found->second, unused * number(row.at("hourly_cost")) * 730, 0.04);
      }
    }
    expect_log_savings(world, model, savings);
    expect_transfer_savings(world, model);
  }
}

}  // namespace
}  // namespace seedgen::platform_test

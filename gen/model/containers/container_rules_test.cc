// The container_idle and lambda_idle_provisioned contracts: each rule of docs/data/containers_lambda.md
// is written here again as a predicate over the emitted rows (not the generator's flags), and must hold
// for exactly the planted resources, with the documented saving; near misses exist and are not planted.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "container_lambda_support.h"

namespace seedgen {
namespace {

using namespace seedgen::testing;

constexpr double kHours = 730;

bool node_rule(const Row& node) {
  return node.at(5) == "running" && std::stod(node.at(10)) < 10.0 && std::stod(node.at(11)) < 35.0;
}

bool service_rule(const Row& service) { return std::stod(service.at(8)) < 5.0 && std::stoi(service.at(7)) >= 2; }

// cluster_saving: busy (non-idle) node cost x the over-requested share of the cluster's CPU requests,
// each flagged service's request cut to 4 x its use.
double cluster_saving(const std::string& cluster_id, const std::vector<Row>& nodes, const std::vector<Row>& services) {
  double busy_hourly = 0, requested = 0, freed = 0;
  for (const Row& node : nodes) {
    if (node.at(1) == cluster_id && !node_rule(node)) busy_hourly += std::stod(node.at(6));
  }
  for (const Row& service : services) {
    if (service.at(1) != cluster_id) continue;
    const double request = std::stod(service.at(5)) * std::stoi(service.at(7));
    requested += request;
    if (service_rule(service)) freed += request * (1.0 - std::stod(service.at(8)) / 25.0);
  }
  return busy_hourly * kHours * freed / requested;
}

double mean_utilization(const std::vector<nlohmann::json>& week) {
  double sum = 0;
  for (const auto& payload : week) sum += payload.at("provisioned_concurrency_utilization").get<double>();
  return sum / static_cast<double>(week.size());
}

struct Tally {
  int nodes = 0, idle_nodes = 0, near_nodes = 0;
  int services = 0, over_requested = 0, near_services = 0, single_replica_near = 0, flagged_clusters = 0;
  int functions = 0, provisioned = 0, idle_functions = 0, near_functions = 0;
};

void check_containers(const World& world, const AccountModel& model, Tally& tally) {
  const auto nodes = emitted(world, model, "container_nodes");
  const auto services = emitted(world, model, "container_services");
  const auto clusters = emitted(world, model, "container_clusters");
  const auto idle_key = planted(model, ResourceType::kContainerNode, "container_idle");
  const auto cluster_key = planted(model, ResourceType::kContainerCluster, "container_idle");
  for (const Row& node : nodes) {
    const bool planted_here = idle_key.count(node.at(0)) > 0;
    EXPECT_EQ(node_rule(node), planted_here) << node.at(0) << " cpu " << node.at(10) << " mem " << node.at(11);
    if (planted_here) {
      EXPECT_NEAR(idle_key.at(node.at(0)), std::stod(node.at(6)) * kHours, 0.01);
    }
    const double cpu = std::stod(node.at(10));
    tally.nodes++;
    tally.idle_nodes += planted_here;
    tally.near_nodes += !planted_here && cpu >= 10.0 && cpu < 12.0;
  }
  for (const Row& cluster : clusters) {
    bool any = false;
    for (const Row& service : services) any = any || (service.at(1) == cluster.at(0) && service_rule(service));
    EXPECT_EQ(any, cluster_key.count(cluster.at(0)) > 0) << cluster.at(0);
    if (!any) continue;
    tally.flagged_clusters++;
    const double expected = cluster_saving(cluster.at(0), nodes, services);
    EXPECT_GT(expected, 0);
    EXPECT_NEAR(cluster_key.at(cluster.at(0)), expected, 0.001 + expected * 1e-9);
  }
  for (const Row& service : services) {
    const double cpu = std::stod(service.at(8));
    const int replicas = std::stoi(service.at(7));
    tally.services++;
    tally.over_requested += service_rule(service);
    tally.near_services += cpu >= 5.0 && cpu < 6.0 && replicas >= 2;
    tally.single_replica_near += cpu < 5.0 && replicas == 1;
  }
}

void check_lambda(const World& world, const AccountModel& model, Tally& tally) {
  const auto functions = emitted(world, model, "lambda_functions");
  const auto week = last_week(world, emitted_metrics(world, model), "lambda_function");
  const auto key = planted(model, ResourceType::kLambdaFunction, "lambda_idle_provisioned");
  for (const Row& function : functions) {
    const int provisioned = std::stoi(function.at(7));
    const double utilization = mean_utilization(week.at(function.at(0)));
    const bool rule = provisioned > 0 && utilization < 5.0;
    // The table-level form: busy seconds of the week over provisioned seconds of the week.
    const double table_utilization = provisioned == 0 ? 0.0
        : 100.0 * std::stod(function.at(8)) * std::stod(function.at(9)) / 1000.0 / (provisioned * 604800.0);
    const bool table_rule = provisioned > 0 && table_utilization < 5.0;
    EXPECT_EQ(rule, key.count(function.at(0)) > 0) << function.at(0) << " utilisation " << utilization;
    EXPECT_EQ(table_rule, rule) << function.at(0) << " table utilisation " << table_utilization;
    if (rule) {
      const double gb = std::stod(function.at(5)) / 1024.0;
      const double saving = provisioned * gb * 2628000.0 * world.catalog->unit_price("lambda.provisioned_gb_second") *
                            world.catalog->region(function.at(4)).price_multiplier;
      EXPECT_NEAR(key.at(function.at(0)), saving, 0.001);
    }
    tally.functions++;
    tally.provisioned += provisioned > 0;
    tally.idle_functions += rule;
    tally.near_functions += provisioned > 0 && utilization >= 5.0 && utilization < 7.5;
  }
}

TEST(ContainerRules, RulesHoldForExactlyThePlantedResourcesOverSeveralSeeds) {
  Tally tally;
  for (uint64_t seed : kSeeds) {
    const auto owned = container_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      const AccountModel model = container_model(owned->world, account);
      check_containers(owned->world, model, tally);
      check_lambda(owned->world, model, tally);
    }
  }
  // Plant rates: container_idle 20 % of nodes (less the never-idle first node of each cluster) and 10 %
  // of services; lambda_idle_provisioned 1.25 % of functions, ~5 % provisioned.
  const double idle_share = static_cast<double>(tally.idle_nodes) / tally.nodes;
  EXPECT_GT(idle_share, 0.12);
  EXPECT_LT(idle_share, 0.26);
  const double service_share = static_cast<double>(tally.over_requested) / tally.services;
  EXPECT_GT(service_share, 0.05);
  EXPECT_LT(service_share, 0.16);
  const double provisioned_share = static_cast<double>(tally.provisioned) / tally.functions;
  EXPECT_GT(provisioned_share, 0.025);
  EXPECT_LT(provisioned_share, 0.08);
  EXPECT_GT(tally.idle_functions, 0);
  EXPECT_LT(static_cast<double>(tally.idle_functions) / tally.functions, 0.03);
  // Near misses on every threshold.
  EXPECT_GT(tally.near_nodes, 0);
  EXPECT_GT(tally.near_services, 0);
  EXPECT_GT(tally.single_replica_near, 0);
  EXPECT_GT(tally.near_functions, 0);
  EXPECT_GT(tally.flagged_clusters, 0);
}

TEST(ContainerRules, SavingsAreDisjointAndBelowTheCostTheyComeFrom) {
  const auto owned = container_world(42);
  for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
    const AccountModel model = container_model(owned->world, account);
    std::map<std::string, int> seen;
    for (const PlantedWaste& waste : model.planted) {
      EXPECT_EQ(++seen[waste.resource_id], 1) << waste.resource_id;
      EXPECT_GT(waste.estimated_monthly_savings, 0);
    }
    EXPECT_LE(model.planted_savings, model.monthly_cost);
  }
}

}  // namespace
}  // namespace seedgen

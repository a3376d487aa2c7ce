// Container clusters, nodes and services: counts and relationships, prices from the catalog, *_7d columns
// equal to the metrics means, field counts, timestamps and determinism, all checked on the emitted rows.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "container_lambda_support.h"

namespace seedgen {
namespace {

using namespace seedgen::testing;

constexpr const char* kTables[] = {"container_clusters", "container_nodes", "container_services", "lambda_functions"};

int64_t count_of(const AccountModel& model, ResourceType type) {
  return model.account->counts[static_cast<size_t>(type)];
}

TEST(ContainerBuilder, EachClusterHasExactlyItsDesiredNodesAndTheCountsAddUp) {
  for (uint64_t seed : kSeeds) {
    const auto owned = container_world(seed, 1);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      const AccountModel model = container_model(owned->world, account);
      const int64_t clusters = count_of(model, ResourceType::kContainerCluster);
      const int64_t nodes = count_of(model, ResourceType::kContainerNode);
      const bool borrowed = clusters == 0 && nodes > 0;   // one node's budget becomes the cluster
      EXPECT_EQ(static_cast<int64_t>(model.containers.container_clusters.size()), borrowed ? 1 : clusters);
      EXPECT_EQ(static_cast<int64_t>(model.containers.container_nodes.size()), borrowed ? nodes - 1 : nodes);
      std::map<std::string, int> per_cluster;
      for (const Row& node : emitted(owned->world, model, "container_nodes")) per_cluster[node[1]]++;
      for (const Row& cluster : emitted(owned->world, model, "container_clusters")) {
        EXPECT_EQ(per_cluster[cluster[0]], std::stoi(cluster[6])) << cluster[0];
        EXPECT_LE(std::stoi(cluster[7]), std::stoi(cluster[6]));
        EXPECT_GE(std::stoi(cluster[8]), std::stoi(cluster[6]));
      }
    }
  }
}

TEST(ContainerBuilder, NodesFollowTheirClusterAndThePriceCatalog) {
  const auto owned = container_world(7);
  const World& world = owned->world;
  std::set<std::string> instance_ids;
  int nodes = 0, same_type = 0, gpu_nodes = 0;
  const std::regex instance_id("i-[0-9a-f]{17}");
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = container_model(world, account);
    std::map<std::string, Row> clusters;
    for (const Row& cluster : emitted(world, model, "container_clusters")) clusters[cluster[0]] = cluster;
    std::map<std::string, double> node_hourly;
    for (const Row& node : emitted(world, model, "container_nodes")) {
      const Row& cluster = clusters.at(node[1]);
      EXPECT_TRUE(std::regex_match(node[2], instance_id)) << node[2];
      EXPECT_TRUE(instance_ids.insert(node[2]).second) << "duplicate " << node[2];
      EXPECT_EQ(node[4], cluster[4]);
      const InstanceType& type = world.catalog->instance_type(node[3]);
      EXPECT_NEAR(std::stod(node[6]), type.hourly_usd * world.catalog->region(node[4]).price_multiplier, 0.00005);
      EXPECT_EQ(std::stoi(node[8]), type.gpu_count);
      EXPECT_EQ(node[9], type.gpu_count > 0 ? "t" : "f");
      EXPECT_LE(std::stod(node[7]), std::stod(node[6]));
      node_hourly[node[1]] += std::stod(node[6]);
      nodes++;
      same_type += node[3] == cluster[5];
      gpu_nodes += type.gpu_count > 0;
    }
    for (const auto& [id, cluster] : clusters) {
      EXPECT_NEAR(std::stod(cluster[9]), node_hourly[id] + 0.10, 0.00051) << "nodes plus the EKS control plane";
    }
  }
  EXPECT_GT(same_type, nodes * 8 / 10) << "nodes mostly share the cluster's type";
  EXPECT_LT(gpu_nodes, nodes / 5);
}

TEST(ContainerBuilder, ServicesFitTheirClusterAndUseAFractionOfTheirRequests) {
  const auto owned = container_world(42);
  const World& world = owned->world;
  double cpu_sum = 0;
  int services_seen = 0;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = container_model(world, account);
    std::map<std::string, double> capacity, requested, largest_node;
    std::map<std::string, int> service_count;
    std::map<std::string, Row> clusters;
    for (const Row& cluster : emitted(world, model, "container_clusters")) clusters[cluster[0]] = cluster;
    for (const Row& node : emitted(world, model, "container_nodes")) {
      const double vcpu = world.catalog->instance_type(node[3]).vcpu;
      capacity[node[1]] += vcpu;
      largest_node[node[1]] = std::max(largest_node[node[1]], vcpu);
    }
    for (const Row& service : emitted(world, model, "container_services")) {
      const Row& cluster = clusters.at(service[1]);
      EXPECT_EQ(service[3], cluster[3]);
      EXPECT_EQ(service[4], cluster[4]);
      EXPECT_GE(std::stod(service[5]), 0.05);
      EXPECT_LE(std::stod(service[5]), largest_node.at(service[1])) << "a replica fits on a node";
      EXPECT_GE(std::stoi(service[6]), 64);
      EXPECT_GE(std::stoi(service[7]), 1);
      requested[service[1]] += std::stod(service[5]) * std::stoi(service[7]);
      service_count[service[1]]++;
      cpu_sum += std::stod(service[8]);
      services_seen++;
    }
    for (const auto& [id, cluster] : clusters) {
      if (std::stoi(cluster[6]) == 0) {
        EXPECT_EQ(service_count[id], 0);
        continue;
      }
      EXPECT_GE(service_count[id], 2);
      EXPECT_LE(service_count[id], 15);
      EXPECT_LE(requested[id], capacity[id] * 0.85) << "requests fit on the nodes";
    }
  }
  ASSERT_GT(services_seen, 0);
  const double mean_cpu = cpu_sum / services_seen;   // CAST AI: 8-13 % of requested CPU is used
  EXPECT_GT(mean_cpu, 7.0);
  EXPECT_LT(mean_cpu, 14.0);
}

TEST(ContainerBuilder, NodeSevenDayColumnsAreTheMeansOfTheLastSevenMetricsDays) {
  const auto owned = container_world(1234);
  const World& world = owned->world;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = container_model(world, account);
    const auto metrics = emitted_metrics(world, model);
    const auto week = last_week(world, metrics, "container_node");
    std::map<std::string, int> rows_per_resource;
    for (const MetricsRow& row : metrics) rows_per_resource[row.type + "/" + row.resource_id]++;
    for (const Row& node : emitted(world, model, "container_nodes")) {
      const auto& days = week.at(node[0]);
      ASSERT_EQ(days.size(), 7u);
      double cpu = 0, memory = 0;
      for (const auto& payload : days) {
        cpu += payload.at("cpu_avg").get<double>() / 7.0;
        memory += payload.at("memory_avg").get<double>() / 7.0;
        EXPECT_GE(payload.at("cpu_max").get<double>(), payload.at("cpu_avg").get<double>());
        EXPECT_TRUE(payload.contains("network_mb"));
      }
      EXPECT_NEAR(std::stod(node[10]), cpu, 0.005 + 1e-9);
      EXPECT_NEAR(std::stod(node[11]), memory, 0.005 + 1e-9);
      EXPECT_EQ(rows_per_resource["container_node/" + node[0]], world.profile->metrics_days);
    }
    for (const Row& cluster : emitted(world, model, "container_clusters")) {
      EXPECT_EQ(rows_per_resource["container_cluster/" + cluster[0]], world.profile->metrics_days);
    }
    for (const MetricsRow& row : metrics) {
      if (row.type != "container_cluster") continue;
      for (const char* key : {"cpu_avg", "cpu_max", "memory_avg", "nodes"}) EXPECT_TRUE(row.payload.contains(key));
    }
  }
}

TEST(ContainerBuilder, RowsHaveTheirColumnCountValidTimesAndAreDeterministic) {
  const auto first = container_world(42);
  const auto second = container_world(42);
  const std::string as_of_end = date_text(first->world.as_of_day()) + " 23:59:59+00";
  for (uint32_t account = 0; account < first->world.accounts.size(); ++account) {
    const AccountModel model = container_model(first->world, account);
    const AccountModel again = container_model(second->world, account);
    for (const char* table : kTables) {
      RowWriter out, out_again;
      find_table(table)->emit(first->world, model, out);
      find_table(table)->emit(second->world, again, out_again);
      EXPECT_EQ(out.buffer(), out_again.buffer()) << table;
      for (const Row& row : parse_rows(out.buffer())) {
        ASSERT_EQ(row.size(), column_count(table)) << table;
        const std::string& created = row[row.size() - 2];
        const std::string& updated = row.back();
        EXPECT_LE(created, updated) << table;
        EXPECT_LE(updated, as_of_end) << table;
      }
    }
    RowWriter metrics, metrics_again;
    emit_container_lambda_metrics(first->world, model, metrics);
    emit_container_lambda_metrics(second->world, again, metrics_again);
    EXPECT_EQ(metrics.buffer(), metrics_again.buffer());
    for (const Row& row : parse_rows(metrics.buffer())) EXPECT_EQ(row.size(), column_count("metrics_daily"));
    RowWriter tags;
    emit_container_lambda_tags(first->world, model, tags);
    EXPECT_EQ(tags.rows(), 0u) << "no tags column on these tables";
  }
}

TEST(ContainerBuilder, TheFullAccountModelHoldsTheSameRowsAsThisHalfAlone) {
  const auto owned = container_world(42, 1);
  for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
    const AccountModel alone = container_model(owned->world, account);
    const AccountModel full = build_account_model(owned->world, account);
    for (const char* table : kTables) {
      RowWriter out_alone, out_full;
      find_table(table)->emit(owned->world, alone, out_alone);
      find_table(table)->emit(owned->world, full, out_full);
      EXPECT_EQ(out_alone.buffer(), out_full.buffer()) << table << ": the EC2 half must not shift these streams";
    }
  }
}

}  // namespace
}  // namespace seedgen

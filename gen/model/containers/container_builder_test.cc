// Container clusters, nodes and services: counts and relationships, prices from the catalog, *_7d columns
// equal to the metrics means, field counts, timestamps and determinism, all checked on the emitted rows.
#include <gtest/gtest.h>

#include <algorithm>
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

// Clusters are lives of their account and nodes fill their desired capacity: each cluster lists exactly
// desired_nodes nodes, min <= desired <= max, the populations follow the plan's expectations over several
// seeds, and nothing is older than what it belongs to (account, cluster).
TEST(ContainerBuilder, ClustersHoldTheirDesiredNodesAndNothingPredatesItsParent) {
  double expected_clusters = 0, expected_nodes = 0, clusters_seen = 0, nodes_seen = 0;
  for (uint64_t seed : kSeeds) {
    const auto owned = container_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      const AccountModel model = container_model(owned->world, account);
      expected_clusters += model.account->expected[static_cast<size_t>(ResourceType::kContainerCluster)];
      expected_nodes += model.account->expected[static_cast<size_t>(ResourceType::kContainerNode)];
      std::map<std::string, int> per_cluster;
      std::map<std::string, int64_t> cluster_created;
      for (const Row& cluster : emitted(owned->world, model, "container_clusters")) {
        cluster_created[cluster[0]] = parse_timestamp(cluster[10]);
        EXPECT_GE(cluster_created[cluster[0]], model.account->created_at) << cluster[0];
        clusters_seen += 1;
      }
      for (const Row& node : emitted(owned->world, model, "container_nodes")) {
        per_cluster[node[1]]++;
        EXPECT_GE(parse_timestamp(node[12]), cluster_created.at(node[1])) << node[0];
        nodes_seen += 1;
      }
      for (const Row& service : emitted(owned->world, model, "container_services")) {
        EXPECT_GE(parse_timestamp(service[10]), cluster_created.at(service[1])) << service[0];
      }
      for (const Row& cluster : emitted(owned->world, model, "container_clusters")) {
        EXPECT_EQ(per_cluster[cluster[0]], std::stoi(cluster[6])) << cluster[0];
        EXPECT_LE(std::stoi(cluster[7]), std::stoi(cluster[6]));
        EXPECT_GE(std::stoi(cluster[8]), std::stoi(cluster[6]));
      }
    }
  }
  EXPECT_GT(clusters_seen / expected_clusters, 0.6);
  EXPECT_LT(clusters_seen / expected_clusters, 1.5);
  EXPECT_GT(nodes_seen / expected_nodes, 0.5);
  EXPECT_LT(nodes_seen / expected_nodes, 1.8);
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
  double cpu_sum = 0, fleet_capacity = 0, fleet_requested = 0;
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
    for (const auto& [id, vcpu] : capacity) {
      fleet_capacity += vcpu;
      fleet_requested += requested[id];
    }
  }
  // Requests fill about the share of the nodes the autoscalers keep (40-80 %) or the fixed groups were
  // sized to (less).
  EXPECT_GT(fleet_requested / fleet_capacity, 0.3);
  EXPECT_LT(fleet_requested / fleet_capacity, 0.9);
  ASSERT_GT(services_seen, 0);
  const double mean_cpu = cpu_sum / services_seen;   // CAST AI, Datadog: most containers use a small share of their request
  EXPECT_GT(mean_cpu, 7.0);
  EXPECT_LT(mean_cpu, 22.0);
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
      const int32_t born = parse_date(node[12]);
      ASSERT_EQ(days.size(), static_cast<size_t>(std::min(7, world.as_of_day() - born + 1)));
      double cpu = 0, memory = 0;
      for (const auto& payload : days) {
        cpu += payload.at("cpu_avg").get<double>() / static_cast<double>(days.size());
        memory += payload.at("memory_avg").get<double>() / static_cast<double>(days.size());
        EXPECT_GE(payload.at("cpu_max").get<double>(), payload.at("cpu_avg").get<double>());
        EXPECT_TRUE(payload.contains("network_mb"));
      }
      EXPECT_NEAR(std::stod(node[10]), cpu, 0.005 + 1e-9);
      EXPECT_NEAR(std::stod(node[11]), memory, 0.005 + 1e-9);
      EXPECT_EQ(rows_per_resource["container_node/" + node[0]], std::min(world.profile->metrics_days, world.as_of_day() - born + 1));
    }
    for (const Row& cluster : emitted(world, model, "container_clusters")) {
      const int32_t born = parse_date(cluster[10]);
      EXPECT_EQ(rows_per_resource["container_cluster/" + cluster[0]], std::min(world.profile->metrics_days, world.as_of_day() - born + 1));
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
    // Every node carries its cluster's kubernetes.io/cluster/<name> tag; tags are rows of resource_tags.
    RowWriter tags;
    emit_container_lambda_tags(first->world, model, tags);
    std::map<std::string, std::string> cluster_names;
    for (const Row& cluster : emitted(first->world, model, "container_clusters")) cluster_names[cluster[0]] = cluster[2];
    std::set<std::string> tagged_nodes;
    for (const Row& tag : parse_rows(tags.buffer())) {
      ASSERT_EQ(tag.size(), column_count("resource_tags"));
      if (tag[2] == "container_node" && tag[4].rfind("kubernetes.io/cluster/", 0) == 0) tagged_nodes.insert(tag[3]);
    }
    for (const Row& node : emitted(first->world, model, "container_nodes")) {
      EXPECT_TRUE(tagged_nodes.count(node[0])) << node[0] << " of " << cluster_names.at(node[1]);
    }
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

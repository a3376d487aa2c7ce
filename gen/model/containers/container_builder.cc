// container_builder.cc: container clusters and their nodes for one account, plus the entry point of the
// containers-and-Lambda half of the compute domain. Nodes are dealt out so each cluster has exactly
// desired_nodes of them; container_idle is planted on nodes here and on services in
// container_service_builder.cc.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

struct WeightedType {
  const char* name;
  double weight;
};

// Worker node types: general purpose dominates, sizes xlarge and up are preferred for bin packing.
constexpr WeightedType kNodeTypes[] = {
    {"m5.large", 10},  {"m5.xlarge", 24}, {"m5.2xlarge", 14}, {"m5.4xlarge", 5}, {"m6i.large", 5},
    {"m6i.xlarge", 12}, {"m6i.2xlarge", 7}, {"m7g.xlarge", 4}, {"c5.xlarge", 6}, {"c5.2xlarge", 4},
    {"c6i.xlarge", 3}, {"r5.xlarge", 4},  {"r5.2xlarge", 2}, {"r6i.xlarge", 2}};
constexpr WeightedType kGpuNodeTypes[] = {{"g4dn.xlarge", 70}, {"g4dn.2xlarge", 25}, {"g4dn.12xlarge", 5}};
constexpr const char* kClusterTeams[] = {"platform", "payments", "search", "data", "ml", "checkout", "core",
                                         "identity", "growth", "shared"};

constexpr double kGpuPoolChance = 0.12;       // clusters of 3+ nodes with a g4dn node pool
constexpr double kMixedTypeChance = 0.08;     // nodes of another size of the cluster's family
constexpr int kMinAgeMarginDays = 1;          // resources predate the metrics window

template <size_t N>
const char* pick_type(Rng& rng, const WeightedType (&types)[N]) {
  double weights[N];
  for (size_t index = 0; index < N; ++index) weights[index] = types[index].weight;
  return types[rng.weighted(std::span<const double>(weights, N))].name;
}


// deal_nodes: desired nodes per cluster, summing to `nodes`: one each while they last, the rest in
// proportion to lognormal weights (largest remainder, ties to the lower index).
std::vector<int> deal_nodes(const World& world, uint32_t account_index, int64_t clusters, int64_t nodes) {
  std::vector<int> desired(static_cast<size_t>(clusters), 0);
  std::vector<double> weights(desired.size());
  double total_weight = 0;
  for (size_t index = 0; index < desired.size(); ++index) {
    Rng rng(world.seed(), "container_cluster_size", entity_key(account_index, "container_cluster", index));
    weights[index] = rng.lognormal(1.0, 0.8);
    total_weight += weights[index];
    if (static_cast<int64_t>(index) < nodes) desired[index] = 1;
  }
  const int64_t rest = std::max<int64_t>(0, nodes - clusters);
  std::vector<std::pair<double, size_t>> remainders;
  int64_t dealt = 0;
  for (size_t index = 0; index < desired.size(); ++index) {
    const double share = static_cast<double>(rest) * weights[index] / total_weight;
    const int64_t whole = static_cast<int64_t>(std::floor(share));
    desired[index] += static_cast<int>(whole);
    dealt += whole;
    remainders.emplace_back(share - static_cast<double>(whole), index);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& left, const auto& right) { return left.first > right.first; });
  for (int64_t extra = 0; extra < rest - dealt; ++extra) desired[remainders[static_cast<size_t>(extra)].second] += 1;
  return desired;
}

int64_t draw_between_times(Rng& rng, int64_t earliest, int64_t latest) {
  if (latest <= earliest) return earliest;
  return earliest + static_cast<int64_t>(rng.unit() * static_cast<double>(latest - earliest));
}

ContainerCluster make_cluster(const World& world, uint32_t account_index, size_t index, int desired) {
  const uint64_t key = entity_key(account_index, "container_cluster", index);
  Rng rng(world.seed(), "container_clusters", key);
  ContainerCluster cluster;
  cluster.core = core_for(rng, world, "container_clusters", key, "", world.profile->metrics_days + 30, 1500);
  const char* team = kClusterTeams[rng.below(std::size(kClusterTeams))];
  cluster.node_instance_type = pick_type(rng, kNodeTypes);
  const int64_t below_desired = rng.between(0, std::max(0, desired / 2));
  const int64_t above_desired = rng.between(1, std::max(2, desired));
  cluster.updated_at = draw_between_times(rng, cluster.core.created_at, world.as_of_seconds());
  cluster.name = std::string(team) + "-" + std::string(cluster.core.env) + "-" +
                 world.catalog->region(cluster.core.region).code + "-" + std::to_string(index + 1);
  cluster.desired_nodes = desired;
  cluster.min_nodes = desired == 0 ? 0 : std::max(1, desired - static_cast<int>(below_desired));
  cluster.max_nodes = desired + static_cast<int>(above_desired);
  cluster.control_plane_hourly = round4(eks_control_plane_hourly(world));
  return cluster;
}

// sibling_type: another size of the cluster type's family among kNodeTypes (the type itself if none).
std::string sibling_type(Rng& rng, const std::string& cluster_type) {
  const std::string family = cluster_type.substr(0, cluster_type.find('.'));
  std::vector<const char*> siblings;
  for (const auto& type : kNodeTypes) {
    const std::string name = type.name;
    if (name != cluster_type && name.substr(0, name.find('.')) == family) siblings.push_back(type.name);
  }
  const uint32_t draw = rng.below(8);
  return siblings.empty() ? cluster_type : siblings[draw % siblings.size()];
}

// shape_node_usage: the node's daily series for its plant decision, tuned so that the 7-day means sit
// where the decision needs them: idle nodes idle on all of the last 16 days, near misses at 10.3-11.8 %
// CPU, ordinary nodes at >= 13 % CPU.
void shape_node_usage(const World& world, ContainerNode& node, std::string_view env, Plant plant, Rng& rng) {
  const double weekend_factor = is_prod(env) ? rng.uniform(0.8, 1.0) : rng.uniform(0.3, 0.6);
  const double busy_level = std::clamp(rng.lognormal(32.0, 0.45), 16.0, 85.0);
  const double idle_level = rng.uniform(3.0, 9.0);
  const double near_target = rng.uniform(10.6, 11.6);
  const double network = std::max(60.0, rng.lognormal(900.0, 0.8));
  const double trend = rng.uniform(-0.002, 0.003);
  UsageShape& shape = node.usage;
  shape.weekend_factor = weekend_factor;
  shape.trend_per_day = trend;
  shape.network_mb = network;
  const int32_t last = world.as_of_day();
  if (plant == Plant::kWaste) {
    shape.level = idle_level;
    shape.network_mb = 20;
    shape.idle_days_mask = 0xFFFF;
    return;
  }
  if (plant == Plant::kNearMiss) {
    shape.weekend_factor = 1;
    shape.trend_per_day = 0;
    shape.noise = 0.06;
    shape.level = near_target;
    for (int round = 0; round < 6; ++round) {
      const double mean = usage_window(world, shape, kNodeSeries, last - 6, last).cpu_avg;
      if (mean >= 10.3 && mean <= 11.8) break;
      shape.level *= near_target / std::max(mean, 1.0);
    }
    while (usage_window(world, shape, kNodeSeries, last - 6, last).cpu_avg < 10.3) shape.level *= 1.03;
    return;
  }
  shape.level = busy_level;
  while (usage_window(world, shape, kNodeSeries, last - 6, last).cpu_avg < 13.0) shape.level *= 1.25;
}

ContainerNode make_node(const World& world, uint32_t account_index, size_t node_index, const ContainerCluster& cluster,
                        int cluster_index, bool first_of_cluster, bool gpu_node) {
  const uint64_t key = entity_key(account_index, "container_node", node_index);
  Rng rng(world.seed(), "container_nodes", key);
  ContainerNode node;
  node.core.id = Uuid::from_key(world.seed(), "container_nodes", key);
  node.core.resource_id = uuid_text(node.core.id);
  node.core.region = cluster.core.region;
  node.core.env = cluster.core.env;
  node.cluster_index = cluster_index;
  node.instance_id = aws_id(rng, "i-", 17);
  const bool mixed = rng.chance(kMixedTypeChance);
  const std::string sibling = sibling_type(rng, cluster.node_instance_type);
  const char* gpu_type = pick_type(rng, kGpuNodeTypes);
  node.instance_type = gpu_node ? gpu_type : (mixed ? sibling : cluster.node_instance_type);
  const int64_t latest_start = world.as_of_seconds() - (world.profile->metrics_days + kMinAgeMarginDays) * kSecondsPerDay;
  node.core.created_at = draw_between_times(rng, cluster.core.created_at, latest_start);
  node.updated_at = draw_between_times(rng, node.core.created_at, world.as_of_seconds());
  node.state = "running";

  const InstanceType& type = world.catalog->instance_type(node.instance_type);
  node.hourly_cost = round4(regional_price(world, node.core.region, type.hourly_usd));
  node.gpu_count = type.gpu_count;
  if (type.gpu_count > 0) {
    // The GPU share of the price: the node's price less general-purpose vCPUs at m5.large's rate.
    const InstanceType& baseline = world.catalog->instance_type("m5.large");
    const double cpu_part = type.vcpu * baseline.hourly_usd / baseline.vcpu;
    node.gpu_hourly_cost = round4(regional_price(world, node.core.region, std::max(0.0, type.hourly_usd - cpu_part)));
  }

  Rng plant_rng(world.seed(), pattern_id(Pattern::kContainerIdle), key);
  Plant plant = decide_plant(plant_rng, world, Pattern::kContainerIdle);
  // The first node of a cluster hosts its system pods, so it is never idle.
  if (first_of_cluster && plant == Plant::kWaste) plant = Plant::kNone;
  node.usage.key = key;
  shape_node_usage(world, node, cluster.core.env, plant, rng);
  const int32_t last = world.as_of_day();
  const UsageWindow week = usage_window(world, node.usage, kNodeSeries, last - 6, last);
  node.avg_cpu_7d = round2(week.cpu_avg);
  node.avg_memory_7d = round2(week.memory_avg);
  return node;
}

void build_cluster_nodes(const World& world, AccountModel& model, int cluster_index, size_t& next_node_index) {
  const uint32_t account_index = model.account->index;
  ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  Rng pool_rng(world.seed(), "container_gpu_pool", entity_key(account_index, "container_cluster", cluster_index));
  const bool has_gpu_pool = pool_rng.chance(kGpuPoolChance) && cluster.desired_nodes >= 3;
  const double gpu_share = pool_rng.uniform(0.1, 0.3);
  const int gpu_nodes =
      has_gpu_pool ? std::max(1, static_cast<int>(std::lround(cluster.desired_nodes * gpu_share))) : 0;
  double hourly = cluster.control_plane_hourly;
  for (int position = 0; position < cluster.desired_nodes; ++position) {
    const bool gpu_node = position >= cluster.desired_nodes - gpu_nodes;
    ContainerNode node =
        make_node(world, account_index, next_node_index++, cluster, cluster_index, position == 0, gpu_node);
    hourly += node.hourly_cost;
    add_monthly_cost(model, node.hourly_cost * kHoursPerMonth);
    if (node.usage.idle_days_mask != 0) {
      record_waste(model, ResourceType::kContainerNode, node.core.resource_id, Pattern::kContainerIdle,
                   node.hourly_cost * kHoursPerMonth);
    }
    model.containers.container_nodes.push_back(std::move(node));
  }
  cluster.estimated_hourly_cost = round4(hourly);
  add_monthly_cost(model, cluster.control_plane_hourly * kHoursPerMonth);
}

}  // namespace

void build_containers_and_lambda(const World& world, AccountModel& model) {
  const auto& counts = model.account->counts;
  int64_t clusters = counts[static_cast<size_t>(ResourceType::kContainerCluster)];
  int64_t nodes = counts[static_cast<size_t>(ResourceType::kContainerNode)];
  // Nodes need a cluster: an account planned with nodes but no cluster turns one node into its cluster.
  if (clusters == 0 && nodes > 0) {
    clusters = 1;
    nodes -= 1;
  }
  const std::vector<int> desired = deal_nodes(world, model.account->index, clusters, nodes);
  auto& containers = model.containers;
  containers.container_clusters.reserve(desired.size());
  containers.container_nodes.reserve(static_cast<size_t>(nodes));
  size_t next_node_index = 0;
  for (size_t index = 0; index < desired.size(); ++index) {
    containers.container_clusters.push_back(make_cluster(world, model.account->index, index, desired[index]));
    build_cluster_nodes(world, model, static_cast<int>(index), next_node_index);
    build_cluster_services(world, model, static_cast<int>(index));
  }
  build_lambda(world, model);
}

}  // namespace seedgen

// container_service_builder.cc: the services (deployments) a cluster runs, 2-15 per cluster with nodes.
// Their CPU requests fill 45-80 % of the nodes' vCPUs and they use ~8-13 % of what they request (CAST AI),
// so over-requesting is the norm; container_idle flags only the egregious: < 5 % with >= 2 replicas.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

constexpr const char* kServiceApps[] = {"checkout", "cart", "search", "catalog", "payments", "auth", "orders",
                                        "profile", "notify", "pricing", "inventory", "reports", "ingest",
                                        "recommend", "billing", "media"};
constexpr const char* kServiceRoles[] = {"api", "worker", "web", "consumer", "cron", "gateway", "sync", "grpc"};

// Services are planted at half the profile's container_idle rate (which is a share of nodes): their saving
// is a share of the busy nodes' cost, and at the full rate containers alone would exceed the estate's
// 25-32 % waste share.
constexpr double kServiceRateFactor = 0.5;

// decide_service_plant: decide_plant's rule at kServiceRateFactor x the container_idle rate; one draw.
Plant decide_service_plant(Rng& rng, const World& world) {
  const double rate = kServiceRateFactor * waste_rate(world, Pattern::kContainerIdle);
  const double draw = rng.unit();
  if (draw < rate) return Plant::kWaste;
  if (draw < rate + rate * world.profile->near_miss_rate) return Plant::kNearMiss;
  return Plant::kNone;
}

// One service's draws, made in a fixed order from its own stream before the cluster's requests are known.
struct ServiceDraw {
  double weight = 1;
  int replicas = 1;
  Plant plant = Plant::kNone;
  bool single_replica_near_miss = false;
  double cpu_percent = 0, memory_percent = 0, memory_jitter = 1;
};

ServiceDraw draw_service(const World& world, uint64_t key, Rng& rng) {
  ServiceDraw draw;
  draw.weight = rng.lognormal(1.0, 0.9);
  const double replica_kind = rng.unit();
  const int64_t few = rng.between(2, 4);
  const int64_t many = rng.between(5, 12);
  draw.replicas = replica_kind < 0.25 ? 1 : (replica_kind < 0.85 ? static_cast<int>(few) : static_cast<int>(many));
  const double wasted_cpu = rng.uniform(0.8, 4.6);
  const double near_cpu = rng.uniform(5.15, 5.9);
  const double usual_cpu = std::clamp(rng.lognormal(11.0, 0.4), 6.5, 80.0);
  const double wasted_memory = rng.uniform(6.0, 18.0);
  const double usual_memory = std::clamp(rng.lognormal(22.0, 0.3), 8.0, 95.0);
  draw.single_replica_near_miss = rng.chance(0.5);
  draw.memory_jitter = rng.uniform(0.6, 1.1);
  Rng plant_rng(world.seed(), pattern_id(Pattern::kContainerIdle), key);
  draw.plant = decide_service_plant(plant_rng, world);
  draw.cpu_percent = usual_cpu;
  draw.memory_percent = usual_memory;
  if (draw.plant == Plant::kWaste) {
    draw.replicas = std::max(draw.replicas, kOverRequestedReplicas);
    draw.cpu_percent = wasted_cpu;
    draw.memory_percent = wasted_memory;
  } else if (draw.plant == Plant::kNearMiss && draw.single_replica_near_miss) {
    draw.replicas = 1;  // as idle as the wasteful ones, but a single replica cannot be consolidated
    draw.cpu_percent = wasted_cpu;
  } else if (draw.plant == Plant::kNearMiss) {
    draw.replicas = std::max(draw.replicas, kOverRequestedReplicas);
    draw.cpu_percent = near_cpu;
  }
  draw.cpu_percent = round2(draw.cpu_percent);
  draw.memory_percent = round2(draw.memory_percent);
  return draw;
}

// memory_mb_per_vcpu: the node family's memory per vCPU (c: 2 GiB, r: 8 GiB, others 4 GiB).
double memory_mb_per_vcpu(const std::string& instance_type) {
  if (instance_type.front() == 'c') return 2048;
  if (instance_type.front() == 'r') return 8192;
  return 4096;
}

bool node_is_idle(const ContainerNode& node) {
  return node.state == "running" && node.avg_cpu_7d < kIdleNodeCpu && node.avg_memory_7d < kIdleNodeMemory;
}

// over_requested_savings: the share of the cluster's busy nodes (those not idle themselves, which
// container_idle saves in full) that right-sizing the over-requested services' CPU requests frees.
double over_requested_savings(const AccountModel& model, int cluster_index, size_t first_service) {
  double busy_hourly = 0;
  for (const ContainerNode& node : model.containers.container_nodes) {
    if (node.cluster_index == cluster_index && !node_is_idle(node)) busy_hourly += node.hourly_cost;
  }
  double requested = 0, freed = 0;
  const auto& services = model.containers.container_services;
  for (size_t index = first_service; index < services.size(); ++index) {
    const ContainerService& service = services[index];
    const double service_request = service.requested_cpu * service.replica_count;
    requested += service_request;
    if (service.avg_cpu_7d < kOverRequestedCpu && service.replica_count >= kOverRequestedReplicas) {
      freed += service_request * (1.0 - service.avg_cpu_7d / kRightsizedUtilization);
    }
  }
  return requested > 0 ? busy_hourly * kHoursPerMonth * freed / requested : 0;
}

}  // namespace

void build_cluster_services(const World& world, AccountModel& model, int cluster_index) {
  const ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  if (cluster.desired_nodes == 0) return;  // scaled to zero: nothing scheduled
  const uint32_t account_index = model.account->index;
  Rng cluster_rng(world.seed(), "container_service_count", entity_key(account_index, "container_cluster", cluster_index));
  const double median_count = 3.0 + cluster.desired_nodes / 2.0;
  const int count = static_cast<int>(std::clamp<long>(std::lround(cluster_rng.lognormal(median_count, 0.5)), 2, 15));
  const double request_share = cluster_rng.uniform(0.45, 0.8);

  double capacity_vcpu = 0;
  for (const ContainerNode& node : model.containers.container_nodes) {
    if (node.cluster_index == cluster_index) capacity_vcpu += world.catalog->instance_type(node.instance_type).vcpu;
  }
  const double max_per_replica = 0.5 * world.catalog->instance_type(cluster.node_instance_type).vcpu;
  std::vector<ServiceDraw> draws;
  std::vector<Rng> streams;
  draws.reserve(static_cast<size_t>(count));
  streams.reserve(static_cast<size_t>(count));
  double total_weight = 0;
  for (int position = 0; position < count; ++position) {
    const uint64_t key = entity_key(account_index, "container_service", static_cast<uint64_t>(cluster_index) * 16 + position);
    streams.emplace_back(world.seed(), "container_services", key);
    draws.push_back(draw_service(world, key, streams.back()));
    total_weight += draws.back().weight;
  }

  auto& services = model.containers.container_services;
  const size_t first_service = services.size();
  bool any_wasted = false;
  for (int position = 0; position < count; ++position) {
    const uint64_t key = entity_key(account_index, "container_service", static_cast<uint64_t>(cluster_index) * 16 + position);
    const ServiceDraw& draw = draws[static_cast<size_t>(position)];
    Rng& rng = streams[static_cast<size_t>(position)];
    ContainerService service;
    service.id = Uuid::from_key(world.seed(), "container_services", key);
    service.cluster_index = cluster_index;
    service.name = std::string(kServiceApps[rng.below(std::size(kServiceApps))]) + "-" +
                   kServiceRoles[rng.below(std::size(kServiceRoles))];
    service.env = cluster.core.env;
    service.region = cluster.core.region;
    const int64_t earliest = cluster.core.created_at;
    service.created_at = earliest + static_cast<int64_t>(rng.unit() * static_cast<double>(world.as_of_seconds() - earliest));
    service.updated_at =
        service.created_at + static_cast<int64_t>(rng.unit() * static_cast<double>(world.as_of_seconds() - service.created_at));
    // A pod must fit on a node: past half a node per replica, the service scales out instead.
    const double service_vcpu = capacity_vcpu * request_share * draw.weight / total_weight;
    const bool pinned_single = draw.plant == Plant::kNearMiss && draw.single_replica_near_miss;
    service.replica_count = draw.replicas;
    if (!pinned_single && service_vcpu / draw.replicas > max_per_replica) {
      service.replica_count = static_cast<int>(std::ceil(service_vcpu / max_per_replica));
    }
    const double per_replica = std::min(service_vcpu / service.replica_count, max_per_replica);
    service.requested_cpu = std::max(0.05, std::round(per_replica * 1000.0) / 1000.0);   // millicores
    const double memory_mb = service.requested_cpu * memory_mb_per_vcpu(cluster.node_instance_type) * draw.memory_jitter;
    service.requested_memory_mb = std::max(64, static_cast<int>(std::lround(memory_mb / 64.0)) * 64);
    service.avg_cpu_7d = draw.cpu_percent;
    service.avg_memory_7d = draw.memory_percent;
    any_wasted = any_wasted || draw.plant == Plant::kWaste;
    services.push_back(std::move(service));
  }
  if (any_wasted) {
    record_waste(model, ResourceType::kContainerCluster, cluster.core.resource_id, Pattern::kContainerIdle,
                 over_requested_savings(model, cluster_index, first_service));
  }
}

}  // namespace seedgen

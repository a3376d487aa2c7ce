// container_series.cc: a cluster's days. Each day its services run their replicas; the cluster autoscaler
// (when the cluster has one) keeps enough nodes for their CPU requests at the cluster's packing share,
// between min_nodes and max_nodes, while a fixed node group keeps its size whatever runs on it. The
// scheduler places each replica on the less loaded of two nodes (by requests), and a node's utilisation
// is the system's share plus the use of the replicas on it, over the node's capacity: an idle cluster
// looks idle on its nodes and on its services alike.
#include <algorithm>
#include <cmath>
#include <vector>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

struct SlotLoad {
  double requested = 0, used_vcpu = 0, used_memory_mb = 0;
};

struct Replica {
  const ContainerService* service;
  int index;
  ServiceDay day;
};

// place: the slot (0-based) of one replica: the less requested of two drawn for it this week (pods move
// when nodes are refreshed and services redeployed).
size_t place(const ContainerCluster& cluster, const Replica& replica, int32_t day, const std::vector<SlotLoad>& slots) {
  const uint64_t epoch = static_cast<uint64_t>(day + static_cast<int32_t>(cluster.life.key % 7)) / 7;
  const uint64_t draw = mix64(replica.service->life.key ^ mix64(epoch * 1000003 + static_cast<uint64_t>(replica.index)));
  const size_t first = draw % slots.size(), second = (draw >> 32) % slots.size();
  return slots[second].requested < slots[first].requested ? second : first;
}

NodeSlotDay slot_day(const World& world, const ContainerCluster& cluster, int slot, int32_t day, const SlotLoad& load) {
  const InstanceType& type = world.catalog->instance_type(node_slot_type(cluster, slot));
  Rng rng = day_rng(world, kNodeSeries, mix64(cluster.life.key + static_cast<uint64_t>(slot)), day);
  const double system_jitter = rng.uniform(0.8, 1.2), peak = rng.lognormal(2.0, 0.35), traffic = rng.lognormal(1.0, 0.5);
  NodeSlotDay values;
  values.cpu_avg = round2(std::clamp(cluster.system_cpu * system_jitter + 100.0 * load.used_vcpu / type.vcpu, 0.0, 100.0));
  values.cpu_max = round2(std::clamp(values.cpu_avg * std::max(1.0, peak), values.cpu_avg, 100.0));
  values.memory_avg = round2(std::clamp(cluster.system_memory + 100.0 * load.used_memory_mb / (type.memory_gib * 1024.0), 0.0, 99.0));
  values.network_mb = round2((40.0 + 3000.0 * load.used_vcpu) * traffic);
  return values;
}

}  // namespace

void build_cluster_timeline(const World& world, AccountModel& model, int cluster_index) {
  ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  const double node_vcpu = world.catalog->instance_type(cluster.node_instance_type).vcpu;
  ClusterTimeline& timeline = cluster.timeline;
  timeline.first_day = std::min(world.metrics_first_day(), world.as_of_day() - kTimelineDays + 1);
  std::vector<const ContainerService*> services;
  for (const ContainerService& service : model.containers.container_services) {
    if (service.cluster_index == cluster_index) services.push_back(&service);
  }
  std::vector<Replica> replicas;
  for (int32_t day = timeline.first_day; day <= world.as_of_day(); ++day) {
    replicas.clear();
    double requested = 0;
    for (const ContainerService* service : services) {
      const ServiceDay values = service_day(world, *service, day);
      for (int index = 0; index < values.replicas; ++index) replicas.push_back(Replica{service, index, values});
      requested += service->requested_cpu * values.replicas;
    }
    const int base = static_cast<int>(std::lround(cluster.base_nodes));
    const int desired = day < cluster.life.birth_day ? 0
                        : cluster.autoscaled ? std::clamp(static_cast<int>(std::ceil(requested / (node_vcpu * cluster.pack))),
                                                          cluster.min_nodes, cluster.max_nodes)
                                             : base;
    std::vector<SlotLoad> loads(static_cast<size_t>(desired));
    for (const Replica& replica : replicas) {
      if (loads.empty()) break;
      SlotLoad& load = loads[place(cluster, replica, day, loads)];
      load.requested += replica.service->requested_cpu;
      load.used_vcpu += replica.service->requested_cpu * replica.day.cpu_percent / 100.0;
      load.used_memory_mb += replica.service->requested_memory_mb * replica.day.memory_percent / 100.0;
    }
    std::vector<NodeSlotDay> slots;
    for (int slot = 1; slot <= desired; ++slot) slots.push_back(slot_day(world, cluster, slot, day, loads[static_cast<size_t>(slot - 1)]));
    timeline.desired.push_back(desired);
    timeline.slots.push_back(std::move(slots));
  }
}

}  // namespace seedgen

// container_node_builder.cc: the nodes of a cluster, derived lives of it. Slot k of the node group holds a
// node on the days the cluster's desired capacity is at least k; a slot's node is replaced every few
// weeks (AMI and Kubernetes upgrades roll the node group), and a slot emptied by a scale-in gets a new node
// when it fills again. A node's key, uuid and instance id come from (cluster, slot, first day), so the same
// node keeps its ids on every day it exists, and it is never older than its cluster.
#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/natural_ids.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

constexpr int kMinRefreshDays = 14, kRefreshSpreadDays = 31;
static_assert(kMinRefreshDays + kRefreshSpreadDays < kTimelineDays, "a node's first day lies within the timeline");

// generation_start: the first day of the slot's node generation that covers `day`.
int32_t generation_start(const ContainerCluster& cluster, int slot, int32_t day) {
  const int period = kMinRefreshDays + static_cast<int>(mix64(cluster.life.key ^ static_cast<uint64_t>(slot)) % kRefreshSpreadDays);
  const int phase = static_cast<int>(mix64(cluster.life.key + static_cast<uint64_t>(slot) * 7919) % static_cast<uint64_t>(period));
  const int32_t offset = day - phase;
  const int32_t index = offset >= 0 ? offset / period : (offset - period + 1) / period;
  return phase + index * period;
}

// first_day_of_node: walk back from as_of while the slot stays filled, within its generation.
int32_t first_day_of_node(const World& world, const ContainerCluster& cluster, int slot) {
  const ClusterTimeline& timeline = cluster.timeline;
  const int32_t lower = std::max({generation_start(cluster, slot, world.as_of_day()), cluster.life.birth_day, timeline.first_day});
  int32_t start = world.as_of_day();
  while (start - 1 >= lower && timeline.desired[static_cast<size_t>(start - 1 - timeline.first_day)] >= slot) --start;
  return start;
}

Tags node_tags(Rng& rng, const World& world, const AccountPlan& account, const ContainerCluster& cluster) {
  Tags tags = draw_tags(rng, world, account, TagSubject{cluster.name + "-node", cluster.core.env, "", "", false});
  // EKS managed node groups tag their instances with the cluster they join.
  tags.emplace_back("kubernetes.io/cluster/" + cluster.name, "owned");
  tags.emplace_back("eks:cluster-name", cluster.name);
  return tags;
}

ContainerNode make_node(const World& world, const AccountModel& model, int cluster_index, int slot) {
  const ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  const uint32_t account_index = model.account->index;
  const int32_t start = first_day_of_node(world, cluster, slot);
  const uint64_t coordinate = cluster.coordinate << 24 | static_cast<uint64_t>(slot) << 14 |
                              static_cast<uint64_t>(std::clamp(start - cluster.life.birth_day, 0, 16383));
  ContainerNode node;
  node.life.key = entity_key(account_index, "container_node", coordinate);
  node.life.birth_day = start;
  const int64_t scaling = static_cast<int64_t>(start) * kSecondsPerDay + static_cast<int64_t>(mix64(node.life.key) % kSecondsPerDay);
  node.life.born_at = start == cluster.life.birth_day ? cluster.life.born_at + 120 + slot * 7 : std::max(scaling, cluster.life.born_at + 120);
  Rng rng(world.seed(), "container_nodes", node.life.key);
  node.core.id = Uuid::from_key(world.seed(), "container_nodes", node.life.key);
  node.core.resource_id = uuid_text(node.core.id);
  node.core.region = cluster.core.region;
  node.core.env = cluster.core.env;
  node.core.created_at = node.life.born_at;
  node.cluster_index = cluster_index;
  node.slot = slot;
  node.instance_id = "i-" + unique_hex(world, "container_node", account_index, coordinate, 17);
  node.instance_type = node_slot_type(cluster, slot);
  node.state = "running";
  const InstanceType& type = world.catalog->instance_type(node.instance_type);
  node.hourly_cost = node_hourly(world, node.core.region, node.instance_type);
  node.gpu_count = type.gpu_count;
  if (type.gpu_count > 0) {
    // The GPU share of the price: the node's price less general-purpose vCPUs at m5.large's rate.
    const InstanceType& baseline = world.catalog->instance_type("m5.large");
    const double cpu_part = type.vcpu * baseline.hourly_usd / baseline.vcpu;
    node.gpu_hourly_cost = round4(regional_price(world, node.core.region, std::max(0.0, type.hourly_usd - cpu_part)));
  }
  const double update = rng.unit();
  node.updated_at = std::min(world.snapshot_time() - 1,
                             node.core.created_at + static_cast<int64_t>(update * static_cast<double>(world.snapshot_time() - node.core.created_at)));
  node.core.tags = node_tags(rng, world, *model.account, cluster);
  double cpu = 0, memory = 0;
  int days = 0;
  for (int32_t day = std::max(world.as_of_day() - 6, start); day <= world.as_of_day(); ++day, ++days) {
    const NodeSlotDay& values = cluster.timeline.slots[static_cast<size_t>(day - cluster.timeline.first_day)][static_cast<size_t>(slot - 1)];
    cpu += values.cpu_avg;
    memory += values.memory_avg;
  }
  node.avg_cpu_7d = round2(cpu / days);
  node.avg_memory_7d = round2(memory / days);
  return node;
}

}  // namespace

void build_cluster_nodes(const World& world, AccountModel& model, int cluster_index) {
  ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  cluster.desired_nodes = cluster.timeline.desired.back();
  double hourly = cluster.control_plane_hourly;
  for (int slot = 1; slot <= cluster.desired_nodes; ++slot) {
    ContainerNode node = make_node(world, model, cluster_index, slot);
    hourly += node.hourly_cost;
    add_monthly_cost(model, node.hourly_cost * kHoursPerMonth);
    model.containers.container_nodes.push_back(std::move(node));
  }
  cluster.estimated_hourly_cost = round4(hourly);
  add_monthly_cost(model, cluster.control_plane_hourly * kHoursPerMonth);
}

}  // namespace seedgen

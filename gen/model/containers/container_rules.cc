// container_rules.cc: container_idle and lambda_idle_provisioned, evaluated on the values the emitters
// write (docs/data/containers_lambda.md, "Rules"). Each rule is read literally on the stored (rounded)
// values; every finding is recorded, and resolve_counts decides which saving counts.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"

namespace seedgen {
namespace {

struct ClusterRequests {
  double busy_hourly = 0, requested = 0, freed = 0;
  bool over_requested = false;
};

// evaluate_clusters: (a) idle nodes, saved in full; (b) clusters with an over-requested service, saving the
// share of the busy nodes' cost that right-sizing those requests to 4 x their use frees.
void evaluate_clusters(AccountModel& model) {
  const ContainerModel& containers = model.containers;
  std::map<int, ClusterRequests> clusters;
  for (const ContainerNode& node : containers.container_nodes) {
    if (node_is_idle(node)) {
      record_waste(model, ResourceType::kContainerNode, node.core.resource_id, Pattern::kContainerIdle, node.hourly_cost * kHoursPerMonth);
    } else {
      clusters[node.cluster_index].busy_hourly += node.hourly_cost;
    }
  }
  for (const ContainerService& service : containers.container_services) {
    if (!service.listed) continue;
    ClusterRequests& cluster = clusters[service.cluster_index];
    const double request = service.requested_cpu * service.replica_count;
    cluster.requested += request;
    if (service.avg_cpu_7d < kOverRequestedCpu && service.replica_count >= kOverRequestedReplicas) {
      cluster.over_requested = true;
      cluster.freed += request * (1.0 - service.avg_cpu_7d / kRightsizedUtilization);
    }
  }
  for (const auto& [index, cluster] : clusters) {
    if (!cluster.over_requested) continue;
    record_waste(model, ResourceType::kContainerCluster, containers.container_clusters[static_cast<size_t>(index)].core.resource_id,
                 Pattern::kContainerIdle, cluster.busy_hourly * kHoursPerMonth * cluster.freed / cluster.requested);
  }
}

// idle_provisioned: the mean of the stored daily utilisation over the function's rows dated as_of-6 ..
// as_of is under the threshold, compared in exact hundredths as numeric compares it.
bool idle_provisioned(const World& world, const LambdaFunction& function) {
  int64_t hundredths = 0, rows = 0;
  for (int32_t day = std::max(world.as_of_day() - 6, function.life.birth_day); day <= world.as_of_day(); ++day, ++rows) {
    hundredths += std::llround(lambda_on(world, function, day).provisioned_utilization * 100.0);
  }
  return rows > 0 && hundredths < std::llround(kIdleProvisionedUtilization * 100.0) * rows;
}

}  // namespace

bool node_is_idle(const ContainerNode& node) {
  return node.state == "running" && node.avg_cpu_7d < kIdleNodeCpu && node.avg_memory_7d < kIdleNodeMemory;
}

void evaluate_container_rules(const World& world, AccountModel& model) {
  evaluate_clusters(model);
  for (const LambdaFunction& function : model.containers.lambda_functions) {
    if (function.provisioned_concurrency > 0 && idle_provisioned(world, function)) {
      // The saving is the provisioned concurrency itself: switching it off leaves on-demand capacity.
      record_waste(model, ResourceType::kLambdaFunction, function.core.resource_id, Pattern::kLambdaIdleProvisioned,
                   provisioned_monthly(world, function));
    }
  }
}

}  // namespace seedgen

// platform_rules.cc: the platform patterns, evaluated on the values the emitters write
// (docs/data/platform.md, "Rules"). Each rule is read literally on the stored (rounded) values; every
// finding is recorded, and resolve_counts decides which saving counts.
#include <algorithm>
#include <map>

#include "core/calendar.h"
#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr int kIdleDays = 7;                          // rds_idle: no connection on the last 7 days
constexpr double kOversizedCpu = 25, kInUseConnections = 2;
constexpr double kCacheCpu = 10, kCacheMemory = 30;
constexpr double kIdleRequests = 100;                 // lb_idle: fewer than 100 requests on every day
constexpr double kServiceCpu = 5;
constexpr double kStreamShare = 0.2;
constexpr double kAvoidableGbPerDay = 20;
constexpr double kAvoidableShare = 0.8;               // colocating producer and consumer; DR replication stays
constexpr double kOneSizeDown = 0.5;

void evaluate_databases(const World& world, AccountModel& model) {
  const int64_t week_ago = world.as_of_seconds() - kIdleDays * kSecondsPerDay;
  for (const RdsInstance& rds : model.platform.rds_instances) {
    if (rds.state != "available") continue;
    const double compute = rds.hourly_cost * kHoursPerMonth;
    if (rds.core.created_at < week_ago && rds.max_connections_7d == 0) {
      record_waste(model, ResourceType::kRdsInstance, rds.core.resource_id, Pattern::kRdsIdle, compute + rds.storage_monthly_cost);
    }
    if (rds.avg_cpu_7d <= kOversizedCpu && rds.avg_connections_7d >= kInUseConnections) {
      record_waste(model, ResourceType::kRdsInstance, rds.core.resource_id, Pattern::kRdsOversized, kOneSizeDown * compute);
    }
  }
  for (const CacheCluster& cache : model.platform.cache_clusters) {
    if (cache.avg_cpu_7d >= kCacheCpu || cache.avg_memory_7d >= kCacheMemory) continue;
    // Several nodes: keep one; a single node: one size down, about half the price.
    const double share = cache.num_nodes > 1 ? static_cast<double>(cache.num_nodes - 1) / cache.num_nodes : kOneSizeDown;
    record_waste(model, ResourceType::kCacheCluster, cache.core.resource_id, Pattern::kCacheUnderutilized,
                 share * cache.hourly_cost * kHoursPerMonth);
  }
}

void evaluate_network(const World& world, AccountModel& model) {
  (void)world;
  for (const LoadBalancer& lb : model.platform.load_balancers) {
    if (lb.max_requests_7d < kIdleRequests) {
      record_waste(model, ResourceType::kLoadBalancer, lb.core.resource_id, Pattern::kLbIdle, lb.hourly_cost * kHoursPerMonth);
    }
  }
  std::map<std::string, std::string_view> instance_state;
  for (const Instance& instance : model.ec2.instances) {
    if (instance.listed) instance_state[instance.core.resource_id] = instance.state;
  }
  for (const ElasticIp& eip : model.platform.elastic_ips) {
    const auto found = instance_state.find(eip.associated_instance_id);
    const bool parked = !eip.associated_instance_id.empty() && found != instance_state.end() && found->second != "running";
    if (eip.state == "unassociated" || parked) {
      record_waste(model, ResourceType::kElasticIp, eip.core.resource_id, Pattern::kEipUnassociated, eip.hourly_cost * kHoursPerMonth);
    }
  }
  for (const TransferFlow& flow : model.platform.transfer_flows) {
    if (flow.direction == "cross-region" && flow.mean_gb_30d >= kAvoidableGbPerDay) {
      record_waste(model, ResourceType::kDataTransfer, flow.planted_id(), Pattern::kTransferAvoidable,
                   kAvoidableShare * flow.mean_cost_30d * kDaysPerMonth);
    }
  }
}

void evaluate_services(AccountModel& model) {
  for (const ManagedService& service : model.platform.managed_services) {
    if (service.avg_cpu_7d < kServiceCpu) {
      record_waste(model, ResourceType::kManagedService, service.core.resource_id, Pattern::kManagedServiceIdle,
                   service.hourly_cost * kHoursPerMonth);
    }
  }
  for (const StreamingCluster& stream : model.platform.streaming_clusters) {
    if (stream.avg_usage_mbps_7d < kStreamShare * stream.provisioned_throughput_mbps) {
      const double unused = 1.0 - stream.avg_usage_mbps_7d / stream.provisioned_throughput_mbps;
      record_waste(model, ResourceType::kStreamingCluster, stream.core.resource_id, Pattern::kStreamingOverprovisioned,
                   unused * stream.hourly_cost * kHoursPerMonth);
    }
  }
  for (const LogGroup& group : model.platform.log_groups) {
    if (group.retention_days == 0) {
      // The storage beyond what a 30-day retention would keep.
      record_waste(model, ResourceType::kLogGroup, group.core.resource_id, Pattern::kLogsNoRetention,
                   std::max(0.0, group.stored_gb_as_of - group.ingested_gb_30d) * group.storage_price_per_gb_month);
    }
  }
}

}  // namespace

void evaluate_platform_rules(const World& world, AccountModel& model) {
  evaluate_databases(world, model);
  evaluate_network(world, model);
  evaluate_services(model);
}

}  // namespace seedgen

// container_builders.h: what the container and Lambda builders, rules and emitters share. Private to
// gen/model/containers/. Order (container_builder.cc): each cluster is drawn, then the services on it
// (container_service_builder.cc), then its timeline (container_series.cc: desired capacity by day and the
// use of each node slot, from the services' replicas), then its nodes (container_node_builder.cc); Lambda
// functions after (lambda_builder.cc); last the rules (container_rules.cc).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "model/containers/containers.h"
#include "model/lives.h"

namespace seedgen {

struct World;
struct AccountModel;
class RowWriter;

// Stream names of the daily series (day_rng).
inline constexpr std::string_view kServiceSeries = "container_service";
inline constexpr std::string_view kNodeSeries = "container_node";
inline constexpr std::string_view kLambdaSeries = "lambda_function";

// The container_idle thresholds (docs/data/containers_lambda.md): a running node is idle when
// avg_cpu_7d < kIdleNodeCpu and avg_memory_7d < kIdleNodeMemory; a service is over-requested when
// avg_cpu_7d (percent of its request) < kOverRequestedCpu and replica_count >= kOverRequestedReplicas.
inline constexpr double kIdleNodeCpu = 10.0;
inline constexpr double kIdleNodeMemory = 35.0;
inline constexpr double kOverRequestedCpu = 5.0;
inline constexpr int kOverRequestedReplicas = 2;
// Requests are right-sized to this utilisation of the new request (headroom for peaks).
inline constexpr double kRightsizedUtilization = 25.0;
// lambda_idle_provisioned: mean daily provisioned-concurrency utilisation under this percent.
inline constexpr double kIdleProvisionedUtilization = 5.0;
// The first day of the timeline, whatever the metrics window: a node's life is found by walking back
// through its slot's days, at most one refresh period (container_node_builder.cc).
inline constexpr int kTimelineDays = 60;

// A birth of this domain (cluster or function): its life, its own stream, region and env from the account,
// and its per-account coordinate ((birth day - account's first day) << ordinal_bits | ordinal).
struct ContainerBirth {
  Life life;
  std::string_view region, env;
  uint64_t coordinate = 0;
};
// make_life_spec: a LifeSpec of `kind` with the given lifetime mixture (other fields at lives.h's defaults).
LifeSpec make_life_spec(std::string_view kind, std::vector<LifetimeComponent> lifetimes, double max_lifetime_days);
// for_each_container_birth: every life of `type` alive at the end of as_of, in birth order.
void for_each_container_birth(const World& world, const AccountModel& model, ResourceType type, const LifeSpec& spec,
                              int ordinal_bits, const std::function<void(const ContainerBirth&, Rng&)>& build);

// build_cluster_services: every service of cluster `cluster_index` alive in its timeline's days.
void build_cluster_services(const World& world, AccountModel& model, int cluster_index);
// build_cluster_timeline: desired capacity and slot use by day, from the cluster's services.
void build_cluster_timeline(const World& world, AccountModel& model, int cluster_index);
// build_cluster_nodes: the nodes alive at the end of as_of (slots 1..desired of the last day).
void build_cluster_nodes(const World& world, AccountModel& model, int cluster_index);
// build_lambda: the account's functions alive at the end of as_of.
void build_lambda(const World& world, AccountModel& model);
// evaluate_container_rules: records container_idle and lambda_idle_provisioned on the stored values.
void evaluate_container_rules(const World& world, AccountModel& model);

// One day of a service: replicas running and use in percent of the request.
struct ServiceDay {
  int replicas = 0;
  double cpu_percent = 0, memory_percent = 0;
};
// service_day: the service's day (its replicas are 0 outside its life).
ServiceDay service_day(const World& world, const ContainerService& service, int32_t day);

// One day of a function, as metrics_daily stores it: durations and utilisation rounded to 2 decimals;
// utilisation is a percent of the provisioned concurrency (0 when none is provisioned).
struct LambdaDay {
  int64_t invocations = 0, errors = 0, throttles = 0;
  double avg_duration_ms = 0;
  double provisioned_utilization = 0;
  double cost_usd = 0;
};
// lambda_on: the function's day; a pure function of (world, function, day).
LambdaDay lambda_on(const World& world, const LambdaFunction& function, int32_t day);
// provisioned_monthly: the function's provisioned-concurrency charge for 730 hours in its region.
double provisioned_monthly(const World& world, const LambdaFunction& function);

// node_slot_type: the instance type of slot `slot` of the cluster.
const std::string& node_slot_type(const ContainerCluster& cluster, int slot);
// node_hourly: the hourly price of `type` in `region`, as the tables store it.
double node_hourly(const World& world, std::string_view region, const std::string& type);
// node_is_idle: container_idle (a) on a node's stored columns.
bool node_is_idle(const ContainerNode& node);

// emit_lambda_metrics: one metrics_daily row per function per day of the metrics window it lived.
void emit_lambda_metrics(const World& world, const AccountModel& model, RowWriter& out);

// eks_control_plane_hourly: the catalog's "eks.cluster_hour" (profiles/prices.toml).
double eks_control_plane_hourly(const World& world);

}  // namespace seedgen

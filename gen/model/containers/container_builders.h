// container_builders.h: what the container and Lambda builders and their table emitters share: the Lambda
// builder's entry point, the daily series behind metrics_daily and the *_7d columns, and the Lambda metrics
// writer. Private to gen/model/containers/.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/legacy_planting.h"
#include "model/containers/containers.h"

namespace seedgen {

struct World;
struct AccountModel;
class RowWriter;

// Stream names of the daily series (usage_on / day_rng), one per resource type.
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

// build_cluster_services: the services of cluster `cluster_index` (after its nodes are built); plants
// over-requested services and records them once per cluster (resource_type container_cluster).
void build_cluster_services(const World& world, AccountModel& model, int cluster_index);

// build_lambda: fills model.containers.lambda_functions from counts[kLambdaFunction] and plants
// lambda_idle_provisioned (docs/data/containers_lambda.md).
void build_lambda(const World& world, AccountModel& model);

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

// emit_lambda_metrics: one metrics_daily row per function per day of the metrics window.
void emit_lambda_metrics(const World& world, const AccountModel& model, RowWriter& out);

// eks_control_plane_hourly: the catalog's "eks.cluster_hour" (profiles/prices.toml).
double eks_control_plane_hourly(const World& world);

}  // namespace seedgen

// containers.h: the containers-and-Lambda domain of one account: container clusters with their nodes and
// services, and Lambda functions, with the daily series behind their *_7d columns and metrics_daily rows.
// Planted patterns: container_idle, lambda_idle_provisioned (rules: docs/data/containers_lambda.md).
// Contract: build_containers_and_lambda fills model.containers from the account's counts with streams of
// its own (so it never shifts the EC2 domain's draws); the emitters write exactly what it decided.
// Everything else in gen/model/containers/ is private to this folder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/resource_core.h"
#include "model/usage_series.h"

namespace seedgen {

class RowWriter;
struct AccountModel;

struct ContainerCluster {
  ResourceCore core;           // resource_id = uuid
  std::string name, node_instance_type;
  int desired_nodes = 3, min_nodes = 1, max_nodes = 10;
  double estimated_hourly_cost = 0;
  double control_plane_hourly = 0;  // EKS control plane, part of estimated_hourly_cost
  int64_t updated_at = 0;
};

struct ContainerNode {
  ResourceCore core;           // resource_id = uuid
  int cluster_index = 0;
  std::string instance_id, instance_type, state;
  double hourly_cost = 0, gpu_hourly_cost = 0;
  int gpu_count = 0;
  double avg_cpu_7d = 0, avg_memory_7d = 0;
  int64_t updated_at = 0;
  UsageShape usage;
};

struct ContainerService {
  Uuid id;
  int cluster_index = 0;
  std::string name;
  std::string_view env, region;
  int64_t created_at = 0;
  double requested_cpu = 0;
  int requested_memory_mb = 0, replica_count = 1;
  double avg_cpu_7d = 0, avg_memory_7d = 0;
  int64_t updated_at = 0;
};

struct LambdaFunction {
  ResourceCore core;           // resource_id = uuid
  std::string name;
  int memory_mb = 128, timeout_seconds = 30, provisioned_concurrency = 0;
  int64_t invocations_7d = 0;
  double avg_duration_ms_7d = 0, estimated_monthly_cost = 0;
  int64_t updated_at = 0;
  // The daily series (lambda_builder.cc): typical invocations and mean duration on a weekday, the share
  // of invocations that fail and that are throttled. usage.key/weekend_factor/noise/trend_per_day apply.
  double daily_invocations = 0, duration_ms = 100, error_rate = 0, throttle_rate = 0;
  UsageShape usage;
};

struct ContainerModel {
  std::vector<ContainerCluster> container_clusters;
  std::vector<ContainerNode> container_nodes;
  std::vector<ContainerService> container_services;
  std::vector<LambdaFunction> lambda_functions;
};

// build_containers_and_lambda: fills model.containers from the account's counts; plants container_idle
// and lambda_idle_provisioned.
void build_containers_and_lambda(const World& world, AccountModel& model);

void emit_container_clusters(const World& world, const AccountModel& model, RowWriter& out);
void emit_container_nodes(const World& world, const AccountModel& model, RowWriter& out);
void emit_container_services(const World& world, const AccountModel& model, RowWriter& out);
void emit_lambda_functions(const World& world, const AccountModel& model, RowWriter& out);
// emit_container_lambda_metrics / emit_container_lambda_tags: this domain's rows of metrics_daily and
// resource_tags.
void emit_container_lambda_metrics(const World& world, const AccountModel& model, RowWriter& out);
void emit_container_lambda_tags(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen

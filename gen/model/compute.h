// compute.h: the compute domain of one account: autoscaling groups, EC2 instances, container clusters
// with their nodes and services, and Lambda functions, with the daily series behind their *_7d columns.
// Planted patterns: ec2_idle, ec2_idle_4_of_14, ec2_oversized, gpu_idle, ec2_stopped_30d, nonprod_24x7,
// ec2_prev_gen, ec2_uncommitted_steady, asg_overprovisioned, container_idle, lambda_idle_provisioned.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/common.h"

namespace seedgen {

class RowWriter;

// The shape of one resource's daily utilisation series; the metrics payload and the *_7d columns are
// both computed from it, so they always agree.
struct UsageShape {
  uint64_t key = 0;            // entity key, seeds the per-day streams
  double level = 30;           // typical daily average utilisation, percent
  double peak_ratio = 1.8;     // daily max / daily average
  double weekend_factor = 1;   // multiplier on Saturdays and Sundays (non-prod is quieter)
  double trend_per_day = 0;    // relative drift per day, e.g. 0.002
  double noise = 0.15;         // relative day-to-day noise
  double network_mb = 500;     // typical daily network traffic, MB
  uint16_t idle_days_mask = 0; // bit d set: day (as_of - d) is idle (CPU <= 10 %, network <= 5 MB)
};

struct AutoscalingGroup {
  ResourceCore core;           // resource_id = uuid (no unique natural id)
  std::string name;
  int min_size = 0, max_size = 10, desired_capacity = 1;
  std::string instance_type;
  int64_t updated_at = 0;      // the last scaling activity: the newest member's launch
};

struct Instance {
  ResourceCore core;           // resource_id = instance_id ("i-" + 17 hex)
  std::string name;
  std::string instance_type;
  std::string state;           // pending, running, stopping, stopped, terminated
  int asg_index = -1;          // index into ComputeModel::autoscaling_groups, or -1
  int64_t launch_time = 0;
  double hourly_cost = 0, gpu_hourly_cost = 0;
  int gpu_count = 0;
  double avg_cpu_7d = 0, avg_network_7d = 0;   // percent; MB per day
  int64_t last_active_at = 0;  // 0 = NULL
  UsageShape usage;
  // EC2 extras (docs/data/ec2.md): the gp3 root volume the storage domain attaches, and the days of the
  // metrics series: usage on days <= usage_last_day, zero usage after it (stopped), no rows after
  // metrics_last_day (terminated), none at all for pending instances (metrics_last_day < launch day).
  int root_volume_gib = 8;
  int32_t usage_last_day = 0;
  int32_t metrics_last_day = 0;
};

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

struct ComputeModel {
  std::vector<AutoscalingGroup> autoscaling_groups;
  std::vector<Instance> instances;
  std::vector<ContainerCluster> container_clusters;
  std::vector<ContainerNode> container_nodes;
  std::vector<ContainerService> container_services;
  std::vector<LambdaFunction> lambda_functions;
  // (family, region) pairs of running instances covered by an active 'ec2:<family>:<region>' commitment;
  // the commitments domain creates exactly one active commitment per pair.
  std::vector<std::pair<std::string, std::string>> covered_groups;
  // (family, region) pairs planted as ec2_uncommitted_steady: no active 'ec2:<family>:<region>' commitment
  // may exist for them (docs/data/ec2.md). Sorted, disjoint from covered_groups.
  std::vector<std::pair<std::string, std::string>> uncommitted_groups;
};

// build_compute: fills model.compute from the account's counts; plants the compute patterns.
void build_compute(const World& world, AccountModel& model);

void emit_autoscaling_groups(const World& world, const AccountModel& model, RowWriter& out);
void emit_instances(const World& world, const AccountModel& model, RowWriter& out);
void emit_container_clusters(const World& world, const AccountModel& model, RowWriter& out);
void emit_container_nodes(const World& world, const AccountModel& model, RowWriter& out);
void emit_container_services(const World& world, const AccountModel& model, RowWriter& out);
void emit_lambda_functions(const World& world, const AccountModel& model, RowWriter& out);
// emit_compute_metrics / emit_compute_tags: this domain's rows of metrics_daily and resource_tags.
void emit_compute_metrics(const World& world, const AccountModel& model, RowWriter& out);
void emit_compute_tags(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen

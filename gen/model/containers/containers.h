// containers.h: the containers-and-Lambda domain of one account: container clusters (lives of the account)
// with their nodes (derived lives: slots of the cluster's desired capacity over time) and services (lives
// on their cluster), and Lambda functions (lives of the account), with the daily series behind their *_7d
// columns and metrics_daily rows. Node utilisation is the use of the service replicas placed on it plus
// the system's share, so a node and its services always tell the same story. The answer key is the
// documented rules (container_idle, lambda_idle_provisioned: docs/data/containers_lambda.md) evaluated
// on the stored values; nothing is planted.
// Contract: build_containers_and_lambda fills model.containers with streams of its own (so it never shifts
// another domain's draws) and records its findings; the emitters write exactly what it decided.
// Everything else in gen/model/containers/ is private to this folder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/lives.h"
#include "model/resource_core.h"
#include "model/usage_series.h"   // round2/round4, which the EC2 domain reaches through this header

namespace seedgen {

class RowWriter;
struct AccountModel;

// One day of a node slot of a cluster: utilisation in percent of the node, as metrics_daily stores it.
struct NodeSlotDay {
  double cpu_avg = 0, cpu_max = 0, memory_avg = 0, network_mb = 0;
};

// The cluster's days [first_day, as_of]: its desired capacity and what each slot 1..desired ran.
struct ClusterTimeline {
  int32_t first_day = 0;
  std::vector<int> desired;                       // by day
  std::vector<std::vector<NodeSlotDay>> slots;    // by day, then slot - 1
};

struct ContainerCluster {
  ResourceCore core;           // resource_id = uuid
  Life life;
  uint64_t coordinate = 0;     // (birth day - account's first day) << 7 | ordinal
  std::string name, node_instance_type, gpu_instance_type;
  int desired_nodes = 3, min_nodes = 1, max_nodes = 10;
  double estimated_hourly_cost = 0;
  double control_plane_hourly = 0;  // EKS control plane, part of estimated_hourly_cost
  int64_t updated_at = 0;
  // Behaviour drawn at birth (container_builder.cc).
  bool autoscaled = false;     // cluster autoscaler: desired follows the services' requests
  double base_nodes = 3;       // typical desired capacity
  double pack = 0.7;           // requested share of node vCPUs the autoscaler keeps (or the services were sized to)
  double system_cpu = 3, system_memory = 15;   // percent of a node taken by kubelet, daemon sets, OS
  int gpu_nodes = 0;           // slots 1..gpu_nodes run gpu_instance_type
  int service_count = 5;       // typical number of services alive
  ClusterTimeline timeline;
};

struct ContainerNode {
  ResourceCore core;           // resource_id = uuid
  Life life;
  int cluster_index = 0, slot = 1;
  std::string instance_id, instance_type, state;
  double hourly_cost = 0, gpu_hourly_cost = 0;
  int gpu_count = 0;
  double avg_cpu_7d = 0, avg_memory_7d = 0;
  int64_t updated_at = 0;
};

struct ContainerService {
  Uuid id;
  Life life;
  int cluster_index = 0;
  bool listed = false;         // alive at the end of as_of (a row of container_services)
  std::string name;
  std::string_view env, region;
  double requested_cpu = 0;    // vCPU per replica
  int requested_memory_mb = 0, replica_count = 1;
  double avg_cpu_7d = 0, avg_memory_7d = 0;   // percent of the request
  int64_t updated_at = 0;
  // Behaviour (container_service_builder.cc): weekday use in percent of the request, replicas.
  double cpu_use = 10, memory_use = 40, idle_cpu_use = 1, weekend = 1;
  int base_replicas = 2, max_replicas = 2;
  bool scales = false;         // a horizontal pod autoscaler follows the load
  int64_t abandoned_at = kNever;
};

struct LambdaFunction {
  ResourceCore core;           // resource_id = uuid
  Life life;
  std::string name;
  int memory_mb = 128, timeout_seconds = 30, provisioned_concurrency = 0;
  int64_t invocations_7d = 0;
  double avg_duration_ms_7d = 0, estimated_monthly_cost = 0;
  int64_t updated_at = 0;
  // The daily series (lambda_series.cc): weekday invocations and mean duration, error and throttle
  // shares, weekend activity, and when its callers went away.
  double daily_invocations = 0, duration_ms = 100, error_rate = 0, throttle_rate = 0, weekend = 1;
  bool scheduled = false;      // a cron trigger: the same number of calls every day
  int64_t abandoned_at = kNever;
};

struct ContainerModel {
  std::vector<ContainerCluster> container_clusters;
  std::vector<ContainerNode> container_nodes;          // alive at the end of as_of, by cluster then slot
  std::vector<ContainerService> container_services;    // every service alive in the daily window
  std::vector<LambdaFunction> lambda_functions;        // alive at the end of as_of
};

// build_containers_and_lambda: fills model.containers and records the findings of container_idle and
// lambda_idle_provisioned.
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

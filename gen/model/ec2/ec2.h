// ec2.h: the EC2 domain of one account: autoscaling groups and EC2 instances, with the daily series
// behind their *_7d columns and metrics_daily rows.
// Planted patterns: ec2_idle, ec2_idle_4_of_14, ec2_oversized, gpu_idle, ec2_stopped_30d, nonprod_24x7,
// ec2_prev_gen, ec2_uncommitted_steady, asg_overprovisioned (rules: docs/data/ec2.md).
// Contract: build_ec2 fills model.ec2 from the account's counts using streams keyed by (seed, table,
// entity) only, so an account builds alike on any thread; the emitters write exactly what the builder
// decided, and every *_7d column is computed from the rounded values metrics_daily stores. Everything else
// in gen/model/ec2/ is private to this folder.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/resource_core.h"
#include "model/usage_series.h"

namespace seedgen {

class RowWriter;
struct AccountModel;

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

struct Ec2Model {
  std::vector<AutoscalingGroup> autoscaling_groups;
  std::vector<Instance> instances;
  // (family, region) pairs of running instances covered by an active 'ec2:<family>:<region>' commitment;
  // the commitments domain creates exactly one active commitment per pair.
  std::vector<std::pair<std::string, std::string>> covered_groups;
  // (family, region) pairs planted as ec2_uncommitted_steady: no active 'ec2:<family>:<region>' commitment
  // may exist for them (docs/data/ec2.md). Sorted, disjoint from covered_groups.
  std::vector<std::pair<std::string, std::string>> uncommitted_groups;
};

// build_ec2: fills model.ec2 from the account's counts; plants the EC2 patterns.
void build_ec2(const World& world, AccountModel& model);

void emit_autoscaling_groups(const World& world, const AccountModel& model, RowWriter& out);
void emit_instances(const World& world, const AccountModel& model, RowWriter& out);
// emit_ec2_metrics / emit_ec2_tags: this domain's rows of metrics_daily and resource_tags.
void emit_ec2_metrics(const World& world, const AccountModel& model, RowWriter& out);
void emit_ec2_tags(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen

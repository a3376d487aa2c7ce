// ec2.h: the EC2 domain of one account on one day: autoscaling groups and EC2 instances, each a life
// (docs/MODEL.md) with a workload that shapes its daily series, and the findings of the EC2 patterns:
// ec2_idle, ec2_idle_4_of_14, ec2_oversized, gpu_idle, ec2_stopped_30d, nonprod_24x7, ec2_prev_gen,
// ec2_uncommitted_steady, asg_overprovisioned (rules: docs/data/ec2.md).
// Contract: build_ec2 fills model.ec2 with every instance and group that exists at the end of the
// world's as_of day, plus the instances that ran on an earlier day of the metrics window (for their
// metrics rows only), using streams keyed by (seed, kind, entity) alone, so an account builds alike on
// any thread and for any day. evaluate_ec2_rules adds the findings; it needs the commitments domain
// (coverage), so it runs after build_commitments. The emitters write exactly what was built, and every
// *_7d column is computed from the rounded values metrics_daily stores. Everything else in
// gen/model/ec2/ is private to this folder.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/ec2/workloads.h"
#include "model/lives.h"
#include "model/resource_core.h"

namespace seedgen {

class RowWriter;
struct AccountModel;
struct InstanceType;

// The load an autoscaling group spreads over its members: the members' CPU follows it day by day.
struct GroupLoad {
  uint64_t key = 0;                    // the group's entity key
  uint32_t coordinate = 0;             // birth day << 16 | ordinal: unique among the account's groups
  double load = 1;                     // typical weekday load, in instances' worth at the target CPU
  double target_cpu = 50;              // the CPU members run at when the group is sized for its load
  double weekend = 0.8;
  int min_size = 1, max_size = 4;
  int fixed_desired = 0;               // > 0: no scaling policy, this many members whatever the load
  int64_t abandoned_at = kNever;       // the service behind it went away: 5 % of the load remains
  int scaling_hour = 6;                // UTC hour at which the day's capacity takes effect
  int64_t born_at = 0, died_at = kNever;
};

// What an instance's life holds, drawn once at its launch.
struct InstancePlan {
  Life life;
  Workload workload = Workload::kService;
  std::string_view region, env;        // point into the profile
  int asg_index = -1;                  // index into Ec2Model::autoscaling_groups, or -1
  const GroupLoad* group = nullptr;    // the group's load for members (owned by Ec2Model::group_loads)
  const InstanceType* type = nullptr;  // the type it launched with
  const InstanceType* resized_to = nullptr;  // the type after resized_at (nullptr: never resized)
  int64_t resized_at = kNever;
  int64_t stopped_at = kNever;         // stopped then, and never started again (until it dies)
  int64_t abandoned_at = kNever;       // from then on the workload is gone and the instance idles
  bool scheduled = false;              // office-hours schedule: runs 08:00-20:00 local on workdays
  double cpu_level = 10;               // weekday daily average CPU while active, percent
  double weekend = 0.8;                // activity on weekends
  double daily_sigma = 0.25;
  double peak_median = 1.5;            // median of cpu_max / cpu_avg - 1
  double network_mb = 1000;            // weekday MB per day while active
  double idle_cpu = 1, idle_network_mb = 2;   // the idle phase's levels
  double gpu_level = 0, gpu_duty = 1;  // GPU utilisation on active days; share of days with GPU work
  int root_volume_gib = 8;
  int utc_offset = 0;                  // of the instance's region, for its schedule

  const InstanceType& type_at(int64_t time) const { return time >= resized_at && resized_to ? *resized_to : *type; }
};

struct AutoscalingGroup {
  ResourceCore core;                   // resource_id = uuid (no unique natural id)
  Life life;
  std::string name;
  int min_size = 0, max_size = 10, desired_capacity = 1;   // desired: at the end of as_of
  std::string instance_type;
  int64_t updated_at = 0;              // the last change of its desired capacity
  bool scaling_policy = false;         // target tracking (else a fixed desired capacity)
  double load = 1;                     // typical weekday load, in instances' worth at the target CPU
  double target_cpu = 50;              // the CPU its members run at when the group is sized for its load
  double weekend = 0.8;
  std::string app, stack;              // what it runs; its CloudFormation stack (empty: none)
  bool listed = true;                  // false: gone by the end of as_of; kept for its members' metrics
};

struct Instance {
  ResourceCore core;                   // resource_id = instance_id ("i-" + 17 hex)
  InstancePlan plan;
  std::string name;
  std::string instance_type;           // at the end of as_of
  std::string state;                   // pending, running, stopping, stopped, terminated
  int asg_index = -1;
  int64_t launch_time = 0;
  double hourly_cost = 0, gpu_hourly_cost = 0;
  int gpu_count = 0;
  double avg_cpu_7d = 0, avg_network_7d = 0;   // percent; MB per day
  int idle_days_14 = 0, full_days_14 = 0;      // rows of the last 14 days: idle by the daily rule; 24 h running
  double max_cpu_14 = 0;               // the highest daily cpu_avg of the last 14 days (days it ran)
  int64_t last_active_at = 0;          // 0 = NULL
  int64_t updated_at = 0;
  double monthly_cost = 0;             // its run rate: hourly_cost x 730 x the share of the last 7 days it ran
  bool listed = true;                  // false: gone by the end of as_of; kept for its metrics rows only
  int root_volume_gib = 8;
};

struct Ec2Model {
  std::vector<AutoscalingGroup> autoscaling_groups;
  std::vector<std::unique_ptr<GroupLoad>> group_loads;   // parallel to autoscaling_groups (stable addresses)
  std::vector<Instance> instances;     // listed ones first, in launch order, then the gone ones
};

// build_ec2: fills model.ec2 (see the contract above).
void build_ec2(const World& world, AccountModel& model);
// evaluate_ec2_rules: records every EC2 finding of the as_of day.
void evaluate_ec2_rules(const World& world, AccountModel& model);
// instance_hours_on: the hours of `day` the instance ran (its life, stop and office-hours schedule), as
// its metrics_daily row stores them; other domains read usage through it (commitments' utilisation).
double instance_hours_on(const Instance& instance, int32_t day);

void emit_autoscaling_groups(const World& world, const AccountModel& model, RowWriter& out);
void emit_instances(const World& world, const AccountModel& model, RowWriter& out);
// emit_ec2_metrics / emit_ec2_tags: this domain's rows of metrics_daily and resource_tags.
void emit_ec2_metrics(const World& world, const AccountModel& model, RowWriter& out);
void emit_ec2_tags(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen

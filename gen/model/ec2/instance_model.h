// instance_model.h: what the EC2 builders, rules and emitters share: instance-type pools, drawing an
// instance's plan at launch, its state at a moment, one day of its metrics exactly as metrics_daily stores
// it, and the window statistics the rules read. Private to gen/model/ec2/; the rules themselves are
// documented in docs/data/ec2.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/ec2/ec2.h"
#include "rng/rng.h"

namespace seedgen {

struct Catalog;
struct InstanceType;

// The catalog's instance types split into the pools plans draw from, each weighted by popularity.
struct TypePool {
  std::vector<const InstanceType*> types;
  std::vector<double> weights;
  bool empty() const { return types.empty(); }
  const InstanceType& draw(Rng& rng) const;
};

struct TypePools {
  TypePool general, compute, memory, burstable, previous, gpu_small, gpu_large;
};
TypePools make_type_pools(const Catalog& catalog);

// successor_type: the current-generation type a previous-generation type maps to (docs/data/ec2.md),
// or nullptr when the catalog has none.
const InstanceType* successor_type(const Catalog& catalog, const InstanceType& type);
// is_previous_generation_family: t2, m3, m4, c4, r4 (the family before the '.').
bool is_previous_generation_family(std::string_view instance_type);
bool is_burstable_family(std::string_view instance_type);
// cpu_credit_baseline: the baseline CPU percent of a burstable type (0 for the others).
double cpu_credit_baseline(const InstanceType& type);
// resize_target: a neighbouring size of the same family (one size up or down), or nullptr.
const InstanceType* resize_target(const Catalog& catalog, const InstanceType& type, bool up);

// draw_instance_plan: everything an instance's life holds, from its stream, for a standalone launch.
InstancePlan draw_instance_plan(const World& world, const AccountPlan& account, const TypePools& pools,
                                Workload workload, const Life& life, Rng& stream);

// One day of an instance as metrics_daily stores it (values rounded to their stored scale).
struct InstanceDay {
  bool exists = false;        // the instance existed at some moment of the day (a metrics row is written)
  double hours_running = 0;   // 0..24, rounded to 2 decimals
  double cpu_avg = 0, cpu_max = 0, network_mb = 0, gpu_util = 0;
  double credit_usd = 0;      // CPU credits above the baseline (burstable types)
  double cost_usd = 0;        // hourly price x hours running + credits, rounded to 4 decimals
  bool idle = false;          // ran that day, with cpu_avg <= 10 and network_mb <= 5 (Trusted Advisor)
};
InstanceDay instance_day(const World& world, const InstancePlan& plan, int32_t day);

// stored_hourly_cost: the type's price in the instance's region, as hourly_cost stores it.
double stored_hourly_cost(const World& world, std::string_view region, const InstanceType& type);

// What the rules read from the rows of the last 7 and 14 days (as_of included).
struct InstanceStats {
  double avg_cpu_7d = 0, avg_network_7d = 0;  // means over the rows dated as_of-6 .. as_of, 2 decimals
  int rows_7 = 0, rows_14 = 0;
  int idle_days_14 = 0;        // rows dated as_of-13 .. as_of meeting the daily idle rule
  int full_days_14 = 0;        // of those rows, the ones with 24 hours running
  double max_cpu_14 = 0;       // the highest cpu_avg of those rows that ran at all
  double hours_7d = 0;         // hours running over the rows dated as_of-6 .. as_of
};
InstanceStats instance_stats(const World& world, const InstancePlan& plan);

// instance_state: the state at `time` ("pending", "running", "stopping", "stopped", "terminated") of an
// instance alive or dying then.
std::string_view instance_state(const InstancePlan& plan, int64_t time);
// last_active_at: the end of the latest day up to as_of whose row is not idle (looking back at most 120
// days, else the launch), the stop time of a stopped instance; 0 for a pending one.
int64_t last_active_at(const World& world, const InstancePlan& plan, std::string_view state);

// hours_running: the hours of `day` the instance ran (life, stop and office-hours schedule).
double hours_running(const InstancePlan& plan, int32_t day);
// instance_updated_at: the last change of the instance's row by the end of as_of: its launch, a resize,
// a stop, or the latest start or stop of its office-hours schedule.
int64_t instance_updated_at(const World& world, const InstancePlan& plan);

// The names an instance is known by: its Name, the app it runs, its CloudFormation stack (or empty).
struct InstanceName {
  std::string name, app, stack;
};
// standalone_name: e.g. {"api-prod-3f9a", "api", "payments-api-prod"}; stack-managed per workload and env.
InstanceName standalone_name(const World& world, const AccountPlan& account, const InstancePlan& plan, Rng& stream);

}  // namespace seedgen

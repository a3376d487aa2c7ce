// instance_model.h: what the EC2 builder, its pattern planting and the EC2 table emitters share: the
// instance-type pools, the daily series of one instance (as metrics_daily stores it) and its window
// statistics, and the usage shapes that plant each pattern. Private to gen/model/ec2/; the rules themselves are documented in docs/data/ec2.md.
#pragma once

#include "model/usage_series.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/ec2/ec2.h"

namespace seedgen {

struct Catalog;
struct InstanceType;

// The stream name of the instances' daily series (usage_on / day_rng).
inline constexpr std::string_view kInstanceSeries = "instance";

// The catalog's instance types split into the pools the builder draws from, each weighted by popularity.
struct TypePool {
  std::vector<const InstanceType*> types;
  std::vector<double> weights;
  const InstanceType& draw(Rng& rng) const;
};

struct TypePools {
  TypePool current;            // current generation, no GPU
  TypePool current_burstable;  // current generation t family
  TypePool current_fixed;      // current generation, not burstable, no GPU
  TypePool previous;           // previous generation with a cheaper current-generation successor
  TypePool gpu;                // GPU types
};
TypePools make_type_pools(const Catalog& catalog);

// successor_type: the current-generation type a previous-generation type maps to (docs/data/ec2.md),
// or nullptr when the catalog has none.
const InstanceType* successor_type(const Catalog& catalog, const InstanceType& type);
// is_previous_generation_family: t2, m3, m4, c4, r4 (the family before the '.').
bool is_previous_generation_family(std::string_view instance_type);

// One day of an instance as metrics_daily stores it (values rounded to 2 decimals).
struct InstanceDay {
  double cpu_avg = 0, cpu_max = 0, network_mb = 0, gpu_util = 0;
  bool running = false;        // false: a stopped day with zero usage (and zero cost)
  bool idle = false;           // cpu_avg <= 10 and network_mb <= 5 (the Trusted Advisor daily rule)
};

// instance_first_day / instance_day: the first day with a metrics row, and day `day`'s values; rows
// exist for days in [instance_first_day, metrics_last_day].
int32_t instance_first_day(const World& world, const Instance& instance);
InstanceDay instance_day(const World& world, const Instance& instance, int32_t day);

// InstanceStats: what the rules read from the metrics rows of the last 7 and 14 days (as_of included).
struct InstanceStats {
  double avg_cpu_7d = 0, avg_network_7d = 0;  // rounded to 2 decimals; 0 when there is no row
  int idle_days_14 = 0;                        // rows of the last 14 days meeting the daily idle rule
  int weekend_rows_14 = 0, weekday_rows_14 = 0;
  double weekend_cpu_14 = 0, weekday_cpu_14 = 0;  // means of cpu_avg over those rows
};
InstanceStats instance_stats(const World& world, const Instance& instance);

// What an instance's usage is shaped to show; each kind has a verified acceptance test (ec2_shapes.cc).
enum class Ec2Shape {
  kNormal,              // busy: 7-day CPU >= 22 %, no idle day; with a weekend drop, weekend/weekday < 0.7
  kIdle,                // the last 8-16 days idle
  kIdleNearMiss,        // 7-day CPU or network just above the idle thresholds, no idle day
  kIdle4of14,           // 4-7 idle days among days as_of-13 .. as_of-7
  kIdle4of14NearMiss,   // exactly 3 such idle days
  kOversized,           // 7-day CPU 8-17 %, busy network
  kOversizedNearMiss,   // 7-day CPU 20.1-20.9 %
  kNonprod24x7,         // weekend CPU >= 0.85 x weekday CPU
  kNonprodNearMiss,     // weekend CPU 0.70-0.79 x weekday CPU
  kGpuIdle,             // the last 3-16 days idle (last active > 2 days before as_of)
  kGpuNearMiss,         // 7-day CPU 5.3-8 %, active on as_of
  kAsgLow,              // 7-day CPU < 9.5 %
  kAsgNearMiss,         // 7-day CPU 10.1-11.9 %
};

// shape_usage: draws instance.usage for `shape` (key = the instance's entity key) and redraws it with
// fresh streams until the instance's stored series meets the shape's acceptance test; the last attempt
// removes noise and trend, which meets every test by construction.
void shape_usage(const World& world, Instance& instance, Ec2Shape shape, bool weekend_drop, uint64_t key);

// settle_instance: fills avg_cpu_7d, avg_network_7d and last_active_at from the series.
void settle_instance(const World& world, Instance& instance);

// Shared by the standalone and autoscaling-group builders (ec2_builder.cc, ec2_asg.cc).
inline constexpr double kGpuCostShare = 0.7;      // gpu_hourly_cost: share of a GPU type's price
inline constexpr double kAsgInstanceShare = 0.3;  // instances that are autoscaling-group members
const char* draw_app(Rng& rng);
// apply_type: instance_type, hourly_cost (catalog price x region multiplier, 4 decimals as stored) and the
// GPU columns (gpu_hourly_cost = kGpuCostShare x hourly_cost for GPU types).
void apply_type(const World& world, Instance& instance, const InstanceType& type);
// name_and_tag: "<app>-<env>-<n>", and draw_tags with its app tag set to the name's app.
void name_and_tag(Rng& rng, const World& world, Instance& instance, std::string_view app, int number);
int draw_root_volume_gib(Rng& rng);
// add_instance_cost: the month's cost of a running or pending instance (stopped ones bill no compute).
void add_instance_cost(AccountModel& model, const Instance& instance);
// build_autoscaling_groups: the groups and their member instances (indices 0 .. members-1), planting
// asg_overprovisioned; returns how many instances they hold (ec2_asg.cc).
int64_t build_autoscaling_groups(const World& world, AccountModel& model, const TypePools& pools, int64_t instances);

// plant_steady_groups: decides ec2_uncommitted_steady per (family, region) group of steady candidates,
// records the planted instances and fills covered_groups / uncommitted_groups (ec2_patterns.cc).
void plant_steady_groups(const World& world, AccountModel& model);

}  // namespace seedgen

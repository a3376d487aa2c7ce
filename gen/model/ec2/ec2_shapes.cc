// ec2_shapes.cc: the usage shapes that plant (or nearly plant) each EC2 pattern. Every shape is drawn
// from a fixed budget, then checked against the instance's stored series (instance_stats); a shape that
// misses its test is redrawn with a fresh per-day stream, and the last attempt drops noise and trend so
// that the test holds by construction. The thresholds are those of docs/data/ec2.md.
#include <algorithm>

#include "model/ec2/instance_model.h"
#include "model/usage_series.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr int kAttempts = 8;
constexpr double kBusyAvgFloor = 22.0;       // normal instances: 7-day CPU >= 22 % (oversized: < 20 %)
constexpr double kWeekendDropCeiling = 0.7;  // non-prod with a weekend drop: weekend/weekday CPU < 0.7
constexpr double kFlatWeekendFloor = 0.85;   // planted 24x7: weekend/weekday CPU >= 0.85 (rule: 0.8)

// The draws of one shape, made up front so the budget never depends on the shape.
struct ShapeDraws {
  double level, target, peak, network, noise, trend, weekend_drop, weekend_flat, variant;
  double near_variant_a, near_variant_b;
  int trailing_idle;       // 8-16 (kIdle) or 3-16 (kGpuIdle)
  uint16_t spread_mask;    // 4-7 (or 3) idle days among as_of-13 .. as_of-7
};

uint16_t spread_idle_mask(Rng& rng, int idle_days) {
  int positions[7] = {7, 8, 9, 10, 11, 12, 13};
  for (int index = 0; index < 7; ++index) std::swap(positions[index], positions[index + rng.below(7 - index)]);
  uint16_t mask = 0;
  for (int index = 0; index < idle_days; ++index) mask |= static_cast<uint16_t>(1U << positions[index]);
  return mask;
}

ShapeDraws draw_shape(Rng& rng, Ec2Shape shape) {
  ShapeDraws draws{};
  draws.level = std::clamp(rng.lognormal(42.0, 0.3), 30.0, 65.0);
  draws.target = rng.unit();
  draws.peak = rng.uniform(1.4, 2.2);
  draws.network = std::clamp(rng.lognormal(1500.0, 0.9), 200.0, 40000.0);
  draws.noise = rng.uniform(0.1, 0.2);
  draws.trend = rng.uniform(-0.002, 0.004);
  draws.weekend_drop = rng.uniform(0.3, 0.6);
  draws.weekend_flat = rng.uniform(0.88, 1.0);
  draws.variant = rng.unit();
  draws.near_variant_a = rng.unit();
  draws.near_variant_b = rng.unit();
  draws.trailing_idle = static_cast<int>(shape == Ec2Shape::kGpuIdle ? rng.between(3, 16) : rng.between(8, 16));
  const int spread_days = shape == Ec2Shape::kIdle4of14NearMiss ? 3 : static_cast<int>(rng.between(4, 7));
  draws.spread_mask = spread_idle_mask(rng, spread_days);
  return draws;
}

double lerp(double low, double high, double fraction) { return low + (high - low) * fraction; }

// level_for_week: the weekday level whose 7-day mean is `target` when weekends run at `weekend_factor`.
double level_for_week(double target, double weekend_factor) { return target * 7.0 / (5.0 + 2.0 * weekend_factor); }

UsageShape make_shape(const ShapeDraws& draws, Ec2Shape shape, bool weekend_drop, bool exact) {
  UsageShape usage;
  usage.level = draws.level;
  usage.peak_ratio = draws.peak;
  usage.network_mb = draws.network;
  usage.noise = draws.noise;
  usage.trend_per_day = draws.trend;
  usage.weekend_factor = weekend_drop ? draws.weekend_drop : draws.weekend_flat;
  switch (shape) {
    case Ec2Shape::kNormal:
      break;
    case Ec2Shape::kIdle:
    case Ec2Shape::kGpuIdle:
      usage.idle_days_mask = static_cast<uint16_t>((1U << draws.trailing_idle) - 1U);
      break;
    case Ec2Shape::kIdleNearMiss:
      usage.weekend_factor = 1.0;
      usage.noise = 0.01;
      usage.trend_per_day = 0;
      if (draws.variant < 0.5) {  // CPU low, network just above 5 MB every day
        usage.level = lerp(3.0, 8.0, draws.near_variant_a);
        usage.network_mb = lerp(5.3, 6.0, draws.near_variant_b);
      } else {                    // network low, CPU just above 10 % every day
        usage.level = lerp(10.6, 11.5, draws.near_variant_a);
        usage.network_mb = lerp(1.0, 4.0, draws.near_variant_b);
      }
      break;
    case Ec2Shape::kIdle4of14:
      usage.idle_days_mask = draws.spread_mask;
      break;
    case Ec2Shape::kIdle4of14NearMiss:
      usage.idle_days_mask = draws.spread_mask;
      if (weekend_drop) usage.weekend_factor = lerp(0.3, 0.4, draws.near_variant_a);
      break;
    case Ec2Shape::kOversized:
      usage.noise = 0.1;
      usage.trend_per_day = draws.trend / 4;
      usage.level = level_for_week(lerp(8.0, 17.0, draws.target), usage.weekend_factor);
      break;
    case Ec2Shape::kOversizedNearMiss:
      usage.noise = 0.02;
      usage.trend_per_day = 0;
      usage.level = level_for_week(lerp(20.1, 20.9, draws.target), usage.weekend_factor);
      break;
    case Ec2Shape::kNonprod24x7:
      usage.weekend_factor = lerp(0.95, 1.05, draws.near_variant_a);
      break;
    case Ec2Shape::kNonprodNearMiss:
      usage.noise = 0.04;
      usage.trend_per_day = 0;
      usage.weekend_factor = lerp(0.72, 0.77, draws.near_variant_a);
      break;
    case Ec2Shape::kGpuNearMiss:
      usage.noise = 0.05;
      usage.trend_per_day = 0;
      usage.weekend_factor = 1.0;
      usage.level = lerp(5.5, 7.5, draws.target);
      break;
    case Ec2Shape::kAsgLow:
      usage.noise = 0.1;
      usage.level = level_for_week(lerp(2.0, 8.0, draws.target), usage.weekend_factor);
      break;
    case Ec2Shape::kAsgNearMiss:
      usage.noise = 0.02;
      usage.trend_per_day = 0;
      usage.level = level_for_week(lerp(10.4, 11.4, draws.target), usage.weekend_factor);
      break;
  }
  if (exact) {
    usage.noise = 0;
    usage.trend_per_day = 0;
  }
  return usage;
}

double weekend_ratio(const InstanceStats& stats) {
  if (stats.weekend_rows_14 == 0 || stats.weekday_rows_14 == 0 || stats.weekday_cpu_14 <= 0) return 0;
  return stats.weekend_cpu_14 / stats.weekday_cpu_14;
}

bool busy(const InstanceStats& stats, bool full_week) {
  return stats.idle_days_14 == 0 && (!full_week || stats.avg_cpu_7d >= kBusyAvgFloor);
}

bool accepts(const World& world, const Instance& instance, Ec2Shape shape, bool weekend_drop) {
  if (instance.state != "running") return true;
  const InstanceStats stats = instance_stats(world, instance);
  const bool full_week = instance_first_day(world, instance) <= world.as_of_day() - 6;
  const double ratio = weekend_ratio(stats);
  const bool drop_holds = !weekend_drop || ratio < kWeekendDropCeiling;
  const bool idle_7d = stats.avg_cpu_7d <= 10.0 && stats.avg_network_7d <= 5.0;
  switch (shape) {
    case Ec2Shape::kNormal:
      return busy(stats, full_week) && drop_holds;
    case Ec2Shape::kIdle:
    case Ec2Shape::kGpuIdle:
      return idle_7d || shape == Ec2Shape::kGpuIdle;
    case Ec2Shape::kIdleNearMiss:
      return stats.idle_days_14 == 0 && !idle_7d;
    case Ec2Shape::kIdle4of14:
      return stats.idle_days_14 >= 4 && stats.avg_cpu_7d >= kBusyAvgFloor;
    case Ec2Shape::kIdle4of14NearMiss:
      return stats.idle_days_14 == 3 && stats.avg_cpu_7d >= kBusyAvgFloor && drop_holds;
    case Ec2Shape::kOversized:
      return stats.idle_days_14 == 0 && stats.avg_cpu_7d < 19.5;
    case Ec2Shape::kOversizedNearMiss:
      return stats.idle_days_14 == 0 && stats.avg_cpu_7d >= 20.05 && stats.avg_cpu_7d <= 21.0 && drop_holds;
    case Ec2Shape::kNonprod24x7:
      return busy(stats, full_week) && ratio >= kFlatWeekendFloor;
    case Ec2Shape::kNonprodNearMiss:
      return busy(stats, full_week) && ratio >= 0.7 && ratio <= 0.79;
    case Ec2Shape::kGpuNearMiss:
      return stats.avg_cpu_7d >= 5.3 && stats.avg_cpu_7d <= 8.5;
    case Ec2Shape::kAsgLow:
      return stats.avg_cpu_7d < 9.5;
    case Ec2Shape::kAsgNearMiss:
      return stats.avg_cpu_7d >= 10.1 && stats.avg_cpu_7d <= 11.9;
  }
  return true;
}

}  // namespace

void shape_usage(const World& world, Instance& instance, Ec2Shape shape, bool weekend_drop, uint64_t key) {
  Rng rng(world.seed(), "instance_shape", key);
  const ShapeDraws draws = draw_shape(rng, shape);
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const bool last = attempt == kAttempts - 1;
    instance.usage = make_shape(draws, shape, weekend_drop, last);
    instance.usage.key = attempt == 0 ? key : mix64(key + static_cast<uint64_t>(attempt));
    if (last || accepts(world, instance, shape, weekend_drop)) return;
  }
}

}  // namespace seedgen

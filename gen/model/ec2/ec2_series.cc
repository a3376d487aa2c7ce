// ec2_series.cc: one instance's daily series as metrics_daily stores it, and the statistics the EC2
// rules read from it. The *_7d columns and last_active_at are computed here from the same rounded
// values the emitter writes, so the table and its metrics always agree.
#include <algorithm>

#include "core/calendar.h"
#include "model/ec2/instance_model.h"
#include "model/usage_series.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr double kIdleCpuPercent = 10.0;   // Trusted Advisor: CPU <= 10 %
constexpr double kIdleNetworkMb = 5.0;     // and network <= 5 MB on the day
constexpr int32_t kLastActiveLookbackDays = 120;

int32_t day_of(int64_t seconds) { return static_cast<int32_t>(seconds / kSecondsPerDay); }

double gpu_util_for(const Instance& instance, const DailyUsage& usage) {
  if (instance.gpu_count == 0) return 0;
  const double ratio = usage.idle ? 0.2 : 1.4;
  return round2(std::min(98.0, usage.cpu_avg * ratio));
}

}  // namespace

int32_t instance_first_day(const World& world, const Instance& instance) {
  return std::max(metrics_first_day(world), day_of(instance.launch_time));
}

InstanceDay instance_day(const World& world, const Instance& instance, int32_t day) {
  InstanceDay result;
  if (day <= instance.usage_last_day) {
    const DailyUsage usage = usage_on(world, instance.usage, kInstanceSeries, day);
    result.cpu_avg = usage.cpu_avg;
    result.cpu_max = usage.cpu_max;
    result.network_mb = usage.network_mb;
    result.gpu_util = gpu_util_for(instance, usage);
    result.running = true;
  }
  result.idle = result.cpu_avg <= kIdleCpuPercent && result.network_mb <= kIdleNetworkMb;
  return result;
}

InstanceStats instance_stats(const World& world, const Instance& instance) {
  InstanceStats stats;
  const int32_t as_of = world.as_of_day();
  const int32_t first = std::max(instance_first_day(world, instance), as_of - 13);
  const int32_t last = std::min(instance.metrics_last_day, as_of);
  double cpu_7d = 0, network_7d = 0;
  int rows_7d = 0;
  for (int32_t day = first; day <= last; ++day) {
    const InstanceDay values = instance_day(world, instance, day);
    stats.idle_days_14 += values.idle ? 1 : 0;
    if (weekday(day) >= 5) {
      stats.weekend_cpu_14 += values.cpu_avg;
      ++stats.weekend_rows_14;
    } else {
      stats.weekday_cpu_14 += values.cpu_avg;
      ++stats.weekday_rows_14;
    }
    if (day >= as_of - 6) {
      cpu_7d += values.cpu_avg;
      network_7d += values.network_mb;
      ++rows_7d;
    }
  }
  if (stats.weekend_rows_14 > 0) stats.weekend_cpu_14 /= stats.weekend_rows_14;
  if (stats.weekday_rows_14 > 0) stats.weekday_cpu_14 /= stats.weekday_rows_14;
  if (rows_7d > 0) {
    stats.avg_cpu_7d = round2(cpu_7d / rows_7d);
    stats.avg_network_7d = round2(network_7d / rows_7d);
  }
  return stats;
}

// settle_instance: last_active_at of a running (or stopping) instance is the end of its latest day that
// is not idle by the daily rule, a minute to an hour before midnight; the builder sets it for the others.
void settle_instance(const World& world, Instance& instance) {
  const InstanceStats stats = instance_stats(world, instance);
  instance.avg_cpu_7d = stats.avg_cpu_7d;
  instance.avg_network_7d = stats.avg_network_7d;
  if (instance.state != "running" && instance.state != "stopping") return;
  Rng rng(world.seed(), "instance_last_active", instance.usage.key);
  const int64_t jitter = 60 + rng.below(3540);
  const int32_t launch_day = day_of(instance.launch_time);
  const int32_t floor_day = std::max(launch_day, instance.usage_last_day - kLastActiveLookbackDays);
  for (int32_t day = instance.usage_last_day; day >= floor_day; --day) {
    if (instance_day(world, instance, day).idle) continue;
    instance.last_active_at = std::max(instance.launch_time, static_cast<int64_t>(day + 1) * kSecondsPerDay - jitter);
    return;
  }
  instance.last_active_at = instance.launch_time;
}

}  // namespace seedgen

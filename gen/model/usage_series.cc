#include "model/usage_series.h"

#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "model/world.h"

namespace seedgen {

double round2(double value) { return std::round(value * 100.0) / 100.0; }
double round4(double value) { return std::round(value * 10000.0) / 10000.0; }

DailyUsage usage_on(const World& world, const UsageShape& shape, std::string_view series, int32_t day) {
  Rng rng = day_rng(world, series, shape.key, day);
  // A fixed budget of draws per day: four normals' worth plus three uniforms.
  const double cpu_noise = std::clamp(1.0 + shape.noise * rng.normal(0, 1), 0.4, 1.8);
  const double network_noise = std::clamp(1.0 + shape.noise * rng.normal(0, 1), 0.3, 2.0);
  const double peak_jitter = rng.uniform(0.9, 1.1);
  const double idle_cpu = rng.uniform(0.3, kIdleCpuCeiling);
  const double idle_network = rng.uniform(0.1, kIdleNetworkCeilingMb);
  const double memory_noise = rng.uniform(0.95, 1.05);

  const int32_t days_before_as_of = world.as_of_day() - day;
  const bool weekend = weekday(day) >= 5;
  const double seasonal = weekend ? shape.weekend_factor : 1.0;
  const double trend = 1.0 + shape.trend_per_day * static_cast<double>(-days_before_as_of);

  DailyUsage usage;
  usage.idle = days_before_as_of >= 0 && days_before_as_of < 16 && (shape.idle_days_mask >> days_before_as_of & 1U);
  if (usage.idle) {
    usage.cpu_avg = round2(idle_cpu);
    usage.network_mb = round2(idle_network);
  } else {
    usage.cpu_avg = round2(std::clamp(shape.level * seasonal * trend * cpu_noise, 0.1, 97.0));
    usage.network_mb = round2(std::max(0.0, shape.network_mb * seasonal * trend * network_noise));
  }
  usage.cpu_max = round2(std::min(100.0, std::max(usage.cpu_avg, usage.cpu_avg * shape.peak_ratio * peak_jitter)));
  usage.memory_avg = round2(std::clamp((25.0 + 0.6 * usage.cpu_avg) * memory_noise, 1.0, 99.0));
  return usage;
}

UsageWindow usage_window(const World& world, const UsageShape& shape, std::string_view series, int32_t first_day,
                         int32_t last_day) {
  UsageWindow window;
  const double days = static_cast<double>(last_day - first_day + 1);
  for (int32_t day = first_day; day <= last_day; ++day) {
    const DailyUsage usage = usage_on(world, shape, series, day);
    window.cpu_avg += usage.cpu_avg / days;
    window.cpu_max_of_avgs = std::max(window.cpu_max_of_avgs, usage.cpu_avg);
    window.avg_of_cpu_max += usage.cpu_max / days;
    window.memory_avg += usage.memory_avg / days;
    window.network_mb += usage.network_mb / days;
    window.idle_days += usage.idle ? 1 : 0;
  }
  return window;
}

}  // namespace seedgen

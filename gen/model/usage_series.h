// usage_series.h: one resource's daily utilisation, a pure function of (world, shape, series, day).
// Weekly seasonality (weekend_factor), a trend, noise, and forced idle days (idle_days_mask) are all
// drawn from the per-day stream, so day d never depends on other days and the *_7d columns can be
// computed from exactly the values metrics_daily carries (rounded to 2 decimals, as stored).
#pragma once

#include <cstdint>
#include <string_view>

#include "model/resource_core.h"

namespace seedgen {

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


struct DailyUsage {
  double cpu_avg = 0;      // percent, rounded to 2 decimals
  double cpu_max = 0;      // percent, rounded to 2 decimals, >= cpu_avg
  double memory_avg = 0;   // percent, rounded to 2 decimals
  double network_mb = 0;   // MB, rounded to 2 decimals
  bool idle = false;       // the day was forced idle by idle_days_mask
};

// Idle days satisfy the Trusted Advisor idle rule with margin: cpu_avg <= kIdleCpuCeiling and
// network_mb <= kIdleNetworkCeilingMb. Busy days stay at or above kBusyCpuFloor.
inline constexpr double kIdleCpuCeiling = 9.0;
inline constexpr double kIdleNetworkCeilingMb = 4.5;
inline constexpr double kBusyCpuFloor = 12.0;

// usage_on: the usage of `day`. `series` names the stream (e.g. "instance", "container_node").
DailyUsage usage_on(const World& world, const UsageShape& shape, std::string_view series, int32_t day);

// UsageWindow: means over [first_day, last_day] of the stored (rounded) values.
struct UsageWindow {
  double cpu_avg = 0, cpu_max_of_avgs = 0, avg_of_cpu_max = 0, memory_avg = 0, network_mb = 0;
  int idle_days = 0;
};
UsageWindow usage_window(const World& world, const UsageShape& shape, std::string_view series, int32_t first_day,
                         int32_t last_day);

// round2 / round4: the value as numeric(.., 2) / numeric(.., 4) stores it. Shared by every domain.
double round2(double value);
double round4(double value);

}  // namespace seedgen

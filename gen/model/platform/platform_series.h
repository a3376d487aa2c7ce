// platform_series.h: the daily values of every platform resource, pure functions of (world, entity, day).
// The builders compute the *_7d columns and the planted savings from these, and the emitters write the
// metrics payloads and usage rows from them, so a column and the rows behind it can never disagree.
// All values are rounded as they are stored (payload decimals, numeric scales) before anything averages them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/platform/platform.h"

namespace seedgen {

// daily_value: level.base × (weekend_factor on Saturdays and Sundays) × noise, clamped to
// [level.floor, level.ceiling], rounded to level.decimals. Draws one normal from the day's stream.
double daily_value(const World& world, std::string_view series, uint64_t key, int32_t day, const DailyLevel& level);

// round_to: `value` rounded half away from zero to `decimals` (0..4) places, as numeric(.., decimals) stores it.
double round_to(double value, int decimals);

// first_daily_day: the first day of a daily table for a resource created at `created_at` (seconds).
int32_t first_daily_day(int32_t window_first_day, int64_t created_at);

// mean_last_7_days: the mean of value(day) over as_of-6 .. as_of (the *_7d columns' window).
template <typename ValueOfDay>
double mean_last_7_days(int32_t as_of_day, ValueOfDay value) {
  double sum = 0;
  for (int32_t day = as_of_day - 6; day <= as_of_day; ++day) sum += value(day);
  return sum / 7.0;
}

struct RdsDay {
  double cpu_avg = 0, cpu_max = 0, connections_avg = 0, free_storage_gb = 0;
  int64_t connections_max = 0;
};
RdsDay rds_day(const World& world, const RdsInstance& rds, int32_t day);
// rds_daily_cost: compute while available plus the storage share of a day (24 of 730 hours).
double rds_daily_cost(const RdsInstance& rds);

struct CacheDay {
  double cpu_avg = 0, memory_avg = 0, hit_rate = 0;
  int64_t connections = 0;
};
CacheDay cache_day(const World& world, const CacheCluster& cache, int32_t day);

struct LoadBalancerDay {
  int64_t requests = 0, active_flows = 0;
  double processed_gb = 0;
  int healthy_targets = 0;
};
LoadBalancerDay load_balancer_day(const World& world, const LoadBalancer& lb, int32_t day);

struct ServiceDay {
  double cpu_avg = 0, memory_avg = 0;
  int64_t requests = 0;
};
ServiceDay managed_service_day(const World& world, const ManagedService& service, int32_t day);

struct StreamDay {
  double usage_mbps = 0;
  int64_t incoming_records = 0;
};
StreamDay streaming_day(const World& world, const StreamingCluster& stream, int32_t day);

double transfer_gb(const World& world, const TransferFlow& flow, int32_t day);

struct LogDay {
  int32_t day = 0;
  double ingested_gb = 0, stored_gb = 0, ingestion_cost = 0, storage_cost = 0;
};
// log_ingested_gb: the GB ingested on `day` (0 before creation; the level's base before the daily window).
double log_ingested_gb(const World& world, const LogGroup& group, int32_t day);
// log_group_days: the days first_day .. last_day, stored_gb = what the retention keeps of all ingestion
// since creation. REQUIRES: first_day <= last_day.
void log_group_days(const World& world, const LogGroup& group, int32_t first_day, int32_t last_day,
                    std::vector<LogDay>& days);

// The daily share of a monthly price: 24 of 730 hours.
inline constexpr double kDaysPerMonth = 730.0 / 24.0;

}  // namespace seedgen

// platform_series.h: the daily values of every platform resource, pure functions of (world, entity, day).
// The builders compute the *_7d columns and the facts the rules read from these, and the emitters write
// the metrics payloads and usage rows from them, so a column and the rows behind it can never disagree.
// All values are rounded as they are stored (payload decimals, numeric scales) before anything averages them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/platform/platform.h"

namespace seedgen {

// daily_value: level.base x business_activity(day, level.weekend) x e^(level.slow x value noise) x
// e^(level.sigma x normal), clamped to [level.floor, level.ceiling], rounded to level.decimals. Draws one
// normal from the day's stream of `series`.
double daily_value(const World& world, std::string_view series, uint64_t key, int32_t day, const DailyLevel& level);

// round_to: `value` rounded half away from zero to `decimals` (0..4) places, as numeric(.., decimals) stores it.
double round_to(double value, int decimals);

// first_daily_day: the first day of a daily table for a resource created at `created_at` (seconds).
int32_t first_daily_day(int32_t window_first_day, int64_t created_at);

// after: the middle of `day` is at or after `moment` (an event such as an abandonment applies that day).
bool after(int32_t day, int64_t moment);

struct RdsDay {
  double cpu_avg = 0, cpu_max = 0, connections_avg = 0, free_storage_gb = 0;
  int64_t connections_max = 0;
  bool stopped = false;
};
RdsDay rds_day(const World& world, const RdsInstance& rds, int32_t day);
// rds_stopped_at: the database is stopped at `time` (a stop lasts at most 7 days: AWS restarts it).
bool rds_stopped_at(const World& world, const RdsInstance& rds, int64_t time);
// rds_daily_cost: compute when it ran that day plus the storage share of a day (24 of 730 hours).
double rds_daily_cost(const RdsInstance& rds, const RdsDay& values);

struct CacheDay {
  double cpu_avg = 0, memory_avg = 0, hit_rate = 0;
  int64_t connections = 0;
};
CacheDay cache_day(const World& world, const CacheCluster& cache, int32_t day);

struct LoadBalancerDay {
  int64_t requests = 0, active_flows = 0;
  double processed_gb = 0;
  int healthy_targets = 0;
  double capacity_cost = 0;    // LCU-hours x the LCU price (classic: GB processed x the GB price)
  double cost = 0;             // hourly_cost x 24 + capacity_cost, rounded to 4 decimals
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

// transfer_gb: the GB of `day`, 0 on a day without traffic (no row).
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

#include "model/platform/platform_series.h"

#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "model/world.h"

namespace seedgen {
namespace {

int32_t day_of(int64_t seconds) { return static_cast<int32_t>(seconds / kSecondsPerDay); }

// daily_window_start: the first day any platform daily table covers; earlier days use the level's base.
int32_t daily_window_start(const World& world) { return std::min(usage_first_day(world), metrics_first_day(world)); }

}  // namespace

double round_to(double value, int decimals) {
  static constexpr double kPowersOfTen[] = {1, 10, 100, 1000, 10000};
  const double scale = kPowersOfTen[decimals];
  return std::round(value * scale) / scale;
}

double daily_value(const World& world, std::string_view series, uint64_t key, int32_t day, const DailyLevel& level) {
  Rng rng = day_rng(world, series, key, day);
  const double noise = std::clamp(1.0 + level.noise * rng.normal(0, 1), 0.3, 2.0);
  const double seasonal = weekday(day) >= 5 ? level.weekend_factor : 1.0;
  return round_to(std::clamp(level.base * seasonal * noise, level.floor, level.ceiling), level.decimals);
}

int32_t first_daily_day(int32_t window_first_day, int64_t created_at) {
  return std::max(window_first_day, day_of(created_at));
}

RdsDay rds_day(const World& world, const RdsInstance& rds, int32_t day) {
  RdsDay result;
  const int32_t days_before_as_of = world.as_of_day() - day;
  const double used = std::clamp(rds.storage_used * (1.0 - 0.002 * days_before_as_of), 0.01, 0.99);
  result.free_storage_gb = round_to(rds.allocated_storage_gib * (1.0 - used), 2);
  if (rds.state != "available") return result;
  Rng peaks = day_rng(world, "rds_peaks", rds.key, day);
  const double cpu_peak = peaks.uniform(1.3, 2.4);
  const double connection_jitter = peaks.uniform(0.9, 1.2);
  result.cpu_avg = daily_value(world, "rds_cpu", rds.key, day, rds.cpu);
  result.cpu_max = round_to(std::min(100.0, std::max(result.cpu_avg, result.cpu_avg * cpu_peak)), 2);
  result.connections_avg = daily_value(world, "rds_connections", rds.key, day, rds.connections);
  result.connections_max = std::max<int64_t>(static_cast<int64_t>(std::ceil(result.connections_avg)),
                                    std::llround(result.connections_avg * rds.connection_peak * connection_jitter));
  if (days_before_as_of == rds.spike_day) {
    result.connections_avg = 0.04;
    result.connections_max = 1;
  }
  return result;
}

double rds_daily_cost(const RdsInstance& rds) {
  const double compute = rds.state == "available" ? rds.hourly_cost * 24.0 : 0.0;
  return compute + rds.storage_monthly_cost / kDaysPerMonth;
}

CacheDay cache_day(const World& world, const CacheCluster& cache, int32_t day) {
  CacheDay result;
  Rng rng = day_rng(world, "cache_hit_rate", cache.key, day);
  result.cpu_avg = daily_value(world, "cache_cpu", cache.key, day, cache.cpu);
  result.memory_avg = daily_value(world, "cache_memory", cache.key, day, cache.memory);
  result.hit_rate = round_to(std::clamp(cache.hit_rate + rng.uniform(-0.03, 0.03), 0.0, 1.0), 4);
  result.connections = static_cast<int64_t>(daily_value(world, "cache_connections", cache.key, day, cache.connections));
  return result;
}

LoadBalancerDay load_balancer_day(const World& world, const LoadBalancer& lb, int32_t day) {
  LoadBalancerDay result;
  Rng rng = day_rng(world, "lb_flows", lb.key, day);
  const double flows_per_request = rng.uniform(0.01, 0.05);
  result.requests = static_cast<int64_t>(daily_value(world, "lb_requests", lb.key, day, lb.requests));
  if (world.as_of_day() - day == lb.spike_day) result.requests = lb.spike_requests;
  result.active_flows = std::llround(static_cast<double>(result.requests) * flows_per_request);
  result.processed_gb = round_to(static_cast<double>(result.requests) * lb.kb_per_request / 1e6, 4);
  result.healthy_targets = lb.healthy_targets;
  return result;
}

ServiceDay managed_service_day(const World& world, const ManagedService& service, int32_t day) {
  ServiceDay result;
  result.cpu_avg = daily_value(world, "service_cpu", service.key, day, service.cpu);
  result.memory_avg = daily_value(world, "service_memory", service.key, day, service.memory);
  result.requests = static_cast<int64_t>(daily_value(world, "service_requests", service.key, day, service.requests));
  return result;
}

StreamDay streaming_day(const World& world, const StreamingCluster& stream, int32_t day) {
  StreamDay result;
  result.usage_mbps = daily_value(world, "stream_usage", stream.key, day, stream.usage_mbps);
  // MB/s over a day, in KB, divided by the mean record size.
  result.incoming_records = std::llround(result.usage_mbps * 86400.0 * 1000.0 / stream.kb_per_record);
  return result;
}

double transfer_gb(const World& world, const TransferFlow& flow, int32_t day) {
  return daily_value(world, "transfer_gb", flow.key, day, flow.gb);
}

double log_ingested_gb(const World& world, const LogGroup& group, int32_t day) {
  if (day < day_of(group.core.created_at)) return 0.0;
  if (day < daily_window_start(world)) return group.ingested_gb.base;
  return daily_value(world, "log_ingest", group.key, day, group.ingested_gb);
}

void log_group_days(const World& world, const LogGroup& group, int32_t first_day, int32_t last_day,
                    std::vector<LogDay>& days) {
  const int32_t created_day = day_of(group.core.created_at);
  const int32_t window_start = std::min(daily_window_start(world), first_day);
  // prefix[i]: ingestion from window_start through window_start + i - 1.
  std::vector<double> prefix(static_cast<size_t>(last_day - window_start + 2), 0.0);
  for (int32_t day = window_start; day <= last_day; ++day) {
    prefix[static_cast<size_t>(day - window_start + 1)] =
        prefix[static_cast<size_t>(day - window_start)] + log_ingested_gb(world, group, day);
  }
  days.clear();
  for (int32_t day = first_day; day <= last_day; ++day) {
    const int32_t kept_from =
        group.retention_days == 0 ? created_day : std::max(created_day, day - group.retention_days + 1);
    const int32_t before_window = std::max(0, std::min(day, window_start - 1) - kept_from + 1);
    const int32_t window_from = std::max(kept_from, window_start);
    const double in_window = window_from <= day ? prefix[static_cast<size_t>(day - window_start + 1)] -
                                                      prefix[static_cast<size_t>(window_from - window_start)]
                                                : 0.0;
    LogDay log_day;
    log_day.day = day;
    log_day.ingested_gb = log_ingested_gb(world, group, day);
    log_day.stored_gb = round_to(group.ingested_gb.base * before_window + in_window, 4);
    log_day.ingestion_cost = round_to(log_day.ingested_gb * group.ingest_price_per_gb, 4);
    log_day.storage_cost = round_to(log_day.stored_gb * group.storage_price_per_gb_month / kDaysPerMonth, 4);
    days.push_back(log_day);
  }
}

}  // namespace seedgen

// platform_series.cc: the daily values of the platform's resources, from each resource's levels, its
// life events and the streams of the day alone.
#include "model/platform/platform_series.h"

#include <algorithm>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/daily_noise.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr double kSlowPeriodDays = 9;
constexpr int64_t kMaxStopSeconds = 7 * kSecondsPerDay;   // AWS starts a stopped database after 7 days

int32_t day_of(int64_t seconds) { return static_cast<int32_t>(seconds / kSecondsPerDay); }

// daily_window_start: the first day of the anchor's daily windows; earlier days use the level's base. Fixed
// at the anchor, so that a day's stored log bytes do not depend on the day the estate is observed at.
int32_t daily_window_start(const World& world) {
  return world.anchor_day() - std::max(world.profile->usage_days, world.profile->metrics_days) + 1;
}

// Per-hour capacity of one load balancer capacity unit, by type (AWS ELB pricing): new connections or
// flows per second; each unit also processes 1 GB an hour.
double new_flows_per_unit(std::string_view type) {
  if (type == "network") return 800;
  if (type == "gateway") return 600;
  return 25;
}

// stop_episode: the stop that begins in ISO-ish week `week` (weeks counted from the epoch), if any.
std::pair<int64_t, int64_t> stop_episode(const World& world, const RdsInstance& rds, int64_t week) {
  Rng rng(world.seed(), "rds_stop", mix64(rds.life.key ^ mix64(static_cast<uint64_t>(week))));
  const double happens = rng.unit(), start = rng.unit(), length = rng.unit();
  if (happens >= rds.stop_habit) return {0, 0};
  const int64_t begin = week * 7 * kSecondsPerDay + static_cast<int64_t>(start * 7 * kSecondsPerDay);
  return {begin, begin + static_cast<int64_t>((0.15 + 0.85 * length) * static_cast<double>(kMaxStopSeconds))};
}

}  // namespace

double round_to(double value, int decimals) {
  static constexpr double kPowersOfTen[] = {1, 10, 100, 1000, 10000};
  const double scale = kPowersOfTen[decimals];
  return std::round(value * scale) / scale;
}

double daily_value(const World& world, std::string_view series, uint64_t key, int32_t day, const DailyLevel& level) {
  Rng rng = day_rng(world, series, key, day);
  const double noise = rng.normal(0, 1);
  const double slow = level.slow > 0 ? level.slow * smooth_noise(world.seed(), series, key, day, kSlowPeriodDays) : 0;
  const double value = level.base * business_activity(day, level.weekend) * std::exp(slow + level.sigma * noise);
  return round_to(std::clamp(value, level.floor, level.ceiling), level.decimals);
}

int32_t first_daily_day(int32_t window_first_day, int64_t created_at) {
  return std::max(window_first_day, day_of(created_at));
}

bool after(int32_t day, int64_t moment) {
  return moment != kNever && static_cast<int64_t>(day) * kSecondsPerDay + kSecondsPerDay / 2 >= moment;
}

bool rds_stopped_at(const World& world, const RdsInstance& rds, int64_t time) {
  if (rds.stop_habit <= 0 || time < rds.life.born_at) return false;
  const int64_t week = time / (7 * kSecondsPerDay);
  for (int64_t candidate = week - 1; candidate <= week; ++candidate) {
    const auto [begin, end] = stop_episode(world, rds, candidate);
    if (begin <= time && time < end && begin > rds.life.born_at) return true;
  }
  return false;
}

RdsDay rds_day(const World& world, const RdsInstance& rds, int32_t day) {
  RdsDay result;
  const int32_t days_before_anchor = world.anchor_day() - day;   // fills from the anchor on, whatever day is observed
  const double used = std::clamp(rds.storage_used * (1.0 - 0.002 * days_before_anchor), 0.01, 0.99);
  result.free_storage_gb = round_to(rds.allocated_storage_gib * (1.0 - used), 2);
  Rng peaks = day_rng(world, "rds_peaks", rds.life.key, day);
  const double cpu_peak = peaks.lognormal(1.8, 0.3), connection_peak = peaks.lognormal(rds.connection_peak, 0.25);
  const double stray = peaks.unit(), stray_sessions = peaks.unit(), stray_share = peaks.unit();
  result.stopped = rds_stopped_at(world, rds, static_cast<int64_t>(day) * kSecondsPerDay + kSecondsPerDay / 2);
  if (result.stopped) return result;
  if (after(day, rds.abandoned_at)) {
    result.cpu_avg = daily_value(world, "rds_cpu", rds.life.key, day, rds.idle_cpu);
    if (stray < rds.stray_chance) {
      result.connections_max = 1 + static_cast<int64_t>(stray_sessions * 3);
      result.connections_avg = round_to(std::max(0.01, result.connections_max * 0.2 * stray_share), 2);
    }
  } else {
    result.cpu_avg = daily_value(world, "rds_cpu", rds.life.key, day, rds.cpu);
    result.connections_avg = daily_value(world, "rds_connections", rds.life.key, day, rds.connections);
    result.connections_max = std::max<int64_t>(static_cast<int64_t>(std::ceil(result.connections_avg)),
                                               std::llround(result.connections_avg * connection_peak));
  }
  result.cpu_max = round_to(std::min(100.0, std::max(result.cpu_avg, result.cpu_avg * cpu_peak)), 2);
  return result;
}

double rds_daily_cost(const RdsInstance& rds, const RdsDay& values) {
  const double compute = values.stopped ? 0.0 : rds.hourly_cost * 24.0;
  return round_to(compute + rds.storage_monthly_cost / kDaysPerMonth, 4);
}

CacheDay cache_day(const World& world, const CacheCluster& cache, int32_t day) {
  CacheDay result;
  Rng rng = day_rng(world, "cache_hit_rate", cache.life.key, day);
  result.cpu_avg = daily_value(world, "cache_cpu", cache.life.key, day, cache.cpu);
  result.memory_avg = daily_value(world, "cache_memory", cache.life.key, day, cache.memory);
  result.hit_rate = round_to(std::clamp(cache.hit_rate + rng.uniform(-0.03, 0.03), 0.0, 1.0), 4);
  result.connections = static_cast<int64_t>(daily_value(world, "cache_connections", cache.life.key, day, cache.connections));
  return result;
}

LoadBalancerDay load_balancer_day(const World& world, const LoadBalancer& lb, int32_t day) {
  LoadBalancerDay result;
  Rng rng = day_rng(world, "lb_flows", lb.life.key, day);
  const double flows_per_request = rng.uniform(0.01, 0.05);
  const bool abandoned = after(day, lb.abandoned_at);
  result.requests = static_cast<int64_t>(
      daily_value(world, "lb_requests", lb.life.key, day, abandoned ? lb.stray_requests : lb.requests));
  result.active_flows = std::llround(static_cast<double>(result.requests) * flows_per_request);
  result.processed_gb = round_to(static_cast<double>(result.requests) * lb.kb_per_request / 1e6, 4);
  result.healthy_targets = abandoned ? 0 : lb.healthy_targets;
  const Catalog& catalog = *world.catalog;
  if (lb.type == "classic") {
    result.capacity_cost = result.processed_gb * catalog.price("lb.classic.gb", lb.core.region);
  } else {
    // A unit an hour per GB processed or per `new_flows_per_unit` new flows a second, whichever is larger.
    const double units = std::max(result.processed_gb, static_cast<double>(result.requests) / (new_flows_per_unit(lb.type) * 3600));
    result.capacity_cost = units * catalog.price("lb." + lb.type + ".lcu_hour", lb.core.region);
  }
  result.cost = round_to(lb.hourly_cost * 24.0 + result.capacity_cost, 4);
  return result;
}

ServiceDay managed_service_day(const World& world, const ManagedService& service, int32_t day) {
  ServiceDay result;
  const bool abandoned = after(day, service.abandoned_at);
  result.cpu_avg = daily_value(world, "service_cpu", service.life.key, day, abandoned ? service.idle_cpu : service.cpu);
  result.memory_avg = daily_value(world, "service_memory", service.life.key, day, service.memory);
  const double requests = daily_value(world, "service_requests", service.life.key, day, service.requests);
  result.requests = static_cast<int64_t>(abandoned ? std::floor(requests * 1e-4) : requests);
  return result;
}

StreamDay streaming_day(const World& world, const StreamingCluster& stream, int32_t day) {
  StreamDay result;
  result.usage_mbps = daily_value(world, "stream_usage", stream.life.key, day, stream.usage_mbps);
  // MB/s over a day, in KB, divided by the mean record size.
  result.incoming_records = std::llround(result.usage_mbps * 86400.0 * 1000.0 / stream.kb_per_record);
  return result;
}

double transfer_gb(const World& world, const TransferFlow& flow, int32_t day) {
  if (flow.duty < 1) {
    Rng rng = day_rng(world, "transfer_active", flow.key, day);
    if (rng.unit() >= flow.duty) return 0.0;
  }
  return daily_value(world, "transfer_gb", flow.key, day, flow.gb);
}

double log_ingested_gb(const World& world, const LogGroup& group, int32_t day) {
  if (day < day_of(group.core.created_at)) return 0.0;
  if (day < daily_window_start(world)) return group.ingested_gb.base;
  return daily_value(world, "log_ingest", group.life.key, day, group.ingested_gb);
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

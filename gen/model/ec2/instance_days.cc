// instance_days.cc: one day of an instance, as metrics_daily stores it, computed from the instance's plan
// and the streams of that day alone: hours running (life, stop, office-hours schedule), CPU with its
// weekly rhythm, holidays, slow drift and daily noise, a spiky daily peak, network traffic, GPU use, CPU
// credits above a burstable type's baseline, and the day's cost.
#include <algorithm>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/daily_noise.h"
#include "model/ec2/asg_model.h"
#include "model/ec2/instance_model.h"
#include "model/usage_series.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr double kIdleCpuPercent = 10.0;   // Trusted Advisor: CPU <= 10 %
constexpr double kIdleNetworkMb = 5.0;     // and network <= 5 MB on the day
constexpr int kOfficeStartHour = 8, kOfficeEndHour = 20;

double overlap(int64_t from, int64_t to, int64_t low, int64_t high) {
  return static_cast<double>(std::max<int64_t>(0, std::min(to, high) - std::max(from, low)));
}

// running_interval: the part of `day` when the instance existed and had not been stopped for good.
std::pair<int64_t, int64_t> running_interval(const InstancePlan& plan, int32_t day) {
  const int64_t start = static_cast<int64_t>(day) * kSecondsPerDay;
  const int64_t low = std::max(start, plan.life.born_at);
  const int64_t high = std::min({start + kSecondsPerDay, plan.life.died_at, plan.stopped_at});
  return {low, high};
}

// office_seconds: seconds of [low, high) inside local office hours on workdays.
double office_seconds(const InstancePlan& plan, int32_t day, int64_t low, int64_t high) {
  double seconds = 0;
  for (int32_t local = day - 1; local <= day + 1; ++local) {
    if (is_weekend(local) || is_holiday(local)) continue;
    const int64_t open = static_cast<int64_t>(local) * kSecondsPerDay + (kOfficeStartHour - plan.utc_offset) * 3600;
    const int64_t close = open + (kOfficeEndHour - kOfficeStartHour) * 3600;
    seconds += overlap(low, high, open, close);
  }
  return seconds;
}

double slow_variation(const World& world, uint64_t key, int32_t day) {
  return std::exp(0.3 * smooth_noise(world.seed(), "instance.slow", key, day, 9) +
                  0.2 * smooth_noise(world.seed(), "instance.trend", key, day, 41));
}

}  // namespace

double hours_running(const InstancePlan& plan, int32_t day) {
  const auto [low, high] = running_interval(plan, day);
  if (high <= low) return 0;
  const double seconds = plan.scheduled ? office_seconds(plan, day, low, high) : static_cast<double>(high - low);
  return seconds / 3600.0;
}

double instance_hours_on(const Instance& instance, int32_t day) { return hours_running(instance.plan, day); }

double stored_hourly_cost(const World& world, std::string_view region, const InstanceType& type) {
  return round4(world.catalog->price("ec2." + type.name + ".hour", region));
}

InstanceDay instance_day(const World& world, const InstancePlan& plan, int32_t day) {
  InstanceDay result;
  const int64_t start = static_cast<int64_t>(day) * kSecondsPerDay;
  result.exists = plan.life.born_at < start + kSecondsPerDay && plan.life.died_at > start;
  if (!result.exists) return result;
  result.hours_running = round2(hours_running(plan, day));
  if (result.hours_running <= 0) return result;

  const InstanceType& type = plan.type_at(start + kSecondsPerDay / 2);
  Rng rng = day_rng(world, "instance", plan.life.key, day);
  const double cpu_noise = rng.normal(0, 1), network_noise = rng.normal(0, 1), peak_noise = rng.normal(0, 1);
  const double gpu_noise = rng.normal(0, 1), gpu_day = rng.unit();
  const bool abandoned = plan.abandoned_at <= start + kSecondsPerDay / 2;

  double cpu = 0, network = 0, gpu = 0;
  if (abandoned) {
    cpu = plan.idle_cpu * std::exp(0.3 * cpu_noise);
    network = plan.idle_network_mb * std::exp(0.5 * network_noise);
    gpu = type.gpu_count > 0 ? 0.6 * std::exp(0.5 * gpu_noise) : 0;
  } else if (plan.group != nullptr) {
    cpu = member_cpu(world, *plan.group, day) * std::exp(0.08 * cpu_noise);
    network = plan.network_mb * (cpu / std::max(1.0, plan.group->target_cpu)) * std::exp(0.3 * network_noise);
  } else {
    const double activity = business_activity(day, plan.weekend) * slow_variation(world, plan.life.key, day);
    const double capacity = static_cast<double>(plan.type->vcpu) / std::max(1, type.vcpu);   // after a resize
    cpu = plan.cpu_level * activity * capacity * std::exp(plan.daily_sigma * cpu_noise);
    network = plan.network_mb * std::pow(activity, 0.8) * std::exp(0.35 * network_noise);
    if (type.gpu_count > 0) gpu = gpu_day < plan.gpu_duty ? plan.gpu_level * std::exp(0.15 * gpu_noise) : 1.0 + gpu_noise * 0.3;
  }
  result.cpu_avg = round2(std::clamp(cpu, 0.05, 99.5));
  result.cpu_max = round2(std::min(100.0, result.cpu_avg * (1 + plan.peak_median * std::exp(0.6 * peak_noise))));
  result.network_mb = round2(std::max(0.01, network * result.hours_running / 24.0));
  result.gpu_util = type.gpu_count > 0 ? round2(std::clamp(gpu, 0.0, 99.0)) : 0;

  const double baseline = cpu_credit_baseline(type);
  if (baseline > 0 && result.cpu_avg > baseline) {
    result.credit_usd = round4((result.cpu_avg - baseline) / 100.0 * type.vcpu * result.hours_running *
                               world.catalog->price("ec2.cpu_credit.vcpu_hour", plan.region));
  }
  result.cost_usd = round4(stored_hourly_cost(world, plan.region, type) * result.hours_running + result.credit_usd);
  result.idle = result.cpu_avg <= kIdleCpuPercent && result.network_mb <= kIdleNetworkMb;
  return result;
}

InstanceStats instance_stats(const World& world, const InstancePlan& plan) {
  InstanceStats stats;
  const int32_t as_of = world.as_of_day();
  double cpu_7d = 0, network_7d = 0;
  for (int32_t day = as_of - 13; day <= as_of; ++day) {
    const InstanceDay values = instance_day(world, plan, day);
    if (!values.exists) continue;
    ++stats.rows_14;
    if (values.hours_running > 0) {
      stats.idle_days_14 += values.idle ? 1 : 0;
      stats.full_days_14 += values.hours_running >= 24 ? 1 : 0;
      stats.max_cpu_14 = std::max(stats.max_cpu_14, values.cpu_avg);
    }
    if (day >= as_of - 6) {
      stats.hours_7d += values.hours_running;
      cpu_7d += values.cpu_avg;
      network_7d += values.network_mb;
      ++stats.rows_7;
    }
  }
  if (stats.rows_7 > 0) {
    stats.avg_cpu_7d = round2(cpu_7d / stats.rows_7);
    stats.avg_network_7d = round2(network_7d / stats.rows_7);
  }
  return stats;
}

std::string_view instance_state(const InstancePlan& plan, int64_t time) {
  if (time >= plan.life.died_at) return "terminated";
  if (time < plan.life.born_at + 180) return "pending";
  if (time >= plan.stopped_at) return time < plan.stopped_at + 60 ? "stopping" : "stopped";
  if (plan.scheduled) {
    const int32_t day = static_cast<int32_t>(time / kSecondsPerDay);
    if (office_seconds(plan, day, time, time + 1) <= 0) return "stopped";
  }
  return "running";
}

int64_t last_active_at(const World& world, const InstancePlan& plan, std::string_view state) {
  if (state == "pending") return 0;
  if (plan.stopped_at <= world.snapshot_time()) return plan.stopped_at;
  Rng rng(world.seed(), "instance_last_active", plan.life.key);
  const int64_t jitter = 60 + rng.below(3540);
  const int32_t launch_day = static_cast<int32_t>(plan.life.born_at / kSecondsPerDay);
  for (int32_t day = world.as_of_day(); day >= std::max(launch_day, world.as_of_day() - 120); --day) {
    const InstanceDay values = instance_day(world, plan, day);
    if (values.hours_running <= 0 || values.idle) continue;
    auto [low, high] = running_interval(plan, day);
    if (plan.scheduled) {
      for (int64_t moment = high; moment > low; moment -= 3600) {
        if (office_seconds(plan, day, moment - 3600, moment) > 0) {
          high = moment;
          break;
        }
      }
    }
    return std::max(low, high - jitter);
  }
  return plan.life.born_at;
}

}  // namespace seedgen

// ec2_builder.cc: the EC2 half of the compute domain: autoscaling groups with their members
// (ec2_asg.cc) and standalone instances, each decided once against the per-instance patterns in
// precedence order, shaped so that exactly the planted rules hold (docs/data/ec2.md).
#include <algorithm>
#include <optional>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/ec2/instance_model.h"

namespace seedgen {
namespace {

constexpr double kGpuShare = 0.04;             // standalone instances with a GPU type
constexpr int kShapedMinAgeDays = 20;          // planted shapes and near misses see their whole window
constexpr double kOversizedSaving = 0.5;
constexpr double kScheduleSaving = 0.64;       // 12 h x 5 d instead of 24 x 7

// The draws of one standalone instance, in a fixed order and number.
struct StandaloneDraws {
  Plant stopped, idle, idle_4_of_14, oversized, prev_gen, nonprod, gpu_idle;
  double state, gpu, age_jitter;
  int stop_days, terminate_days;
  int64_t stop_second, pending_seconds, history_days, launch_second;
};

// decide_standalone: decide_plant for a pattern whose profile rate is a share of all instances but whose
// rule sees standalone instances only: the rate is divided by the standalone share. One draw.
Plant decide_standalone(Rng& rng, const World& world, Pattern pattern) {
  const double rate = std::min(1.0, waste_rate(world, pattern) / (1.0 - kAsgInstanceShare));
  const double draw = rng.unit();
  if (draw < rate) return Plant::kWaste;
  if (draw < rate + rate * world.profile->near_miss_rate) return Plant::kNearMiss;
  return Plant::kNone;
}

StandaloneDraws draw_standalone(Rng& rng, const World& world) {
  StandaloneDraws draws{};
  draws.stopped = decide_standalone(rng, world, Pattern::kEc2Stopped30d);
  draws.idle = decide_standalone(rng, world, Pattern::kEc2Idle);
  draws.idle_4_of_14 = decide_standalone(rng, world, Pattern::kEc2Idle4of14);
  draws.oversized = decide_standalone(rng, world, Pattern::kEc2Oversized);
  draws.prev_gen = decide_standalone(rng, world, Pattern::kEc2PrevGen);
  draws.nonprod = decide_standalone(rng, world, Pattern::kNonprod24x7);
  draws.gpu_idle = decide_plant(rng, world, Pattern::kGpuIdle);
  draws.state = rng.unit();
  draws.gpu = rng.unit();
  draws.age_jitter = rng.unit();
  const double skew = rng.unit();
  draws.stop_days = 32 + static_cast<int>(368 * skew * skew);
  draws.terminate_days = static_cast<int>(rng.between(0, 10));
  draws.stop_second = rng.between(2 * 3600, 22 * 3600);
  draws.pending_seconds = rng.between(30, 600);
  const double history = rng.unit();
  draws.history_days = 1 + static_cast<int64_t>(700 * history * history);
  draws.launch_second = rng.below(86400);
  return draws;
}

// The pattern an instance is planted with (or nearly), resolved in the rules' precedence order.
struct Outcome {
  Ec2Shape shape = Ec2Shape::kNormal;
  std::optional<Pattern> pattern;  // the planted pattern, if any
  bool prev_gen = false;
};

Outcome resolve_running(const StandaloneDraws& draws, bool gpu, bool nonprod_eligible, bool has_previous) {
  if (gpu) {
    if (draws.gpu_idle == Plant::kWaste) return {Ec2Shape::kGpuIdle, Pattern::kGpuIdle};
    if (draws.gpu_idle == Plant::kNearMiss) return {Ec2Shape::kGpuNearMiss, std::nullopt};
    return {};
  }
  if (draws.idle == Plant::kWaste) return {Ec2Shape::kIdle, Pattern::kEc2Idle};
  if (draws.idle_4_of_14 == Plant::kWaste) return {Ec2Shape::kIdle4of14, Pattern::kEc2Idle4of14};
  if (draws.oversized == Plant::kWaste) return {Ec2Shape::kOversized, Pattern::kEc2Oversized};
  if (draws.prev_gen == Plant::kWaste && has_previous) return {Ec2Shape::kNormal, Pattern::kEc2PrevGen, true};
  if (draws.nonprod == Plant::kWaste && nonprod_eligible) return {Ec2Shape::kNonprod24x7, Pattern::kNonprod24x7};
  if (draws.idle == Plant::kNearMiss) return {Ec2Shape::kIdleNearMiss, std::nullopt};
  if (draws.idle_4_of_14 == Plant::kNearMiss) return {Ec2Shape::kIdle4of14NearMiss, std::nullopt};
  if (draws.oversized == Plant::kNearMiss) return {Ec2Shape::kOversizedNearMiss, std::nullopt};
  if (draws.nonprod == Plant::kNearMiss && nonprod_eligible) return {Ec2Shape::kNonprodNearMiss, std::nullopt};
  return {};
}

const InstanceType& type_for(Rng& rng, const TypePools& pools, const Outcome& outcome, bool gpu) {
  // One weighted draw per pool, whichever is used, to keep the budget fixed.
  const InstanceType& current = pools.current.draw(rng);
  const InstanceType& burstable = pools.current_burstable.types.empty() ? current : pools.current_burstable.draw(rng);
  const InstanceType& fixed = pools.current_fixed.types.empty() ? current : pools.current_fixed.draw(rng);
  const InstanceType& previous = pools.previous.types.empty() ? current : pools.previous.draw(rng);
  const InstanceType& gpu_type = pools.gpu.types.empty() ? current : pools.gpu.draw(rng);
  if (gpu) return gpu_type;
  if (outcome.prev_gen) return previous;
  if (outcome.shape == Ec2Shape::kIdleNearMiss) return burstable;
  if (outcome.shape == Ec2Shape::kOversized || outcome.shape == Ec2Shape::kOversizedNearMiss) return fixed;
  return current;
}

// set_state: state, times and the days of the metrics series; last_active_at of non-running instances.
void set_state(const World& world, Instance& instance, const StandaloneDraws& draws) {
  const int64_t as_of = world.as_of_seconds();
  const int32_t as_of_day = world.as_of_day();
  int stop_days = -1;
  if (draws.stopped == Plant::kWaste) stop_days = draws.stop_days;
  if (draws.stopped == Plant::kNearMiss) stop_days = 28;
  if (stop_days < 0 && draws.state < 0.04) stop_days = 1 + static_cast<int>(draws.state / 0.04 * 25);
  instance.usage_last_day = as_of_day;
  instance.metrics_last_day = as_of_day;
  if (stop_days >= 0) {
    instance.state = "stopped";
    instance.usage_last_day = as_of_day - stop_days;
    instance.last_active_at = static_cast<int64_t>(instance.usage_last_day) * kSecondsPerDay + draws.stop_second;
    instance.launch_time = instance.last_active_at - draws.history_days * kSecondsPerDay - draws.launch_second;
  } else if (draws.state < 0.05) {
    instance.state = "terminated";
    instance.usage_last_day = instance.metrics_last_day = as_of_day - draws.terminate_days;
    instance.last_active_at = static_cast<int64_t>(instance.usage_last_day) * kSecondsPerDay + draws.stop_second;
    instance.launch_time = instance.last_active_at - draws.history_days * kSecondsPerDay - draws.launch_second;
  } else if (draws.state < 0.055) {
    instance.state = "pending";
    instance.launch_time = as_of + kSecondsPerDay - draws.pending_seconds;
    instance.usage_last_day = instance.metrics_last_day = as_of_day - 1;
  } else {
    instance.state = draws.state < 0.06 ? "stopping" : "running";
  }
  instance.core.created_at = instance.launch_time;
}

double monthly(const Instance& instance) { return instance.hourly_cost * kHoursPerMonth; }

void record_instance_waste(const World& world, AccountModel& model, const Instance& instance, const Outcome& outcome) {
  if (!outcome.pattern) return;
  const Pattern pattern = *outcome.pattern;
  double saving = monthly(instance);
  if (pattern == Pattern::kEc2Idle4of14) saving *= instance_stats(world, instance).idle_days_14 / 14.0;
  if (pattern == Pattern::kEc2Oversized) saving *= kOversizedSaving;
  if (pattern == Pattern::kNonprod24x7) saving *= kScheduleSaving;
  if (pattern == Pattern::kEc2PrevGen) {
    const InstanceType* successor = successor_type(*world.catalog, world.catalog->instance_type(instance.instance_type));
    saving = (instance.hourly_cost - round4(regional_price(world, instance.core.region, successor->hourly_usd))) *
             kHoursPerMonth;
  }
  record_waste(model, ResourceType::kInstance, instance.core.resource_id, pattern, saving);
}

void build_standalone(const World& world, AccountModel& model, const TypePools& pools, int64_t index) {
  const uint64_t key = entity_key(model.account->index, "instance", static_cast<uint64_t>(index));
  Rng rng(world.seed(), "instances", key);
  Instance instance;
  instance.core = core_for(rng, world, "instances", key, aws_id(rng, "i-", 17), 0, 1200);
  instance.launch_time = instance.core.created_at;
  const StandaloneDraws draws = draw_standalone(rng, world);
  const char* app = draw_app(rng);
  name_and_tag(rng, world, instance, app, static_cast<int>(index + 1));
  instance.root_volume_gib = draw_root_volume_gib(rng);

  set_state(world, instance, draws);
  const bool running = instance.state == "running";
  const bool gpu = draws.gpu < kGpuShare && !pools.gpu.types.empty();
  const bool prod = is_prod(instance.core.env);
  const bool nonprod_eligible = !prod && !has_tag(instance.core.tags, "schedule");
  const Outcome outcome = running ? resolve_running(draws, gpu, nonprod_eligible, !pools.previous.types.empty())
                                  : Outcome{};
  apply_type(world, instance, type_for(rng, pools, outcome, gpu));
  if (running && (outcome.shape != Ec2Shape::kNormal || outcome.pattern.has_value())) {
    const int64_t latest = world.as_of_seconds() - kShapedMinAgeDays * kSecondsPerDay -
                           static_cast<int64_t>(draws.age_jitter * kSecondsPerDay);
    instance.launch_time = instance.core.created_at = std::min(instance.launch_time, latest);
  }
  shape_usage(world, instance, outcome.shape, !prod, key);
  settle_instance(world, instance);

  add_instance_cost(model, instance);
  record_instance_waste(world, model, instance, outcome);
  if (instance.state == "stopped" && draws.stopped == Plant::kWaste) {
    const double volume = instance.root_volume_gib *
                          regional_price(world, instance.core.region, world.catalog->unit_price("ebs.gp3.gb_month"));
    record_waste(model, ResourceType::kInstance, instance.core.resource_id, Pattern::kEc2Stopped30d, volume);
  }
  model.ec2.instances.push_back(std::move(instance));
}

}  // namespace

void build_ec2(const World& world, AccountModel& model) {
  const TypePools pools = make_type_pools(*world.catalog);
  const int64_t count = resource_count(model, ResourceType::kInstance);
  if (count <= 0 || pools.current.types.empty()) return;
  model.ec2.instances.reserve(static_cast<size_t>(count));
  const int64_t members = build_autoscaling_groups(world, model, pools, count);
  for (int64_t index = members; index < count; ++index) build_standalone(world, model, pools, index);
  plant_steady_groups(world, model);
}

}  // namespace seedgen

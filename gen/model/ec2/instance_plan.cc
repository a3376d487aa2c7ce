// instance_plan.cc: what a standalone instance's life holds, drawn once at its launch: region and env
// from its account, a type that fits its workload and the year it was launched in, its usage levels,
// and the events it is prone to (stopped and forgotten, abandoned, resized, scheduled).
#include <algorithm>
#include <array>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/ec2/instance_model.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr double kLongHorizonDays = 400;   // the horizon of events for instances that never die

// The draws of one plan, made up front so that the budget never depends on the outcome.
struct PlanDraws {
  double region, env, type_class, previous, burstable, gpu_large;
  double stop, stop_when, abandon, abandon_delay, resize, resize_when, resize_up, schedule;
  double cpu, network, idle_cpu, idle_network, gpu, duty, root;
};

PlanDraws draw_all(Rng& stream) {
  PlanDraws draws{};
  draws.region = stream.unit(), draws.env = stream.unit(), draws.type_class = stream.unit();
  draws.previous = stream.unit(), draws.burstable = stream.unit(), draws.gpu_large = stream.unit();
  draws.stop = stream.unit(), draws.stop_when = stream.unit(), draws.abandon = stream.unit();
  draws.abandon_delay = stream.normal(0, 1), draws.resize = stream.unit(), draws.resize_when = stream.unit();
  draws.resize_up = stream.unit(), draws.schedule = stream.unit();
  draws.cpu = stream.normal(0, 1), draws.network = stream.normal(0, 1), draws.idle_cpu = stream.normal(0, 1);
  draws.idle_network = stream.normal(0, 1), draws.gpu = stream.unit(), draws.duty = stream.unit();
  draws.root = stream.unit();
  return draws;
}

// previous_generation_chance: older launches ran on what was current then.
double previous_generation_chance(const WorkloadSpec& spec, int32_t birth_day) {
  const int32_t year = civil_from_days(birth_day).year;
  const double era = year >= 2023 ? 1 : (year >= 2021 ? 3 : (year >= 2019 ? 8 : 15));
  return std::min(0.9, spec.prev_gen_chance * era);
}

const InstanceType& draw_type(Rng& stream, const TypePools& pools, const AccountPlan& account, Workload workload,
                              const WorkloadSpec& spec, const PlanDraws& draws, int32_t birth_day, bool prod) {
  if (is_gpu_workload(workload)) {
    // The largest GPU boxes only in sizeable production accounts.
    const bool large = prod && account.size > 3000 && draws.gpu_large < 0.2 && !pools.gpu_large.empty();
    return (large ? pools.gpu_large : pools.gpu_small).draw(stream);
  }
  if (draws.previous < previous_generation_chance(spec, birth_day) && !pools.previous.empty()) {
    return pools.previous.draw(stream);
  }
  const double burstable_share = prod ? 0.3 : 0.6;
  if (spec.burstable_friendly && draws.burstable < burstable_share) return pools.burstable.draw(stream);
  switch (workload) {
    case Workload::kWorker:
    case Workload::kCiJob: return (draws.type_class < 0.6 ? pools.compute : pools.general).draw(stream);
    case Workload::kDatabase: return (draws.type_class < 0.8 ? pools.memory : pools.general).draw(stream);
    case Workload::kExperiment:
      return (draws.type_class < 0.5 ? pools.general : (draws.type_class < 0.8 ? pools.compute : pools.memory)).draw(stream);
    default: return (draws.type_class < 0.75 ? pools.general : pools.compute).draw(stream);
  }
}

// event_at: a moment `fraction` of the way through the life (or through a long horizon when it never
// ends), at least an hour after the launch.
int64_t event_at(const Life& life, double fraction) {
  const double span = life.died_at == kNever ? kLongHorizonDays * kSecondsPerDay : static_cast<double>(life.died_at - life.born_at);
  return life.born_at + std::max<int64_t>(3600, static_cast<int64_t>(fraction * span));
}

void draw_events(const World& world, const WorkloadSpec& spec, const PlanDraws& draws, bool prod, InstancePlan& plan) {
  const Life& life = plan.life;
  if (draws.stop < spec.stop_chance) plan.stopped_at = event_at(life, 0.05 + 0.55 * draws.stop_when);
  if (draws.abandon < spec.abandon_chance) {
    plan.abandoned_at = life.born_at + static_cast<int64_t>(spec.abandon_after_days * std::exp(0.8 * draws.abandon_delay) * kSecondsPerDay);
  }
  if (draws.resize < spec.resize_chance) {
    plan.resized_to = resize_target(*world.catalog, *plan.type, draws.resize_up < 0.55);
    if (plan.resized_to != nullptr) plan.resized_at = event_at(life, 0.1 + 0.8 * draws.resize_when);
  }
  plan.scheduled = !prod && draws.schedule < spec.schedule_chance_nonprod;
}

}  // namespace

InstancePlan draw_instance_plan(const World& world, const AccountPlan& account, const TypePools& pools,
                                Workload workload, const Life& life, Rng& stream) {
  const WorkloadSpec& spec = workload_spec(workload);
  const PlanDraws draws = draw_all(stream);
  InstancePlan plan;
  plan.life = life;
  plan.workload = workload;
  plan.region = account.regions[weighted_index(account.region_weights, draws.region)];
  std::vector<double> env_weights;
  for (const auto& env : account.envs) env_weights.push_back(env.second);
  plan.env = account.envs[weighted_index(env_weights, draws.env)].first;
  const bool prod = plan.env == "prod";
  plan.type = &draw_type(stream, pools, account, workload, spec, draws, life.birth_day, prod);
  plan.utc_offset = utc_offset_hours(plan.region);

  const double baseline = cpu_credit_baseline(*plan.type);
  plan.cpu_level = baseline > 0 ? baseline * 0.45 * std::exp(0.6 * draws.cpu)   // most burstables stay under baseline
                                : spec.cpu_median * std::exp(spec.cpu_sigma * draws.cpu);
  plan.weekend = prod ? spec.weekend_prod : spec.weekend_nonprod;
  plan.daily_sigma = spec.daily_sigma;
  plan.peak_median = spec.peak_median;
  plan.network_mb = spec.network_median_mb * std::exp(spec.network_sigma * draws.network);
  plan.idle_cpu = 0.8 * std::exp(0.7 * draws.idle_cpu);
  plan.idle_network_mb = 1.5 * std::exp(0.9 * draws.idle_network);
  if (workload == Workload::kGpuTraining) plan.gpu_level = 60 + 35 * draws.gpu, plan.gpu_duty = 0.3 + 0.6 * draws.duty;
  if (workload == Workload::kGpuInference) plan.gpu_level = 15 + 45 * draws.gpu, plan.gpu_duty = 1.0;
  static constexpr std::array<double, 6> kRootWeights = {35, 20, 20, 12, 8, 5};
  static constexpr std::array<int, 6> kRootSizes = {8, 16, 20, 30, 50, 100};
  plan.root_volume_gib = kRootSizes[weighted_index(kRootWeights, draws.root)];
  draw_events(world, spec, draws, prod, plan);
  return plan;
}

}  // namespace seedgen

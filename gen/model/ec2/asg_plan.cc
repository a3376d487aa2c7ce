// asg_plan.cc: what an autoscaling group's life holds (region, env, type, load, policy, sizes) and the
// plan of each of its members.
#include <algorithm>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/ec2/asg_model.h"
#include "model/ec2/instance_model.h"
#include "model/natural_ids.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr const char* kGroupApps[] = {"api", "web", "worker", "gateway", "frontend", "consumer", "graphql", "render",
                                      "ingest", "auth", "search", "checkout"};

size_t pick(Rng& rng, const std::vector<double>& weights) { return rng.weighted(weights); }

}  // namespace

AutoscalingGroup draw_group(const World& world, const AccountPlan& account, const TypePools& pools, const Life& life,
                            Rng& stream, GroupLoad& load) {
  std::vector<double> region_weights = account.region_weights, env_weights;
  for (const auto& env : account.envs) env_weights.push_back(env.second);
  const std::string_view region = account.regions[pick(stream, region_weights)];
  const std::string_view env = account.envs[pick(stream, env_weights)].first;
  const bool prod = env == "prod";
  const double type_draw = stream.unit();
  const InstanceType& type = (!prod && type_draw < 0.2 ? pools.burstable : (type_draw < 0.7 ? pools.general : pools.compute)).draw(stream);
  const char* app = kGroupApps[stream.below(std::size(kGroupApps))];
  const bool scaling = stream.chance(0.65);
  const double typical = stream.lognormal(3.0, 0.8);
  const double target = stream.uniform(15, 38);   // measured per-member CPU, not the policy's set point
  const double min_share = stream.uniform(0.3, 0.9), max_factor = stream.uniform(2, 4);
  const double fixed_factor = stream.uniform(1.0, 2.2), fixed_min = stream.uniform(0.3, 1.0);
  const bool abandoned = stream.chance(0.08);
  const double abandon_days = stream.lognormal(120, 1.0);
  const bool stack = stream.chance(prod ? 0.8 : 0.5);

  load.key = life.key;
  load.coordinate = static_cast<uint32_t>(life.birth_day) << 16 | life.ordinal;
  load.load = typical;
  load.target_cpu = target;
  load.weekend = prod ? 0.7 : 0.4;
  load.born_at = life.born_at;
  load.died_at = life.died_at;
  load.scaling_hour = (6 - utc_offset_hours(region) + 24) % 24;   // 06:00 local
  if (abandoned) load.abandoned_at = life.born_at + static_cast<int64_t>(abandon_days * kSecondsPerDay);
  if (scaling) {
    load.min_size = std::max(1, static_cast<int>(std::lround(typical * min_share)));
    load.max_size = std::max(load.min_size + 1, static_cast<int>(std::ceil(typical * max_factor)) + 1);
  } else {
    load.fixed_desired = std::max(1, static_cast<int>(std::lround(typical * fixed_factor)));
    load.min_size = std::max(0, static_cast<int>(std::lround(load.fixed_desired * fixed_min)));
    load.max_size = load.fixed_desired + static_cast<int>(std::ceil(load.fixed_desired * 0.5));
  }
  load.max_size = std::min(load.max_size, 255);

  AutoscalingGroup group;
  group.life = life;
  group.core.id = Uuid::from_key(world.seed(), "autoscaling_groups", life.key);
  group.core.resource_id = uuid_text(group.core.id);
  group.core.region = region;
  group.core.env = env;
  group.core.created_at = life.born_at;
  group.app = app;
  group.name = std::string(app) + "-" + std::string(env) + "-" + local_hex(world, "asg_name", account.index, load.coordinate, 8);
  if (stack) group.stack = account.team + "-" + app + "-" + std::string(env);
  group.instance_type = type.name;
  group.scaling_policy = scaling;
  group.load = typical;
  group.target_cpu = target;
  group.weekend = load.weekend;
  group.min_size = load.min_size;
  group.max_size = load.max_size;
  group.desired_capacity = desired_on(world, load, world.as_of_day());
  group.updated_at = life.born_at;
  const int32_t birth_day = static_cast<int32_t>(life.born_at / kSecondsPerDay);
  for (int32_t day = world.as_of_day(); scaling && day > birth_day && day > world.as_of_day() - 400; --day) {
    if (desired_on(world, load, day) != desired_on(world, load, day - 1)) {
      group.updated_at = static_cast<int64_t>(day) * kSecondsPerDay + load.scaling_hour * 3600;
      break;
    }
  }
  return group;
}

InstancePlan member_plan(const World& world, const AutoscalingGroup& group, const GroupLoad& load,
                         const MemberLife& member, int group_index) {
  InstancePlan plan;
  plan.life = member.life;
  plan.workload = Workload::kService;
  plan.region = group.core.region;
  plan.env = group.core.env;
  plan.asg_index = group_index;
  plan.group = &load;
  plan.type = &world.catalog->instance_type(group.instance_type);
  plan.utc_offset = utc_offset_hours(plan.region);
  Rng stream(world.seed(), "asg_member", member.life.key);
  plan.network_mb = stream.lognormal(3000, 0.8);
  plan.peak_median = 1.2;
  plan.idle_cpu = 0.8;
  plan.idle_network_mb = 2;
  plan.root_volume_gib = stream.chance(0.7) ? 8 : 20;
  return plan;
}

}  // namespace seedgen

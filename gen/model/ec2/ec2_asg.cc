// ec2_asg.cc: autoscaling groups and their member instances. About 30 % of an account's instances sit
// in groups of 2-12 members that share the group's instance type, region and env; members are always
// running. asg_overprovisioned is planted per group (docs/data/ec2.md).
#include <algorithm>
#include <vector>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/ec2/instance_model.h"

namespace seedgen {
namespace {

constexpr int kMinMemberAgeDays = 20;

// plan_group_sizes: member counts of the account's groups, 2-12 each (skewed small), about 30 % of
// the instances in all.
std::vector<int> plan_group_sizes(const World& world, uint32_t account_index, int64_t instances) {
  Rng rng(world.seed(), "autoscaling_groups", entity_key(account_index, "asg_plan", 0));
  const auto target = static_cast<int64_t>(static_cast<double>(instances) * kAsgInstanceShare + 0.5);
  std::vector<int> sizes;
  int64_t assigned = 0;
  while (assigned + 2 <= target) {
    const double skew = rng.unit();
    const auto size = std::min<int64_t>(2 + static_cast<int64_t>(11 * skew * skew), target - assigned);
    if (size < 2) break;
    sizes.push_back(static_cast<int>(size));
    assigned += size;
  }
  return sizes;
}

// GroupPlan: how a group's members are shaped and whether the group is planted.
struct GroupPlan {
  Ec2Shape shape = Ec2Shape::kNormal;
  bool planted = false;
};

GroupPlan plan_group(Rng& rng, const World& world, AutoscalingGroup& group, int members) {
  const Plant plant = decide_plant(rng, world, Pattern::kAsgOverprovisioned);
  const double variant = rng.unit();
  const double min_draw = rng.unit();
  const int extra = static_cast<int>(rng.between(0, 8));
  group.desired_capacity = members;
  group.max_size = members + extra;
  const int below_desired = 1 + static_cast<int>(min_draw * (members - 1));  // 1 .. desired-1
  GroupPlan plan;
  if (plant == Plant::kWaste) {
    plan = {Ec2Shape::kAsgLow, true};
    group.min_size = 1 + static_cast<int>(min_draw * (members - 1) / 2);     // the lower half

  } else if (plant == Plant::kNearMiss && variant < 0.5) {
    plan.shape = Ec2Shape::kAsgNearMiss;   // CPU just above 10 %
    group.min_size = below_desired;
  } else if (plant == Plant::kNearMiss) {
    plan.shape = Ec2Shape::kAsgLow;        // idle, but already at its minimum
    group.min_size = members;
  } else {
    group.min_size = 1 + static_cast<int>(min_draw * members);  // 1 .. desired
  }
  return plan;
}

void build_member(const World& world, AccountModel& model, int group_index,
                  const GroupPlan& plan, std::string_view app, int64_t index, int member) {
  const AutoscalingGroup& group = model.ec2.autoscaling_groups[static_cast<size_t>(group_index)];
  const uint64_t key = entity_key(model.account->index, "instance", static_cast<uint64_t>(index));
  Rng rng(world.seed(), "instances", key);
  Instance instance;
  instance.core = core_for(rng, world, "instances", key, aws_id(rng, "i-", 17), 0, 1200);
  instance.core.region = group.core.region;
  instance.core.env = group.core.env;
  const double age = rng.unit();
  const int64_t youngest = world.as_of_seconds() - kMinMemberAgeDays * kSecondsPerDay;
  instance.launch_time = youngest - static_cast<int64_t>(static_cast<double>(youngest - group.core.created_at) * age * age);
  instance.core.created_at = instance.launch_time;
  name_and_tag(rng, world, instance, app, member + 1);
  instance.root_volume_gib = draw_root_volume_gib(rng);
  instance.asg_index = group_index;
  instance.state = "running";
  instance.usage_last_day = instance.metrics_last_day = world.as_of_day();
  apply_type(world, instance, world.catalog->instance_type(group.instance_type));
  shape_usage(world, instance, plan.shape, !is_prod(instance.core.env), key);
  settle_instance(world, instance);
  add_instance_cost(model, instance);
  model.ec2.instances.push_back(std::move(instance));
}

}  // namespace

int64_t build_autoscaling_groups(const World& world, AccountModel& model, const TypePools& pools, int64_t instances) {
  const uint32_t account_index = model.account->index;
  const std::vector<int> sizes = plan_group_sizes(world, account_index, instances);
  int64_t next_instance = 0;
  for (size_t group_index = 0; group_index < sizes.size(); ++group_index) {
    const uint64_t key = entity_key(account_index, "autoscaling_group", group_index);
    Rng rng(world.seed(), "autoscaling_groups", key);
    AutoscalingGroup group;
    group.core = core_for(rng, world, "autoscaling_groups", key, "", 30, 1000);
    const char* app = draw_app(rng);
    group.instance_type = pools.current.draw(rng).name;
    group.name = std::string(app) + "-" + std::string(group.core.env) + "-asg-" + std::to_string(group_index + 1);
    const GroupPlan plan = plan_group(rng, world, group, sizes[group_index]);
    model.ec2.autoscaling_groups.push_back(std::move(group));

    const auto first_member = static_cast<size_t>(next_instance);
    for (int member = 0; member < sizes[group_index]; ++member) {
      build_member(world, model, static_cast<int>(group_index), plan, app, next_instance++, member);
    }
    AutoscalingGroup& built = model.ec2.autoscaling_groups.back();
    built.updated_at = built.core.created_at;
    for (size_t index = first_member; index < model.ec2.instances.size(); ++index) {
      built.updated_at = std::max(built.updated_at, model.ec2.instances[index].launch_time);
    }
    if (plan.planted) {
      const double member_hourly = model.ec2.instances[first_member].hourly_cost;
      record_waste(model, ResourceType::kAutoscalingGroup, built.core.resource_id, Pattern::kAsgOverprovisioned,
                   (built.desired_capacity - built.min_size) * member_hourly * kHoursPerMonth);
    }
  }
  return next_instance;
}

}  // namespace seedgen

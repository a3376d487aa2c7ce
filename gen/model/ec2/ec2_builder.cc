// ec2_builder.cc: the EC2 domain of one account on the as_of day: autoscaling groups and their members,
// then standalone instances of every workload, each enumerated from its birth process over the metrics
// window, and settled at the end of as_of (state, type, costs, 7-day columns, last activity, tags).
#include <algorithm>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/ec2/asg_model.h"
#include "model/ec2/instance_model.h"
#include "model/natural_ids.h"
#include "model/tags.h"

namespace seedgen {
namespace {

constexpr double kMeanGroupSize = 4.0;   // mean desired capacity of a group (calibrated in docs/data/ec2.md)
constexpr double kGpuCostShare = 0.7;    // gpu_hourly_cost: the part of a GPU type's price that pays for GPUs

int64_t window_start(const World& world) { return static_cast<int64_t>(world.metrics_first_day()) * kSecondsPerDay; }

// listed: alive at the end of as_of, or terminated in its last hour (AWS lists a terminated instance for
// about an hour; a whole day would list every CI job of the day).
constexpr int64_t kTerminatedVisibleSeconds = 3600;
bool listed(const World& world, const Life& life) {
  return life.born_at < world.snapshot_time() && life.died_at >= world.snapshot_time() - kTerminatedVisibleSeconds;
}

// settle: the columns of an instance at the end of as_of, from its plan.
void settle(const World& world, Instance& instance) {
  const InstancePlan& plan = instance.plan;
  const int64_t moment = std::min(world.snapshot_time(), plan.life.died_at - 1);
  const InstanceType& type = plan.type_at(moment);
  instance.instance_type = type.name;
  instance.launch_time = instance.core.created_at = plan.life.born_at;
  instance.hourly_cost = stored_hourly_cost(world, plan.region, type);
  instance.gpu_count = type.gpu_count;
  instance.gpu_hourly_cost = type.gpu_count > 0 ? round4(kGpuCostShare * instance.hourly_cost) : 0;
  instance.state = std::string(instance_state(plan, world.snapshot_time()));
  const InstanceStats stats = instance_stats(world, plan);
  instance.avg_cpu_7d = stats.avg_cpu_7d;
  instance.avg_network_7d = stats.avg_network_7d;
  instance.idle_days_14 = stats.idle_days_14;
  instance.full_days_14 = stats.full_days_14;
  instance.max_cpu_14 = stats.max_cpu_14;
  instance.monthly_cost = instance.state == "terminated" ? 0 : instance.hourly_cost * kHoursPerMonth * stats.hours_7d / (7 * 24);
  instance.last_active_at = last_active_at(world, plan, instance.state);
  instance.updated_at = instance_updated_at(world, plan);
  instance.root_volume_gib = plan.root_volume_gib;
  instance.listed = listed(world, plan.life);
}

Instance make_instance(const World& world, const AccountModel& model, InstancePlan plan, uint64_t id_coordinate,
                       std::string name, std::string_view app, std::string_view stack) {
  Instance instance;
  const AccountPlan& account = *model.account;
  instance.core.id = Uuid::from_key(world.seed(), "instances", plan.life.key);
  instance.core.resource_id = "i-" + unique_hex(world, "instance_id", account.index, id_coordinate, 17);
  instance.core.region = plan.region;
  instance.core.env = plan.env;
  instance.asg_index = plan.asg_index;
  instance.name = std::move(name);
  Rng tag_rng(world.seed(), "instance_tags", plan.life.key);
  instance.core.tags = draw_tags(tag_rng, world, account, TagSubject{instance.name, plan.env, app, stack, plan.scheduled});
  if (plan.asg_index >= 0) instance.core.tags.emplace_back("aws:autoscaling:groupName", instance.name);
  instance.plan = std::move(plan);
  settle(world, instance);
  return instance;
}

// member_id_coordinate: the 52-bit id coordinate of an autoscaling member (unique_hex's limit): a member
// flag (bit 51), the group's birth day since 2010-01-01 (13 bits, through 2032), its ordinal that day
// (16 bits) and the member's slot and start offset (22 bits). Standalone coordinates stay below 2^36.
uint64_t member_id_coordinate(const GroupLoad& load, const MemberLife& member) {
  constexpr int32_t kIdEpochDay = days_from_civil({2010, 1, 1});
  const auto birth_day = static_cast<int32_t>(load.coordinate >> 16);
  const auto days = static_cast<uint64_t>(std::clamp(birth_day - kIdEpochDay, 0, 8191));
  const uint64_t member_bits = member_coordinate(load, member.slot, member.start_day) & ((uint64_t{1} << 22) - 1);
  return uint64_t{1} << 51 | days << 38 | static_cast<uint64_t>(load.coordinate & 0xffffu) << 22 | member_bits;
}

void build_groups(const World& world, AccountModel& model, const TypePools& pools) {
  const AccountPlan& account = *model.account;
  const double members = account.expected[static_cast<size_t>(ResourceType::kInstance)] * autoscaled_share(account.unit);
  const BirthProcess births(world, account, group_life_spec(), members / kMeanGroupSize);
  for (const Life& life : births.lives_during(window_start(world), world.snapshot_time())) {
    Rng stream = births.life_stream(life);
    auto load = std::make_unique<GroupLoad>();
    AutoscalingGroup group = draw_group(world, account, pools, life, stream, *load);
    group.listed = listed(world, life);   // a group gone before as_of keeps its members' metrics rows only
    model.ec2.autoscaling_groups.push_back(std::move(group));
    model.ec2.group_loads.push_back(std::move(load));
  }
  for (size_t index = 0; index < model.ec2.autoscaling_groups.size(); ++index) {
    const AutoscalingGroup& group = model.ec2.autoscaling_groups[index];
    const GroupLoad& load = *model.ec2.group_loads[index];
    for (const MemberLife& member : members_during(world, load, account.index, world.metrics_first_day(), world.as_of_day())) {
      InstancePlan plan = member_plan(world, group, load, member, static_cast<int>(index));
      const uint64_t coordinate = member_id_coordinate(load, member);
      model.ec2.instances.push_back(make_instance(world, model, std::move(plan), coordinate, group.name, group.app, group.stack));
    }
  }
}

void build_standalone(const World& world, AccountModel& model, const TypePools& pools) {
  const AccountPlan& account = *model.account;
  const double standalone = account.expected[static_cast<size_t>(ResourceType::kInstance)] * (1 - autoscaled_share(account.unit));
  for (size_t index = 0; index < kWorkloadCount; ++index) {
    const auto workload = static_cast<Workload>(index);
    const WorkloadSpec& spec = workload_spec(workload);
    const double expected = standalone * standalone_share(account.unit, workload);
    if (expected <= 0) continue;
    const BirthProcess births(world, account, spec.life, expected);
    for (const Life& life : births.lives_during(window_start(world), world.snapshot_time())) {
      Rng stream = births.life_stream(life);
      InstancePlan plan = draw_instance_plan(world, account, pools, workload, life, stream);
      const InstanceName naming = standalone_name(world, account, plan, stream);
      const uint64_t coordinate = static_cast<uint64_t>(index) << 32 | static_cast<uint64_t>(life.birth_day) << 16 | life.ordinal;
      model.ec2.instances.push_back(make_instance(world, model, std::move(plan), coordinate, naming.name, naming.app, naming.stack));
    }
  }
}

}  // namespace

void build_ec2(const World& world, AccountModel& model) {
  const TypePools pools = make_type_pools(*world.catalog);
  if (pools.general.empty()) return;
  build_groups(world, model, pools);
  build_standalone(world, model, pools);
  // The estate's monthly cost prices what runs at the end of as_of for a whole month, as the cost
  // roll-up (migration 015) does: running and pending instances at hourly_cost x 730.
  for (const Instance& instance : model.ec2.instances) {
    if (instance.listed && (instance.state == "running" || instance.state == "pending")) {
      add_monthly_cost(model, instance.hourly_cost * kHoursPerMonth);
    }
  }
  // Listed instances first (the instances table), each group in launch order; then the gone ones.
  std::stable_sort(model.ec2.instances.begin(), model.ec2.instances.end(), [](const Instance& a, const Instance& b) {
    if (a.listed != b.listed) return a.listed;
    return a.launch_time != b.launch_time ? a.launch_time < b.launch_time : a.core.resource_id < b.core.resource_id;
  });
}

}  // namespace seedgen

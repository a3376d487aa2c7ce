// ec2_rules.cc: the EC2 patterns, evaluated on the rows the emitters write (docs/data/ec2.md, "Rules").
// Each rule is read literally; a resource may match several, and resolve_counts decides which saving
// counts.
#include <algorithm>
#include <map>
#include <set>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/account_model.h"
#include "model/ec2/instance_model.h"
#include "model/tags.h"

namespace seedgen {
namespace {

constexpr double kIdleCpu = 10, kIdleNetworkMb = 5;       // Trusted Advisor
constexpr double kOversizedCpu = 20;                      // every daily average of the last 14 days below it
constexpr double kOversizedSaving = 0.5;                  // one size down
constexpr double kGpuIdleCpu = 5;
constexpr int kIdleDaysOf14 = 4;
constexpr int kStoppedDays = 30, kSteadyDays = 90;
constexpr double kScheduleSaving = 0.64;                  // 12 h x 5 d instead of 24 x 7
constexpr double kAsgMemberCpu = 10;

std::string family_of(const std::string& instance_type) { return instance_type.substr(0, instance_type.find('.')); }

bool launched_before(const World& world, const Instance& instance, int days) {
  return instance.launch_time < world.as_of_seconds() - static_cast<int64_t>(days) * kSecondsPerDay;
}

// covered: an ec2:<family>:<region> commitment of the account is active on as_of.
bool covered(const World& world, const AccountModel& model, const Instance& instance) {
  const std::string scope = "ec2:" + family_of(instance.instance_type) + ":" + std::string(instance.core.region);
  for (const Commitment& commitment : model.commitments.commitments) {
    if (commitment.scope == scope && commitment.start_date <= world.as_of_day() && world.as_of_day() <= commitment.end_date) {
      return true;
    }
  }
  return false;
}

// attached_volume_cost: the monthly cost of the volumes attached to the instance (what still bills).
double attached_volume_cost(AccountModel& model, const Instance& instance) {
  double cost = 0;
  for (const Volume& volume : model.storage.volumes) {
    if (volume.state != "in-use" || volume.attached_instance_id != instance.core.resource_id) continue;
    cost += volume.monthly_cost;
    record_containment(model, ResourceType::kVolume, volume.core.resource_id, ResourceType::kInstance,
                       instance.core.resource_id, Pattern::kEc2Stopped30d);
  }
  return cost;
}

void evaluate_instance(const World& world, AccountModel& model, const Instance& instance) {
  const std::string& id = instance.core.resource_id;
  const double monthly = instance.hourly_cost * kHoursPerMonth;
  auto record = [&](Pattern pattern, double saving) { record_waste(model, ResourceType::kInstance, id, pattern, saving); };
  if (instance.state == "stopped" &&
      instance.last_active_at < world.as_of_seconds() - static_cast<int64_t>(kStoppedDays) * kSecondsPerDay) {
    record(Pattern::kEc2Stopped30d, attached_volume_cost(model, instance));
  }
  if (instance.state != "running") return;
  const bool full_week = launched_before(world, instance, 6);
  const bool full_fortnight = launched_before(world, instance, 13);
  const bool gpu = instance.gpu_count > 0;
  if (full_week && instance.avg_cpu_7d <= kIdleCpu && instance.avg_network_7d <= kIdleNetworkMb) record(Pattern::kEc2Idle, monthly);
  if (instance.idle_days_14 >= kIdleDaysOf14) record(Pattern::kEc2Idle4of14, monthly * instance.idle_days_14 / 14.0);
  if (!gpu && !is_burstable_family(instance.instance_type) && full_fortnight && instance.max_cpu_14 < kOversizedCpu) {
    record(Pattern::kEc2Oversized, kOversizedSaving * monthly);
  }
  if (gpu && launched_before(world, instance, 1) &&
      (instance.last_active_at < world.as_of_seconds() - kSecondsPerDay || instance.avg_cpu_7d < kGpuIdleCpu)) {
    record(Pattern::kGpuIdle, monthly);
  }
  if (instance.core.env != "prod" && !has_tag_like(instance.core.tags, "schedule") && full_fortnight &&
      instance.full_days_14 == 14) {
    record(Pattern::kNonprod24x7, kScheduleSaving * monthly);
  }
  if (is_previous_generation_family(instance.instance_type)) {
    const InstanceType* successor = successor_type(*world.catalog, world.catalog->instance_type(instance.instance_type));
    if (successor != nullptr) {
      record(Pattern::kEc2PrevGen,
             (instance.hourly_cost - stored_hourly_cost(world, instance.core.region, *successor)) * kHoursPerMonth);
    }
  }
  if (launched_before(world, instance, kSteadyDays) && instance.full_days_14 == 14 && !covered(world, model, instance)) {
    record(Pattern::kEc2UncommittedSteady, world.catalog->price("savings.one_year", instance.core.region) * monthly);
  }
}

void evaluate_groups(const World& world, AccountModel& model) {
  const auto& groups = model.ec2.autoscaling_groups;
  std::map<int, std::pair<double, int>> member_cpu;   // group -> (sum of avg_cpu_7d, running members)
  for (const Instance& instance : model.ec2.instances) {
    if (!instance.listed || instance.asg_index < 0 || instance.state != "running") continue;
    auto& [sum, count] = member_cpu[instance.asg_index];
    sum += instance.avg_cpu_7d;
    ++count;
  }
  for (const auto& [index, totals] : member_cpu) {
    const AutoscalingGroup& group = groups[static_cast<size_t>(index)];
    if (!group.listed || group.desired_capacity <= group.min_size || totals.first / totals.second >= kAsgMemberCpu) continue;
    const double member_hourly = stored_hourly_cost(world, group.core.region, world.catalog->instance_type(group.instance_type));
    record_waste(model, ResourceType::kAutoscalingGroup, group.core.resource_id, Pattern::kAsgOverprovisioned,
                 (group.desired_capacity - group.min_size) * member_hourly * kHoursPerMonth);
    for (const Instance& instance : model.ec2.instances) {
      if (instance.listed && instance.asg_index == index) {
        record_containment(model, ResourceType::kInstance, instance.core.resource_id, ResourceType::kAutoscalingGroup,
                           group.core.resource_id, Pattern::kAsgOverprovisioned);
      }
    }
  }
}

}  // namespace

void evaluate_ec2_rules(const World& world, AccountModel& model) {
  for (const Instance& instance : model.ec2.instances) {
    if (instance.listed) evaluate_instance(world, model, instance);
  }
  evaluate_groups(world, model);
}

}  // namespace seedgen

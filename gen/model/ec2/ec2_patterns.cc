// ec2_patterns.cc: ec2_uncommitted_steady, decided once per (family, region) group of steady on-demand
// instances. A planted group stays uncovered and each of its steady instances older than 90 days is
// recorded; every other group is handed to the commitments domain to be covered (covered_groups).
#include <map>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/ec2/instance_model.h"

namespace seedgen {
namespace {

constexpr int kSteadyMinAgeDays = 90;
constexpr double kSteadyCpuLow = 20.0, kSteadyCpuHigh = 80.0;

using Group = std::pair<std::string, std::string>;  // (family, region)

std::string family_of(const std::string& instance_type) { return instance_type.substr(0, instance_type.find('.')); }

// is_steady_candidate: the rule of docs/data/ec2.md without its coverage clause.
bool is_steady_candidate(const World& world, const Instance& instance) {
  if (instance.state != "running" || instance.asg_index >= 0 || instance.gpu_count > 0) return false;
  if (!is_prod(instance.core.env) || is_previous_generation_family(instance.instance_type)) return false;
  if (instance.launch_time >= world.as_of_seconds() - kSteadyMinAgeDays * kSecondsPerDay) return false;
  if (instance.avg_cpu_7d < kSteadyCpuLow || instance.avg_cpu_7d > kSteadyCpuHigh) return false;
  return instance_stats(world, instance).idle_days_14 < 4;
}

}  // namespace

void plant_steady_groups(const World& world, AccountModel& model) {
  std::map<Group, std::vector<size_t>> groups;
  const auto& instances = model.ec2.instances;
  for (size_t index = 0; index < instances.size(); ++index) {
    if (!is_steady_candidate(world, instances[index])) continue;
    groups[{family_of(instances[index].instance_type), std::string(instances[index].core.region)}].push_back(index);
  }
  const double discount = world.catalog->unit_price("savings.one_year");
  const uint64_t account_key = entity_key(model.account->index, "steady_group", 0);
  for (const auto& [group, members] : groups) {
    Rng rng(world.seed(), pattern_id(Pattern::kEc2UncommittedSteady), mix64(account_key ^ name_hash(group.first + ":" + group.second)));
    if (decide_plant(rng, world, Pattern::kEc2UncommittedSteady) != Plant::kWaste) {
      model.ec2.covered_groups.push_back(group);
      continue;
    }
    model.ec2.uncommitted_groups.push_back(group);
    for (size_t index : members) {
      const Instance& instance = instances[index];
      record_waste(model, ResourceType::kInstance, instance.core.resource_id, Pattern::kEc2UncommittedSteady,
                   discount * instance.hourly_cost * kHoursPerMonth);
    }
  }
}

}  // namespace seedgen

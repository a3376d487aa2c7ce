// asg_model.cc: a group's load and capacity by day, and the lives of its members.
#include "model/ec2/asg_model.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/daily_noise.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr double kHeadroom = 1.1;          // target tracking keeps ~10 % spare capacity
constexpr int kMinRefreshDays = 14, kRefreshSpreadDays = 30;

double load_on(const World& world, const GroupLoad& group, int32_t day) {
  Rng rng = day_rng(world, "asg.load", group.key, day);
  const double noise = rng.normal(0, 1);
  const double activity = business_activity(day, group.weekend) *
                          std::exp(0.25 * smooth_noise(world.seed(), "asg.load", group.key, day, 7) +
                                   0.15 * smooth_noise(world.seed(), "asg.trend", group.key, day, 30) + 0.1 * noise);
  const bool gone = static_cast<int64_t>(day) * kSecondsPerDay + kSecondsPerDay / 2 >= group.abandoned_at;
  return group.load * activity * (gone ? 0.05 : 1.0);
}

int refresh_period(const GroupLoad& group, int slot) {
  return kMinRefreshDays + static_cast<int>(mix64(group.key ^ static_cast<uint64_t>(slot)) % kRefreshSpreadDays);
}

int refresh_phase(const GroupLoad& group, int slot) {
  return static_cast<int>(mix64(group.key + static_cast<uint64_t>(slot) * 7919) % static_cast<uint64_t>(refresh_period(group, slot)));
}

// generation_start: the first day of the slot's instance generation that covers `day`.
int32_t generation_start(const GroupLoad& group, int slot, int32_t day) {
  const int period = refresh_period(group, slot);
  const int phase = refresh_phase(group, slot);
  const int32_t offset = day - phase;
  const int32_t index = offset >= 0 ? offset / period : (offset - period + 1) / period;
  return phase + index * period;
}

int64_t scaling_moment(const GroupLoad& group, int32_t day) {
  return static_cast<int64_t>(day) * kSecondsPerDay + group.scaling_hour * 3600;
}

// member_ordinal: slot (8 bits) and the start day's offset from the group's birth (14 bits).
uint32_t member_ordinal(const GroupLoad& group, int slot, int32_t start_day) {
  const int32_t birth_day = static_cast<int32_t>(group.born_at / kSecondsPerDay);
  return static_cast<uint32_t>(slot) << 14 | static_cast<uint32_t>(std::clamp(start_day - birth_day, 0, 16383));
}

}  // namespace

uint64_t member_coordinate(const GroupLoad& group, int slot, int32_t start_day) {
  return static_cast<uint64_t>(group.coordinate) << 22 | member_ordinal(group, slot, start_day);
}

int desired_on(const World& world, const GroupLoad& group, int32_t day) {
  if (group.fixed_desired > 0) return group.fixed_desired;
  const int needed = static_cast<int>(std::ceil(load_on(world, group, day) * kHeadroom));
  return std::clamp(needed, group.min_size, group.max_size);
}

double member_cpu(const World& world, const GroupLoad& group, int32_t day) {
  const double per_member = load_on(world, group, day) / std::max(1, desired_on(world, group, day));
  return std::clamp(group.target_cpu * per_member, 0.2, 98.0);
}

const LifeSpec& group_life_spec() {
  static const LifeSpec spec = [] {
    LifeSpec life;
    life.kind = "autoscaling_group";
    life.lifetimes = {{0.6, 300, 1.0}};
    life.max_lifetime_days = 2400;
    return life;
  }();
  return spec;
}

std::vector<MemberLife> members_during(const World& world, const GroupLoad& group, uint32_t account_index,
                                       int32_t first_day, int32_t last_day) {
  const int32_t birth_day = static_cast<int32_t>(group.born_at / kSecondsPerDay);
  const int32_t death_day = group.died_at == kNever ? last_day : static_cast<int32_t>(group.died_at / kSecondsPerDay);
  const int32_t scan_from = std::max(birth_day, first_day - (kMinRefreshDays + kRefreshSpreadDays));
  const int32_t scan_to = std::min(last_day, death_day);
  if (scan_to < std::max(birth_day, first_day)) return {};
  std::vector<int> desired;
  for (int32_t day = scan_from; day <= scan_to; ++day) desired.push_back(desired_on(world, group, day));
  auto active = [&](int slot, int32_t day) { return day >= scan_from && day <= scan_to && desired[static_cast<size_t>(day - scan_from)] >= slot; };

  std::map<std::pair<int, int32_t>, MemberLife> members;
  for (int32_t day = std::max(birth_day, first_day); day <= scan_to; ++day) {
    for (int slot = 1; slot <= desired[static_cast<size_t>(day - scan_from)]; ++slot) {
      const int32_t generation = std::max(generation_start(group, slot, day), birth_day);
      int32_t start = day;
      while (start - 1 >= std::max(generation, scan_from) && active(slot, start - 1)) --start;
      if (members.count({slot, start}) != 0) continue;
      MemberLife member;
      member.slot = slot;
      member.start_day = start;
      member.life.birth_day = start;
      member.life.born_at = start == birth_day ? group.born_at + 300 : scaling_moment(group, start);
      const int32_t next_generation = generation_start(group, slot, start) + refresh_period(group, slot);
      int32_t end = start + 1;
      while (end <= scan_to && end < next_generation && active(slot, end)) ++end;
      member.life.died_at = end > scan_to && end < next_generation ? kNever : scaling_moment(group, end);
      member.life.died_at = std::min(member.life.died_at, group.died_at);
      member.life.ordinal = member_ordinal(group, slot, start);
      member.life.key = entity_key(account_index, "asg_member", member_coordinate(group, slot, start));
      members.emplace(std::make_pair(slot, start), member);
    }
  }
  std::vector<MemberLife> result;
  for (auto& [slot_start, member] : members) result.push_back(member);
  return result;
}

}  // namespace seedgen

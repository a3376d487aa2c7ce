// asg_model.h: autoscaling groups over time. A group carries a load that follows the week, holidays and
// slow drift; a group with a target-tracking policy sizes itself to that load between its min and max,
// a group without one keeps the desired capacity it was given. Its members are the instances of slots
// 1..desired: each slot is refreshed every few weeks (a new instance), and a slot above the desired
// capacity is empty. All of it is computed for any day from the group's streams alone. Private to
// gen/model/ec2/.
#pragma once

#include <cstdint>
#include <vector>

#include "model/ec2/ec2.h"
#include "model/ec2/instance_model.h"
#include "model/lives.h"

namespace seedgen {

// desired_on: the group's desired capacity during `day` (from its scaling hour to the next day's).
int desired_on(const World& world, const GroupLoad& group, int32_t day);
// member_cpu: the members' average CPU during `day` (the load spread over the desired capacity).
double member_cpu(const World& world, const GroupLoad& group, int32_t day);

// A member's life: slot and the day its instance started, and its life within the group.
struct MemberLife {
  int slot = 1;
  int32_t start_day = 0;
  Life life;
};

// members_during: every member alive at some moment of days [first_day, last_day], in (slot, start)
// order. A member started before first_day is found by walking back through its slot's days.
std::vector<MemberLife> members_during(const World& world, const GroupLoad& group, uint32_t account_index,
                                       int32_t first_day, int32_t last_day);

// member_coordinate: (group coordinate, slot, start day) packed in 54 bits, unique among the account's
// members: the key and instance id of a member derive from it.
uint64_t member_coordinate(const GroupLoad& group, int slot, int32_t start_day);

// draw_group: a group's columns and its load, from its life's stream.
AutoscalingGroup draw_group(const World& world, const AccountPlan& account, const TypePools& pools, const Life& life,
                            Rng& stream, GroupLoad& load);
// member_plan: the plan of one member of group `group_index`.
InstancePlan member_plan(const World& world, const AutoscalingGroup& group, const GroupLoad& load,
                         const MemberLife& member, int group_index);

// group_life_spec: the LifeSpec of autoscaling groups.
const LifeSpec& group_life_spec();

}  // namespace seedgen

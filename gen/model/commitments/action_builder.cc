// action_builder.cc: the optimization_actions history, about one action per 200 resources. Every action
// ended before as_of and none names planted waste, so the history is no copy of the answer key: completed
// right-sizes of healthy instances (from a larger type to today's) and gp2 -> gp3 moves of today's gp3
// volumes, and mistakes: right-sizes of healthy instances to a smaller type that were rolled back (the
// instance saturated) or failed (no capacity), leaving the instance at today's type. Every target is a real
// resource of the account, created before the action; the requesting client was in use at the time.
#include <algorithm>
#include <unordered_set>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "copy/json_text.h"
#include "core/calendar.h"
#include "model/commitments/commitment_builders.h"

namespace seedgen {
namespace {

constexpr int64_t kHour = 3600;

// Every draw of one action, made up front.
struct ActionDraws {
  double pick = 0, status = 0, age = 0, progress = 0, after = 0, client = 0, client_pick = 0, realized = 0;
};

ActionDraws draw_action(Rng& rng) {
  ActionDraws draws;
  for (double* value : {&draws.pick, &draws.status, &draws.age, &draws.progress, &draws.after,
                        &draws.client, &draws.client_pick, &draws.realized}) {
    *value = rng.unit();
  }
  return draws;
}

size_t pick_index(double pick, size_t count) {
  return std::min(count - 1, static_cast<size_t>(std::floor(pick * static_cast<double>(count))));
}

// sibling: the type of the same family next in price above (`larger`) or below `current`, or null.
const InstanceType* sibling(const Catalog& catalog, std::string_view current, bool larger) {
  const InstanceType* now = nullptr;
  for (const InstanceType& type : catalog.instance_types) {
    if (type.name == current) now = &type;
  }
  if (now == nullptr) return nullptr;
  const InstanceType* next = nullptr;
  for (const InstanceType& type : catalog.instance_types) {
    const bool beyond = larger ? type.hourly_usd > now->hourly_usd : type.hourly_usd < now->hourly_usd;
    const bool closer = next == nullptr || (larger ? type.hourly_usd < next->hourly_usd : type.hourly_usd > next->hourly_usd);
    if (type.family == now->family && beyond && closer) next = &type;
  }
  return next;
}

// PastActionTargets: the healthy (unplanted) running instances with a larger sibling and gp3 volumes of
// the account, collected once per account.
struct PastActionTargets {
  std::vector<const Instance*> instances;
  std::vector<const Volume*> volumes;
};

PastActionTargets past_action_targets(const World& world, const AccountModel& model) {
  std::unordered_set<std::string_view> planted;
  for (const PlantedWaste& waste : model.planted) planted.insert(waste.resource_id);
  PastActionTargets targets;
  for (const Instance& instance : model.ec2.instances) {
    if (instance.state == "running" && planted.count(instance.core.resource_id) == 0 &&
        sibling(*world.catalog, instance.instance_type, true) != nullptr) {
      targets.instances.push_back(&instance);
    }
  }
  for (const Volume& volume : model.storage.volumes) {
    if (volume.volume_type == "gp3" && planted.count(volume.core.resource_id) == 0) targets.volumes.push_back(&volume);
  }
  return targets;
}

// resize_action: a right-size of a healthy instance. Completed, it went from the larger sibling to today's
// type; a mistake (rolled back or failed) tried today's type's smaller sibling, so the instance kept its type.
void resize_action(const World& world, const Instance& instance, OptimizationAction& action, JsonText& details) {
  const Catalog& catalog = *world.catalog;
  const InstanceType* smaller = sibling(catalog, instance.instance_type, false);
  if (smaller == nullptr) action.status = "completed";   // no smaller type to get wrong
  const bool completed = action.status == "completed";
  const InstanceType& today = catalog.instance_type(instance.instance_type);
  const InstanceType& from = completed ? *sibling(catalog, instance.instance_type, true) : today;
  const InstanceType& to = completed ? today : *smaller;
  action.resource_type = resource_type_name(ResourceType::kInstance);
  action.action_type = "resize";
  action.estimated_monthly_savings = regional_price(world, instance.core.region, from.hourly_usd - to.hourly_usd) * kHoursPerMonth;
  details.string("from", from.name).string("to", to.name);
  if (action.status == "rolled_back") details.string("error", "CPU saturated at the smaller type; rolled back");
  if (action.status == "failed") details.string("error", "InsufficientInstanceCapacity");
}

// past_action: a finished change of a healthy instance (resize) or of a gp3 volume (from gp2, completed).
bool past_action(const World& world, const PastActionTargets& targets, const ActionDraws& draws,
                 OptimizationAction& action, const ResourceCore*& target) {
  const auto& instances = targets.instances;
  const auto& volumes = targets.volumes;
  const size_t total = instances.size() + volumes.size();
  if (total == 0) return false;
  const size_t chosen = pick_index(draws.pick, total);
  action.status = draws.status < 0.7 ? "completed" : draws.status < 0.85 ? "rolled_back" : "failed";
  JsonText details;
  if (chosen < instances.size()) {
    resize_action(world, *instances[chosen], action, details);
    target = &instances[chosen]->core;
  } else {
    const Volume& volume = *volumes[chosen - instances.size()];
    action.resource_type = resource_type_name(ResourceType::kVolume);
    action.action_type = "modify_volume_type";
    action.status = "completed";   // the volume is gp3 today
    action.estimated_monthly_savings =
        regional_price(world, volume.core.region,
                       (world.catalog->unit_price("ebs.gp2.gb_month") - world.catalog->unit_price("ebs.gp3.gb_month")) *
                           volume.size_gib);
    details.string("from", "gp2").string("to", "gp3").integer("size_gib", volume.size_gib);
    target = &volume.core;
  }
  action.resource_id = target->resource_id;
  action.realized_monthly_savings =
      action.status == "completed" ? action.estimated_monthly_savings * (0.8 + 0.25 * draws.realized) : 0.0;
  action.details_json = details.finish();
  return true;
}

// set_times: created after the target (within the last 120 days), then applied (completed, rolled back) and
// updated in order, all before as_of; a failed action was never applied.
void set_times(const World& world, const ActionDraws& draws, const ResourceCore& target, OptimizationAction& action) {
  const int64_t latest = world.as_of_seconds() - kHour;
  const int64_t earliest = std::min(latest, std::max(target.created_at + kHour, latest - 120 * kSecondsPerDay));
  action.created_at = latest - static_cast<int64_t>(draws.age * static_cast<double>(latest - earliest));
  const int64_t room = world.as_of_seconds() - action.created_at;
  const auto part = [](int64_t span, double share) { return static_cast<int64_t>(share * static_cast<double>(span)); };
  action.updated_at = action.created_at;
  if (action.status == "completed" || action.status == "rolled_back") {
    action.applied_at = action.created_at + part(room / 2, draws.progress);
    action.updated_at = action.applied_at;
    if (action.status == "rolled_back") {
      action.updated_at += part(world.as_of_seconds() - action.applied_at, draws.after);
    }
  } else {
    action.updated_at += part(room / 4, draws.progress);
  }
}

// pick_client: an API client that existed and was still in use when the action was created, or -1.
int pick_client(const AccountModel& model, const ActionDraws& draws, int64_t created_at) {
  if (draws.client >= 0.7) return -1;
  std::vector<int> eligible;
  const auto& clients = model.commitments.api_clients;
  for (size_t index = 0; index < clients.size(); ++index) {
    if (clients[index].created_at <= created_at && clients[index].last_used_at >= created_at) {
      eligible.push_back(static_cast<int>(index));
    }
  }
  return eligible.empty() ? -1 : eligible[pick_index(draws.client_pick, eligible.size())];
}

}  // namespace

void build_optimization_actions(const World& world, AccountModel& model) {
  const AccountPlan& account = *model.account;
  const int64_t resources = account.total_resources();
  const int64_t count = resources > 0 ? 1 + resources / 200 : 0;
  const PastActionTargets targets = past_action_targets(world, model);
  for (int64_t index = 0; index < count; ++index) {
    const uint64_t key = entity_key(account.index, "optimization_action", static_cast<uint64_t>(index));
    Rng rng(world.seed(), "optimization_actions", key);
    const ActionDraws draws = draw_action(rng);
    OptimizationAction action;
    const ResourceCore* target = nullptr;
    if (!past_action(world, targets, draws, action, target)) continue;
    action.id = Uuid::from_key(world.seed(), "optimization_actions", key);
    set_times(world, draws, *target, action);
    action.client_index = pick_client(model, draws, action.created_at);
    model.commitments.optimization_actions.push_back(std::move(action));
  }
}

}  // namespace seedgen

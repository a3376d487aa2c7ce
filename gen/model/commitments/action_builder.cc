// action_builder.cc: the optimization_actions audit trail, about one action per 200 resources. Open actions
// (proposed, simulated, failed) target resources planted with waste and estimate its saving; past actions
// (applied, rolled_back) right-sized an instance or moved a gp2 volume to gp3. Every target is a real
// resource of the account, created before the action; the requesting client was in use at the time.
#include <algorithm>
#include <unordered_set>
#include <array>
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

struct PatternAction {
  Pattern pattern;
  const char* action_type;
  const char* reason;
};

constexpr std::array<PatternAction, 25> kPatternActions = {{
    {Pattern::kEc2Idle, "stop", "low CPU and network for 14 days"},
    {Pattern::kEc2Idle4of14, "schedule", "idle on several of the last 14 days"},
    {Pattern::kEc2Oversized, "rightsize", "average CPU below 20 percent"},
    {Pattern::kGpuIdle, "stop", "GPU instance without recent activity"},
    {Pattern::kEc2Stopped30d, "terminate", "stopped for more than 30 days"},
    {Pattern::kNonprod24x7, "schedule", "non-production running around the clock"},
    {Pattern::kEc2PrevGen, "resize", "previous-generation instance type"},
    {Pattern::kEc2UncommittedSteady, "purchase_commitment", "steady on-demand usage"},
    {Pattern::kAsgOverprovisioned, "resize", "group members mostly idle"},
    {Pattern::kContainerIdle, "terminate", "container node without load"},
    {Pattern::kLambdaIdleProvisioned, "other", "provisioned concurrency unused"},
    {Pattern::kEbsUnattached, "delete", "volume unattached for more than 30 days"},
    {Pattern::kEbsGp2, "modify_volume_type", "gp3 is cheaper than gp2"},
    {Pattern::kEbsPiopsOverprovisioned, "modify_volume_type", "provisioned IOPS far above use"},
    {Pattern::kSnapshotStale, "delete_snapshot", "old or orphaned snapshot"},
    {Pattern::kS3ColdNoLifecycle, "add_lifecycle", "cold data in Standard without lifecycle"},
    {Pattern::kEipUnassociated, "release", "address not associated with a running instance"},
    {Pattern::kLbIdle, "delete", "load balancer without traffic"},
    {Pattern::kRdsIdle, "stop", "no connections for 7 days"},
    {Pattern::kRdsOversized, "rightsize", "low CPU with few connections"},
    {Pattern::kCacheUnderutilized, "rightsize", "low CPU and memory"},
    {Pattern::kManagedServiceIdle, "stop", "managed service without load"},
    {Pattern::kStreamingOverprovisioned, "resize", "throughput far below provisioned"},
    {Pattern::kLogsNoRetention, "set_retention", "log group never expires"},
    {Pattern::kTransferAvoidable, "other", "avoidable data transfer"},
}};

const PatternAction* action_for(Pattern pattern) {
  for (const PatternAction& action : kPatternActions) {
    if (action.pattern == pattern) return &action;
  }
  return nullptr;
}

template <typename Entity>
const ResourceCore* find_in(const std::vector<Entity>& entities, std::string_view resource_id) {
  for (const Entity& entity : entities) {
    if (entity.core.resource_id == resource_id) return &entity.core;
  }
  return nullptr;
}

// find_core: the resource a planted_waste entry names, or null when it is not a resource of the 14 types.
const ResourceCore* find_core(const AccountModel& model, ResourceType type, std::string_view id) {
  const auto& storage = model.storage;
  const auto& platform = model.platform;
  switch (type) {
    case ResourceType::kInstance: return find_in(model.ec2.instances, id);
    case ResourceType::kVolume: return find_in(storage.volumes, id);
    case ResourceType::kSnapshot: return find_in(storage.snapshots, id);
    case ResourceType::kS3Bucket: return find_in(storage.buckets, id);
    case ResourceType::kRdsInstance: return find_in(platform.rds_instances, id);
    case ResourceType::kCacheCluster: return find_in(platform.cache_clusters, id);
    case ResourceType::kLoadBalancer: return find_in(platform.load_balancers, id);
    case ResourceType::kElasticIp: return find_in(platform.elastic_ips, id);
    case ResourceType::kLambdaFunction: return find_in(model.containers.lambda_functions, id);
    case ResourceType::kContainerCluster: return find_in(model.containers.container_clusters, id);
    case ResourceType::kContainerNode: return find_in(model.containers.container_nodes, id);
    case ResourceType::kStreamingCluster: return find_in(platform.streaming_clusters, id);
    case ResourceType::kManagedService: return find_in(platform.managed_services, id);
    case ResourceType::kLogGroup: return find_in(platform.log_groups, id);
    case ResourceType::kContainerService:
    case ResourceType::kDataTransfer:
    case ResourceType::kCommitment:
    case ResourceType::kAutoscalingGroup: return nullptr;   // answer-key subjects, not resources
  }
  return nullptr;
}

// Every draw of one action, made up front.
struct ActionDraws {
  double mode = 0, pick = 0, status = 0, age = 0, progress = 0, after = 0, client = 0, client_pick = 0, realized = 0;
};

ActionDraws draw_action(Rng& rng) {
  ActionDraws draws;
  for (double* value : {&draws.mode, &draws.pick, &draws.status, &draws.age, &draws.progress, &draws.after,
                        &draws.client, &draws.client_pick, &draws.realized}) {
    *value = rng.unit();
  }
  return draws;
}

size_t pick_index(double pick, size_t count) {
  return std::min(count - 1, static_cast<size_t>(std::floor(pick * static_cast<double>(count))));
}

// open_action: a proposed, simulated or failed action against a planted resource; false when none fits.
bool open_action(const AccountModel& model, const ActionDraws& draws, OptimizationAction& action,
                 const ResourceCore*& target) {
  std::vector<const PlantedWaste*> candidates;
  for (const PlantedWaste& waste : model.planted) {
    if (action_for(waste.pattern) != nullptr) candidates.push_back(&waste);
  }
  if (candidates.empty()) return false;
  const PlantedWaste& waste = *candidates[pick_index(draws.pick, candidates.size())];
  target = find_core(model, waste.resource_type, waste.resource_id);
  if (target == nullptr) return false;
  const PatternAction& kind = *action_for(waste.pattern);
  action.resource_type = resource_type_name(waste.resource_type);
  action.resource_id = waste.resource_id;
  action.action_type = kind.action_type;
  action.status = draws.status < 0.6 ? "proposed" : draws.status < 0.9 ? "simulated" : "failed";
  action.estimated_monthly_savings = waste.estimated_monthly_savings;
  JsonText details;
  details.string("reason", kind.reason);
  if (action.action_type == "modify_volume_type") details.string("to", "gp3");
  action.details_json = details.finish();
  return true;
}

// larger_sibling: the cheapest type of the same family that costs more than `current`, or null.
const InstanceType* larger_sibling(const Catalog& catalog, std::string_view current) {
  const InstanceType* now = nullptr;
  for (const InstanceType& type : catalog.instance_types) {
    if (type.name == current) now = &type;
  }
  if (now == nullptr) return nullptr;
  const InstanceType* larger = nullptr;
  for (const InstanceType& type : catalog.instance_types) {
    if (type.family == now->family && type.hourly_usd > now->hourly_usd &&
        (larger == nullptr || type.hourly_usd < larger->hourly_usd)) {
      larger = &type;
    }
  }
  return larger;
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
        larger_sibling(*world.catalog, instance.instance_type) != nullptr) {
      targets.instances.push_back(&instance);
    }
  }
  for (const Volume& volume : model.storage.volumes) {
    if (volume.volume_type == "gp3" && planted.count(volume.core.resource_id) == 0) targets.volumes.push_back(&volume);
  }
  return targets;
}

// past_action: an applied or rolled-back change of a healthy instance (right-size) or gp3 volume (from gp2).
bool past_action(const World& world, const PastActionTargets& targets, const ActionDraws& draws,
                 OptimizationAction& action, const ResourceCore*& target) {
  const auto& instances = targets.instances;
  const auto& volumes = targets.volumes;
  const size_t total = instances.size() + volumes.size();
  if (total == 0) return false;
  const size_t chosen = pick_index(draws.pick, total);
  JsonText details;
  if (chosen < instances.size()) {
    const Instance& instance = *instances[chosen];
    const InstanceType& from = *larger_sibling(*world.catalog, instance.instance_type);
    const double current = world.catalog->instance_type(instance.instance_type).hourly_usd;
    action.resource_type = resource_type_name(ResourceType::kInstance);
    action.action_type = "rightsize";
    action.estimated_monthly_savings =
        regional_price(world, instance.core.region, from.hourly_usd - current) * kHoursPerMonth;
    details.string("from", from.name).string("to", instance.instance_type);
    target = &instance.core;
  } else {
    const Volume& volume = *volumes[chosen - instances.size()];
    action.resource_type = resource_type_name(ResourceType::kVolume);
    action.action_type = "modify_volume_type";
    action.estimated_monthly_savings =
        regional_price(world, volume.core.region,
                       (world.catalog->unit_price("ebs.gp2.gb_month") - world.catalog->unit_price("ebs.gp3.gb_month")) *
                           volume.size_gib);
    details.string("from", "gp2").string("to", "gp3").integer("size_gib", volume.size_gib);
    target = &volume.core;
  }
  action.resource_id = target->resource_id;
  action.status = draws.status < 0.8 ? "applied" : "rolled_back";
  action.realized_monthly_savings =
      action.status == "applied" ? action.estimated_monthly_savings * (0.8 + 0.25 * draws.realized) : 0.0;
  action.details_json = details.finish();
  return true;
}

// set_times: created after the target (within the last 120 days), then applied / updated in order, all
// no later than as_of.
void set_times(const World& world, const ActionDraws& draws, const ResourceCore& target, OptimizationAction& action) {
  const int64_t latest = world.as_of_seconds() - kHour;
  const int64_t earliest = std::min(latest, std::max(target.created_at + kHour, latest - 120 * kSecondsPerDay));
  action.created_at = latest - static_cast<int64_t>(draws.age * static_cast<double>(latest - earliest));
  const int64_t room = world.as_of_seconds() - action.created_at;
  const auto part = [](int64_t span, double share) { return static_cast<int64_t>(share * static_cast<double>(span)); };
  action.updated_at = action.created_at;
  if (action.status == "applied" || action.status == "rolled_back") {
    action.applied_at = action.created_at + part(room / 2, draws.progress);
    action.updated_at = action.applied_at;
    if (action.status == "rolled_back") {
      action.updated_at += part(world.as_of_seconds() - action.applied_at, draws.after);
    }
  } else if (action.status != "proposed") {
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
    const bool prefer_open = draws.mode < 0.6;
    const bool made = prefer_open ? open_action(model, draws, action, target) ||
                                        past_action(world, targets, draws, action, target)
                                  : past_action(world, targets, draws, action, target) ||
                                        open_action(model, draws, action, target);
    if (!made) continue;
    action.id = Uuid::from_key(world.seed(), "optimization_actions", key);
    set_times(world, draws, *target, action);
    action.client_index = pick_client(model, draws, action.created_at);
    model.commitments.optimization_actions.push_back(std::move(action));
  }
}

}  // namespace seedgen

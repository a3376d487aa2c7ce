// snapshot_builder.cc: the EBS snapshots of one account on the as_of day, as lives (docs/MODEL.md):
// - policy backups: a share of volumes is backed up by a lifecycle policy ("daily-7": one snapshot a day
//   kept 7 days; "weekly-4": one a week kept 4 weeks), so a policy snapshot is never older than its label;
// - manual snapshots: lives of their own (taken before a change, a migration, a hand-off) with
//   heavy-tailed lifetimes; their source is a volume that existed when they were taken, or one deleted
//   since (the snapshot outlived it), or none (a copy).
// Storage is incremental, as AWS bills it: the oldest snapshot of a policy chain holds the volume's used
// blocks, each later one the blocks changed since the previous; a manual snapshot holds the used blocks.
#include <algorithm>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/storage/storage_builders.h"
#include "model/tags.h"

namespace seedgen {
namespace {

constexpr double kManualShareOfSnapshots = 0.6;   // of the profile's expected snapshots (calibration)
constexpr double kPolicySnapshotsPerPolicy = 5.5; // mean retained snapshots of one policy (7 daily, 4 weekly)

const LifeSpec& manual_life_spec() {
  static const LifeSpec spec{"manual_snapshot", {{0.25, 12, 1.0}, {0.25, 300, 0.9}}, 1095, 0.35, 0.3, 0.2, true};
  return spec;
}

// VolumesByAge: the account's volumes by the time they are in the fleet as such (created, or detached from
// their instance), so a snapshot picks among those that existed.
class VolumesByAge {
 public:
  explicit VolumesByAge(const std::vector<Volume>& volumes) {
    for (const Volume& volume : volumes) order_.push_back(&volume);
    std::stable_sort(order_.begin(), order_.end(), [](const Volume* a, const Volume* b) { return since(*a) < since(*b); });
  }
  // pick: a volume that existed at `time`, the same one every day it still exists (stable_pick).
  const Volume* pick(int64_t time, uint64_t draw) const {
    const auto end = std::upper_bound(order_.begin(), order_.end(), time,
                                      [](int64_t at, const Volume* volume) { return at < since(*volume); });
    const auto existing = static_cast<size_t>(end - order_.begin());
    const size_t chosen = stable_pick(draw, existing, [&](size_t i) { return order_[i]->key; });
    return chosen == existing ? nullptr : order_[chosen];
  }

 private:
  static int64_t since(const Volume& volume) { return std::max(volume.core.created_at, volume.detached_at); }
  std::vector<const Volume*> order_;
};

// snapshot_cost: the monthly cost of the GB a snapshot holds (at least 0.05 GB: its metadata and the
// blocks no change skips).
double snapshot_cost(const World& world, std::string_view region, double stored_gb) {
  return round4(std::max(0.05, stored_gb) * world.catalog->price("snapshot.gb_month", region));
}

Snapshot make_snapshot(const World& world, const AccountModel& model, uint64_t key, int64_t created_at,
                       std::string_view region, std::string_view env, std::string name) {
  Snapshot snapshot;
  snapshot.key = key;
  snapshot.core.id = Uuid::from_key(world.seed(), "snapshots", key);
  Rng id_rng(world.seed(), "snapshot_id", key);
  snapshot.core.resource_id = aws_id(id_rng, "snap-", 17);
  snapshot.core.created_at = created_at;
  snapshot.core.region = region;
  snapshot.core.env = env;
  Rng tag_rng(world.seed(), "snapshot_tags", key);
  snapshot.core.tags = draw_tags(tag_rng, world, *model.account, TagSubject{name, env, "", "", false});
  return snapshot;
}

// PolicyPlan: a volume's backup policy, its hour of day, used share and daily change rate.
struct PolicyPlan {
  std::string label;   // "" = none
  int64_t second_of_day = 0;
  double used_share = 0.6, change_per_day = 0.01;
  int weekday = 0;
};

PolicyPlan policy_of(const Volume& volume, const World& world, double policy_rate) {
  Rng stream(world.seed(), "volume_backup_policy", volume.key);
  const double draw = stream.unit();
  PolicyPlan plan;
  plan.second_of_day = 3600 + stream.below(4 * 3600);
  plan.used_share = stream.uniform(0.3, 0.9);
  plan.change_per_day = stream.lognormal(0.01, 0.7);
  plan.weekday = static_cast<int>(stream.below(7));
  const double rate = policy_rate * (is_prod(volume.core.env) ? 1.5 : 0.5);
  if (draw < rate * 0.45) plan.label = "daily-7";
  else if (draw < rate) plan.label = "weekly-4";
  return plan;
}

// build_policy_snapshots: the retained snapshots of a volume's policy, oldest first.
void build_policy_snapshots(const World& world, AccountModel& model, const Volume& volume, const PolicyPlan& plan) {
  const bool daily = plan.label == "daily-7";
  const int retained = daily ? 7 : 4, step = daily ? 1 : 7;
  int32_t last = world.as_of_day();
  if (!daily) last -= ((weekday(last) - plan.weekday) % 7 + 7) % 7;
  const int64_t until = world.snapshot_time();
  int32_t previous = 0;
  for (int index = retained - 1; index >= 0; --index) {
    const int32_t day = last - index * step;
    const int64_t at = static_cast<int64_t>(day) * kSecondsPerDay + plan.second_of_day;
    if (at <= volume.core.created_at || at >= until) continue;
    const uint64_t key = mix64(volume.key ^ mix64(name_hash("policy_snapshot") + static_cast<uint64_t>(day)));
    Snapshot snapshot = make_snapshot(world, model, key, at, volume.core.region, volume.core.env,
                                      "backup-" + volume.core.resource_id);
    snapshot.source_volume_id = volume.core.resource_id;
    snapshot.size_gib = volume.size_gib;
    snapshot.retention_policy = plan.label;
    const double used = volume.size_gib * plan.used_share;
    const double stored = previous == 0 ? used : used * std::min(1.0, plan.change_per_day * (day - previous));
    snapshot.monthly_cost = snapshot_cost(world, snapshot.core.region, stored);
    previous = day;
    model.storage.snapshots.push_back(std::move(snapshot));
  }
}

Snapshot manual_snapshot(const World& world, const AccountModel& model, const VolumesByAge& volumes,
                         const BirthProcess& births, const Life& life) {
  const AccountPlan& account = *model.account;
  Rng stream = births.life_stream(life);
  const double source_draw = stream.unit(), used_share = stream.uniform(0.3, 0.9);
  stream.next();   // was the volume draw; kept so the draws after it stay as they were
  const double drawn_size = stream.lognormal(80, 1.2);
  std::vector<double> env_weights;
  for (const auto& env : account.envs) env_weights.push_back(env.second);
  const std::string_view region = account.regions[stream.weighted(account.region_weights)];
  const std::string_view env = account.envs[stream.weighted(env_weights)].first;
  Rng deleted_rng(world.seed(), "deleted_volume_id", life.key);
  std::string deleted_volume = aws_id(deleted_rng, "vol-", 17);
  // 3 % are copies (no source); a third outlived their volume; the others point at a volume that existed
  // when they were taken (when the account has one).
  const Volume* source = source_draw >= 0.36 ? volumes.pick(life.born_at, life.key) : nullptr;
  const std::string name = source != nullptr ? "manual-" + source->core.resource_id : "manual-" + std::to_string(life.key % 100000);
  Snapshot snapshot = make_snapshot(world, model, life.key, life.born_at, source ? source->core.region : region,
                                    source ? source->core.env : env, name);
  if (source != nullptr) {
    snapshot.source_volume_id = source->core.resource_id;
    snapshot.size_gib = source->size_gib;
  } else {
    if (source_draw >= 0.03) snapshot.source_volume_id = std::move(deleted_volume);
    snapshot.size_gib = std::clamp(static_cast<int>(std::lround(drawn_size)), 1, 16384);
  }
  snapshot.monthly_cost = snapshot_cost(world, snapshot.core.region, snapshot.size_gib * used_share);
  return snapshot;
}

}  // namespace

void build_snapshots(const World& world, AccountModel& model) {
  const AccountPlan& account = *model.account;
  const double expected = account.expected[static_cast<size_t>(ResourceType::kSnapshot)];
  const double volumes = std::max(1.0, account.expected[static_cast<size_t>(ResourceType::kVolume)]);
  const double policy_rate = std::min(0.9, (1 - kManualShareOfSnapshots) * expected / (volumes * kPolicySnapshotsPerPolicy));
  const size_t volume_count = model.storage.volumes.size();
  for (size_t index = 0; index < volume_count; ++index) {
    const Volume& volume = model.storage.volumes[index];
    const PolicyPlan plan = policy_of(volume, world, policy_rate);
    if (!plan.label.empty()) build_policy_snapshots(world, model, volume, plan);
  }
  if (expected > 0) {
    const VolumesByAge by_age(model.storage.volumes);
    const BirthProcess births(world, account, manual_life_spec(), kManualShareOfSnapshots * expected);
    for (const Life& life : births.lives_at(world.snapshot_time() - 1)) {
      model.storage.snapshots.push_back(manual_snapshot(world, model, by_age, births, life));
    }
  }
  for (const Snapshot& snapshot : model.storage.snapshots) add_monthly_cost(model, snapshot.monthly_cost);
}

}  // namespace seedgen

// snapshot_builder.cc: the EBS snapshots of one account: of the account's volumes, of volumes deleted since
// (source_volume_id names no volume: orphaned) or with no source at all (copies). Ages spread over three
// years; retention policies agree with the age (a 'daily-7' snapshot is never older than 7 days).
// Rule of snapshot_stale (docs/data/storage.md): created_at < as_of - 90 days.
#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "model/storage/storage_builders.h"
#include "model/storage/storage_series.h"

namespace seedgen {
namespace {

constexpr Pattern kStale = Pattern::kSnapshotStale;
constexpr int kStaleDays = 90;

// age_in_days: planted snapshots are 91 days .. 3 years old, near misses 75..89 days, the rest younger
// (skewed towards recent backups).
int age_in_days(Plant plant, double draw, int account_age_days) {
  if (plant == Plant::kWaste) {
    const int oldest = std::max(kStaleDays + 1, std::min(1095, account_age_days - 2));
    return kStaleDays + 1 + static_cast<int>((oldest - kStaleDays - 1) * draw);
  }
  if (plant == Plant::kNearMiss) return 75 + static_cast<int>(15 * draw);
  return static_cast<int>(75 * draw * draw);
}

// retention_for: a policy that still keeps a snapshot of this age, or none.
std::string retention_for(int age_days, double draw) {
  if (age_days <= 7) {
    if (draw < 0.40) return "daily-7";
    if (draw < 0.55) return "weekly-4";
    if (draw < 0.70) return "monthly-12";
    return "";
  }
  if (age_days <= 28) {
    if (draw < 0.30) return "weekly-4";
    if (draw < 0.55) return "monthly-12";
    return "";
  }
  if (age_days <= 365) return draw < 0.35 ? "monthly-12" : "";
  return draw < 0.15 ? "yearly-7" : "";
}

// VolumesByAge: the account's volumes ordered by creation time, so a snapshot can pick among the volumes
// that existed when it was taken.
class VolumesByAge {
 public:
  explicit VolumesByAge(const std::vector<Volume>& volumes) {
    order_.reserve(volumes.size());
    for (const Volume& volume : volumes) order_.push_back(&volume);
    std::stable_sort(order_.begin(), order_.end(),
                     [](const Volume* a, const Volume* b) { return a->core.created_at < b->core.created_at; });
  }

  // pick: one of the volumes created at or before `created_at`, chosen by `draw`; nullptr when none.
  const Volume* pick(int64_t created_at, uint32_t draw) const {
    const auto end = std::upper_bound(order_.begin(), order_.end(), created_at,
                                      [](int64_t time, const Volume* volume) { return time < volume->core.created_at; });
    const auto existing = static_cast<uint32_t>(end - order_.begin());
    return existing == 0 ? nullptr : order_[draw % existing];
  }

 private:
  std::vector<const Volume*> order_;
};

Snapshot build_snapshot(const World& world, AccountModel& model, const VolumesByAge& volumes, uint64_t key) {
  Rng rng(world.seed(), "snapshots", key);
  std::string snapshot_id = aws_id(rng, "snap-", 17);
  Snapshot snapshot;
  snapshot.key = key;
  snapshot.core = core_for(rng, world, "snapshots", key, std::move(snapshot_id), 0, 1);
  const Plant plant = decide_plant(rng, world, kStale);
  const double age_draw = rng.unit();
  const int64_t second_of_day = rng.below(86400);
  const double source_draw = rng.unit();
  std::string deleted_volume_id = aws_id(rng, "vol-", 17);
  const uint32_t volume_draw = rng.next();
  const double drawn_size = rng.lognormal(80, 1.2);
  const double retention_draw = rng.unit();

  const int64_t as_of = world.as_of_seconds();
  const int account_age_days = static_cast<int>((as_of - model.account->created_at) / kSecondsPerDay);
  const int age_days = age_in_days(plant, age_draw, account_age_days);
  snapshot.core.created_at = as_of - static_cast<int64_t>(age_days) * kSecondsPerDay - second_of_day;

  // Orphans (the source volume was deleted) are mostly old: ~25 % of stale snapshots, ~8 % of the rest,
  // plus the old snapshots that predate every volume the account still has.
  const double orphan_share = plant == Plant::kWaste ? 0.25 : 0.08;
  const Volume* source = nullptr;
  if (source_draw >= orphan_share + 0.03) source = volumes.pick(snapshot.core.created_at, volume_draw);
  if (source != nullptr) {
    snapshot.source_volume_id = source->core.resource_id;
    snapshot.core.region = source->core.region;
    snapshot.core.env = source->core.env;
    snapshot.size_gib = source->size_gib;
  } else {
    if (source_draw >= 0.03) snapshot.source_volume_id = std::move(deleted_volume_id);
    snapshot.size_gib = std::clamp(static_cast<int>(std::lround(drawn_size)), 1, 16384);
  }
  snapshot.retention_policy = retention_for(age_days, retention_draw);
  const double usd = snapshot.size_gib * world.catalog->unit_price("snapshot.gb_month");
  snapshot.monthly_cost = round4(regional_price(world, snapshot.core.region, usd));
  const std::string name = snapshot.source_volume_id.empty() ? "copy-" + snapshot.core.resource_id.substr(5, 6)
                                                             : "backup-" + snapshot.source_volume_id;
  snapshot.core.tags = draw_tags(rng, world, snapshot.core.env, name);
  if (plant == Plant::kWaste) {
    record_waste(model, ResourceType::kSnapshot, snapshot.core.resource_id, kStale, snapshot.monthly_cost);
  }
  return snapshot;
}

}  // namespace

void build_snapshots(const World& world, AccountModel& model) {
  const AccountPlan& account = *model.account;
  const auto count = static_cast<size_t>(account.counts[static_cast<size_t>(ResourceType::kSnapshot)]);
  model.storage.snapshots.reserve(count);
  const VolumesByAge volumes(model.storage.volumes);
  for (size_t index = 0; index < count; ++index) {
    Snapshot snapshot = build_snapshot(world, model, volumes, entity_key(account.index, "snapshot", index));
    add_monthly_cost(model, snapshot.monthly_cost);
    model.storage.snapshots.push_back(std::move(snapshot));
  }
}

}  // namespace seedgen

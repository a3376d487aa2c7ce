// volume_builder.cc: the EBS volumes of one account on the as_of day, as lives (docs/MODEL.md):
// - every instance that still exists has a root volume, created with it, and a few data volumes drawn
//   from the instance's own stream (docs/data/storage.md gives the distributions);
// - detached volumes are lives of their own: each is born when it was detached (its instance gone or the
//   volume detached by hand) and dies when someone deletes it, with heavy-tailed lifetimes, so the time
//   since detachment is continuous across the 30-day threshold.
// Types follow the era a volume was created in (gp2 was the default before gp3 arrived in December 2020);
// io1/io2 get provisioned IOPS and a use level drawn on their own. The findings are evaluated on the
// stored values by evaluate_storage_rules (storage_rules.cc), not decided here.
#include <algorithm>
#include <climits>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/natural_ids.h"
#include "model/storage/storage_builders.h"
#include "model/storage/storage_series.h"
#include "model/tags.h"

namespace seedgen {
namespace {

constexpr int32_t kGp3LaunchDay = days_from_civil({2020, 12, 1});
constexpr double kDetachedShareOfVolumes = 0.17;   // detached volumes alive, of all volumes (calibration)
constexpr int kMaxDataVolumes = 6;

// The life of a detached volume: many are deleted within days, a third linger for months, some forever.
const LifeSpec& detached_life_spec() {
  static const LifeSpec spec{"detached_volume",
                             {{0.45, 5, 1.2}, {0.35, 75, 1.0}},
                             1500, 0.35, 0.3, 0.2, true};
  return spec;
}

int rounded_iops(double value) { return static_cast<int>(std::lround(value / 100.0)) * 100; }

// gp2_share: the chance that a volume created on `day` is gp2: the default until gp3 launched, and still
// common afterwards through old launch templates and AMIs.
double gp2_share(int32_t day) { return day < kGp3LaunchDay ? 0.8 : 0.32; }

// VolumeShape: what a volume's life holds besides its times and attachment.
struct VolumeShape {
  std::string volume_type;
  int size_gib = 8;
  int provisioned_iops = 0;
  double level = 0;          // typical weekday peak IOPS
};

// draw_shape: type, size and I/O level. Every branch takes the same draws, so a volume's other draws do
// not depend on its type.
VolumeShape draw_shape(Rng& stream, bool root, int root_gib, int32_t created_day) {
  const double type_draw = stream.unit(), io2_draw = stream.unit(), throughput_draw = stream.unit();
  const double size = root ? static_cast<double>(root_gib) : stream.lognormal(120, 1.3);
  const double provisioned = stream.lognormal(5000, 0.7);
  const double use = stream.lognormal(0.35, 1.0);
  const double general_level = stream.lognormal(root ? 60 : 250, 1.2);
  VolumeShape shape;
  const double io_share = root ? 0.02 : 0.06;
  if (type_draw < io_share) {
    shape.volume_type = io2_draw < 0.3 ? "io2" : "io1";
    shape.provisioned_iops = std::clamp(rounded_iops(provisioned), 1000, 32000);
    shape.level = std::min(0.95, use) * shape.provisioned_iops;
  } else if (!root && throughput_draw < 0.04) {
    shape.volume_type = throughput_draw < 0.03 ? "st1" : "sc1";
    shape.level = general_level;
  } else {
    shape.volume_type = type_draw < io_share + gp2_share(created_day) * (1 - io_share) ? "gp2" : "gp3";
    shape.level = general_level;
  }
  shape.size_gib = std::clamp(static_cast<int>(std::lround(size)), 1, 16384);
  if (shape.volume_type == "st1" || shape.volume_type == "sc1") shape.size_gib = std::max(shape.size_gib, 125);
  if (shape.volume_type == "io1") shape.size_gib = std::max(shape.size_gib, (shape.provisioned_iops + 49) / 50);
  if (shape.volume_type == "io2") shape.size_gib = std::max(shape.size_gib, (shape.provisioned_iops + 499) / 500);
  return shape;
}

double volume_monthly_cost(const World& world, const Volume& volume) {
  const std::string prefix = "ebs." + volume.volume_type;
  double usd = volume.size_gib * world.catalog->price(prefix + ".gb_month", volume.core.region);
  if (volume.volume_type == "io1" || volume.volume_type == "io2") {
    usd += volume.provisioned_iops * world.catalog->price(prefix + ".iops_month", volume.core.region);
  }
  return round4(usd);
}

// make_volume: the columns every volume shares, from its key, shape and times.
Volume make_volume(const World& world, uint64_t key, const VolumeShape& shape, Rng& stream) {
  Volume volume;
  volume.key = key;
  volume.core.id = Uuid::from_key(world.seed(), "volumes", key);
  Rng id_rng(world.seed(), "volume_id", key);
  volume.core.resource_id = aws_id(id_rng, "vol-", 17);
  volume.volume_type = shape.volume_type;
  volume.size_gib = shape.size_gib;
  volume.provisioned_iops = volume_iops_limit(shape.volume_type, shape.size_gib, shape.provisioned_iops);
  // At most 75 % of the limit, so that even a day 1.25x busier stays under it: no pile of peaks exactly at
  // a provisioned figure (a spike an agent could read the threshold from).
  volume.daily_iops = std::min(shape.level, 0.75 * volume.provisioned_iops);
  volume.read_share = stream.uniform(0.45, 0.8);
  volume.io_size_kib = stream.uniform(8, 128);
  volume.weekend_factor = stream.uniform(0.35, 0.9);
  return volume;
}

int32_t host_active_until(const Instance& instance) {
  const int64_t stopped_at = instance.plan.stopped_at;
  return stopped_at == kNever ? INT32_MAX : static_cast<int32_t>(stopped_at / kSecondsPerDay);
}

// attached_volume: slot 0 is the root volume, created with the instance; data volumes are mostly created
// by the launch template too, some attached later in the instance's life.
Volume attached_volume(const World& world, const AccountModel& model, const Instance& instance, int slot) {
  const uint64_t key = mix64(instance.plan.life.key ^ mix64(name_hash("volume") + static_cast<uint64_t>(slot)));
  Rng stream(world.seed(), "attached_volume", key);
  const bool root = slot == 0;
  const double later_draw = stream.unit(), when_draw = stream.unit();
  int64_t created_at = instance.launch_time + 2 + static_cast<int64_t>(stream.below(25));
  const int64_t latest = std::min(world.snapshot_time() - 1, instance.plan.life.died_at - 1);
  if (!root && later_draw < 0.2 && latest > created_at) {
    created_at += static_cast<int64_t>(when_draw * static_cast<double>(latest - created_at));
  }
  created_at = std::min(created_at, latest);   // an instance launched in the last seconds of as_of
  const VolumeShape shape = draw_shape(stream, root, instance.root_volume_gib, static_cast<int32_t>(created_at / kSecondsPerDay));
  Volume volume = make_volume(world, key, shape, stream);
  volume.core.region = instance.core.region;
  volume.core.env = instance.core.env;
  volume.core.created_at = created_at;
  volume.state = "in-use";
  volume.attached_instance_id = instance.core.resource_id;
  volume.active_until_day = host_active_until(instance);
  if (instance.plan.scheduled) volume.weekend_factor = 0.05;
  volume.last_used_at = instance.state == "running" || instance.state == "pending"
                            ? std::max(created_at, world.snapshot_time() - 1 - static_cast<int64_t>(stream.below(3600)))
                            : std::max(created_at, instance.last_active_at);
  volume.updated_at = created_at;
  const std::string base = instance.name.empty() ? instance.core.resource_id : instance.name;
  Rng tag_rng(world.seed(), "volume_tags", key);
  volume.core.tags = draw_tags(tag_rng, world, *model.account, TagSubject{base + (root ? "-root" : "-data"), volume.core.env, "", "", false});
  return volume;
}

int data_volume_count(const World& world, const Instance& instance) {
  Rng stream(world.seed(), "data_volume_count", instance.plan.life.key);
  int count = 0;
  while (count < kMaxDataVolumes && stream.chance(count == 0 ? 0.45 : 0.35)) ++count;
  return count;
}

void build_attached(const World& world, AccountModel& model) {
  for (const Instance& instance : model.ec2.instances) {
    if (!instance.listed || instance.state == "terminated" || instance.state == "shutting-down") continue;
    const int volumes = 1 + data_volume_count(world, instance);
    for (int slot = 0; slot < volumes; ++slot) model.storage.volumes.push_back(attached_volume(world, model, instance, slot));
  }
}

// detached_volume: a life born at its detachment; it was created `attached_days` before that (never before
// the account) and has done no I/O since.
Volume detached_volume(const World& world, const AccountModel& model, const BirthProcess& births, const Life& life) {
  const AccountPlan& account = *model.account;
  Rng stream = births.life_stream(life);
  const double attached_days = stream.lognormal(150, 1.0);
  std::vector<double> env_weights;
  for (const auto& env : account.envs) env_weights.push_back(env.second);
  const std::string_view region = account.regions[stream.weighted(account.region_weights)];
  const std::string_view env = account.envs[stream.weighted(env_weights)].first;
  const int64_t created_at = std::max(storage_created_floor(model),
                                      life.born_at - static_cast<int64_t>(attached_days * kSecondsPerDay));
  const VolumeShape shape = draw_shape(stream, false, 0, static_cast<int32_t>(created_at / kSecondsPerDay));
  Volume volume = make_volume(world, life.key, shape, stream);
  volume.core.region = region;
  volume.core.env = env;
  volume.core.created_at = std::min(created_at, life.born_at);
  volume.detached_at = life.born_at;
  volume.state = "available";
  volume.last_used_at = life.born_at;
  volume.updated_at = life.born_at;
  volume.active_until_day = static_cast<int32_t>(life.born_at / kSecondsPerDay) - 1;
  Rng tag_rng(world.seed(), "volume_tags", life.key);
  volume.core.tags = draw_tags(tag_rng, world, account, TagSubject{"data-" + volume.core.resource_id.substr(4, 6), env, "", "", false});
  return volume;
}

void build_detached(const World& world, AccountModel& model) {
  const AccountPlan& account = *model.account;
  const double expected = account.expected[static_cast<size_t>(ResourceType::kVolume)] * kDetachedShareOfVolumes;
  if (expected <= 0) return;
  const BirthProcess births(world, account, detached_life_spec(), expected);
  for (const Life& life : births.lives_at(world.snapshot_time() - 1)) {
    model.storage.volumes.push_back(detached_volume(world, model, births, life));
  }
}

}  // namespace

void build_volumes(const World& world, AccountModel& model) {
  build_attached(world, model);
  build_detached(world, model);
  for (Volume& volume : model.storage.volumes) {
    volume.monthly_cost = volume_monthly_cost(world, volume);
    add_monthly_cost(model, volume.monthly_cost);
  }
}

}  // namespace seedgen

// volume_builder.cc: the EBS volumes of one account. Each volume first draws a fixed budget from its own
// stream; then the in-use ones are attached to the account's instances (one root volume per instance in
// order, the rest as data volumes of random instances) and every volume is shaped by its plant decisions.
// Rules and thresholds: docs/data/storage.md.
#include <algorithm>
#include <climits>
#include <cmath>
#include <vector>

#include "core/calendar.h"
#include "model/storage/storage_builders.h"
#include "model/storage/storage_series.h"

namespace seedgen {
namespace {

constexpr Pattern kUnattached = Pattern::kEbsUnattached;
constexpr Pattern kGp2 = Pattern::kEbsGp2;
constexpr Pattern kPiops = Pattern::kEbsPiopsOverprovisioned;

// The fixed draw budget of one volume, taken before its attachment is known.
struct VolumeDraws {
  ResourceCore core;
  Plant unattached = Plant::kNone, gp2 = Plant::kNone, piops = Plant::kNone;
  bool fresh_orphan = false;  // a kNone volume detached less than 20 days ago
  double type_draw = 0;
  bool io2 = false;
  double root_size = 8, data_size = 8;
  double provisioned_draw = 0, level_draw = 0, gp_level = 0;
  double detach_draw = 0, lifetime_days = 0, attach_draw = 0, updated_draw = 0;
  int64_t second_of_day = 0;
  double weekend_factor = 1, read_share = 0.6, io_size_kib = 32;
};

VolumeDraws draw_volume(const World& world, uint64_t key) {
  Rng rng(world.seed(), "volumes", key);
  VolumeDraws draws;
  std::string volume_id = aws_id(rng, "vol-", 17);
  draws.core = core_for(rng, world, "volumes", key, std::move(volume_id), 1, 900);
  draws.unattached = decide_plant(rng, world, kUnattached);
  draws.gp2 = decide_plant(rng, world, kGp2);
  draws.piops = decide_plant(rng, world, kPiops);
  draws.fresh_orphan = rng.chance(0.03);
  draws.type_draw = rng.unit();
  draws.io2 = rng.chance(0.3);
  draws.root_size = rng.lognormal(30, 0.6);
  draws.data_size = rng.lognormal(120, 1.3);
  draws.provisioned_draw = rng.unit();
  draws.level_draw = rng.unit();
  draws.gp_level = rng.lognormal(250, 1.2);
  draws.detach_draw = rng.unit();
  draws.lifetime_days = rng.lognormal(120, 0.9);
  draws.attach_draw = rng.unit();
  draws.updated_draw = rng.unit();
  draws.second_of_day = rng.below(86400);
  draws.weekend_factor = rng.uniform(0.35, 0.7);
  draws.read_share = rng.uniform(0.45, 0.8);
  draws.io_size_kib = rng.uniform(8, 128);
  return draws;
}

bool eligible_for_volumes(const Instance& instance) {
  return instance.state != "terminated" && instance.state != "shutting-down";
}

bool instance_running(const Instance& instance) { return instance.state == "running" || instance.state == "pending"; }

// Attachment: where an in-use volume hangs; instance == nullptr for available volumes.
struct Attachment {
  const Instance* instance = nullptr;
  bool root = false;
};

std::vector<Attachment> attach_volumes(const World& world, const AccountModel& model,
                                       const std::vector<VolumeDraws>& draws, const std::vector<uint64_t>& keys) {
  std::vector<const Instance*> eligible;
  for (const Instance& instance : model.ec2.instances) {
    if (eligible_for_volumes(instance)) eligible.push_back(&instance);
  }
  // Stopped instances get their root volumes first: ec2_stopped_30d's saving is that root volume, so it
  // must exist even when an account has fewer volumes than instances.
  std::stable_partition(eligible.begin(), eligible.end(),
                        [](const Instance* instance) { return instance->state == "stopped"; });
  std::vector<Attachment> attachments(draws.size());
  size_t next_root = 0;
  for (size_t index = 0; index < draws.size(); ++index) {
    const bool in_use = !eligible.empty() && draws[index].unattached == Plant::kNone && !draws[index].fresh_orphan;
    if (!in_use) continue;
    if (next_root < eligible.size()) {
      attachments[index] = Attachment{eligible[next_root++], true};
      continue;
    }
    Rng rng(world.seed(), "volume_attach", keys[index]);
    attachments[index] = Attachment{eligible[rng.below(static_cast<uint32_t>(eligible.size()))], false};
  }
  return attachments;
}

// VolumeKind: what a volume's I/O and type look like, from its plant decisions and attachment.
enum class VolumeKind { kGeneral, kGp2Planted, kPiopsPlanted, kPiopsNearMiss, kPiopsBusy };

VolumeKind kind_of(const VolumeDraws& draws, const Attachment& attachment) {
  if (attachment.instance == nullptr) return VolumeKind::kGeneral;
  const bool running = instance_running(*attachment.instance);
  // The root volume of a stopped instance is a plain gp3 volume: the compute domain's ec2_stopped_30d
  // saving is exactly its cost, so no storage pattern may claim part of it again.
  if (attachment.root && !running) return VolumeKind::kGeneral;
  if (draws.piops == Plant::kWaste) return VolumeKind::kPiopsPlanted;
  // io1/io2 that must show busy days sit only on running instances: a stopped one does no I/O.
  if (draws.piops == Plant::kNearMiss && running) return VolumeKind::kPiopsNearMiss;
  if (draws.gp2 == Plant::kWaste) return VolumeKind::kGp2Planted;
  if (draws.type_draw < 0.02 && running) return VolumeKind::kPiopsBusy;
  return VolumeKind::kGeneral;
}

int rounded_iops(double value) { return static_cast<int>(std::lround(value / 100.0)) * 100; }

// choose_type: the volume type and, for io1/io2, the provisioned IOPS.
void choose_type(Volume& volume, const VolumeDraws& draws, VolumeKind kind, const Attachment& attachment) {
  const std::string io_type = draws.io2 ? "io2" : "io1";
  const double draw = draws.provisioned_draw;
  switch (kind) {
    case VolumeKind::kPiopsPlanted:
      volume.volume_type = io_type;
      volume.provisioned_iops = rounded_iops(3000 + 5000 * draw * draw);
      return;
    case VolumeKind::kPiopsNearMiss:
      volume.volume_type = io_type;
      volume.provisioned_iops = rounded_iops(4000 + 4000 * draw);
      return;
    case VolumeKind::kPiopsBusy:
      volume.volume_type = io_type;
      volume.provisioned_iops = rounded_iops(4000 + 12000 * draw * draw);
      return;
    case VolumeKind::kGp2Planted:
      volume.volume_type = "gp2";
      return;
    case VolumeKind::kGeneral:
      break;
  }
  // type_draw in [0, 0.02) made busy io1/io2 above (attached to running instances); available volumes
  // below 0.03 are io1/io2 too; [0.05, 0.07) is st1 and [0.07, 0.08) sc1 (never a root volume).
  // Orphans are old, from the years gp2 was the default: half of them are gp2.
  const bool attached = attachment.instance != nullptr;
  const double type_draw = draws.type_draw;
  if (!attached && (draws.gp2 == Plant::kWaste || (type_draw >= 0.5 && type_draw < 0.73))) {
    volume.volume_type = "gp2";
  } else if (!attached && type_draw < 0.03) {
    volume.volume_type = io_type;
    volume.provisioned_iops = rounded_iops(3000 + 5000 * draw * draw);
  } else if (type_draw >= 0.05 && type_draw < 0.08 && !attachment.root) {
    volume.volume_type = type_draw < 0.07 ? "st1" : "sc1";
  } else {
    volume.volume_type = "gp3";
  }
}

// choose_size: a root volume has its instance's root_volume_gib; data volumes are lognormal (median 120 GiB).
void choose_size(Volume& volume, const VolumeDraws& draws, const Attachment& attachment) {
  int size = std::clamp(static_cast<int>(std::lround(draws.data_size)), 1, 16384);
  if (attachment.root) {
    const int root_gib = attachment.instance->root_volume_gib;
    size = root_gib > 0 ? root_gib : std::clamp(static_cast<int>(std::lround(draws.root_size)), 8, 200);
  }
  if (volume.volume_type == "st1" || volume.volume_type == "sc1") size = std::max(size, 125);
  if (volume.volume_type == "io1") size = std::max(size, (volume.provisioned_iops + 49) / 50);
  if (volume.volume_type == "io2") size = std::max(size, (volume.provisioned_iops + 499) / 500);
  volume.size_gib = std::min(size, 16384);
}

// choose_io: the daily I/O shape. Planted io1/io2 peak below 1,875 IOPS; near misses and busy ones never
// below 3,000 on any day (their noise and weekend bounds guarantee it: 3,000 x 1.0 and 4,000 x 0.85).
void choose_io(Volume& volume, const VolumeDraws& draws, VolumeKind kind) {
  volume.read_share = draws.read_share;
  volume.io_size_kib = draws.io_size_kib;
  volume.weekend_factor = is_prod(volume.core.env) ? 1.0 : draws.weekend_factor;
  switch (kind) {
    case VolumeKind::kPiopsPlanted:
      volume.daily_iops = 100 + 1400 * draws.level_draw;
      return;
    case VolumeKind::kPiopsNearMiss:
      volume.daily_iops = 3000 + 400 * draws.level_draw;
      volume.iops_noise_low = 1.0, volume.iops_noise_high = 1.15, volume.weekend_factor = 1.0;
      return;
    case VolumeKind::kPiopsBusy:
      volume.daily_iops = std::max(4000.0, volume.provisioned_iops * (0.5 + 0.35 * draws.level_draw));
      volume.iops_noise_low = 0.85, volume.iops_noise_high = 1.15, volume.weekend_factor = 1.0;
      return;
    case VolumeKind::kGp2Planted:
    case VolumeKind::kGeneral:
      volume.daily_iops = std::min(draws.gp_level, 0.9 * volume.provisioned_iops);
      return;
  }
}

// place_in_time: created_at, last_used_at, updated_at and the last day with I/O.
void place_in_time(Volume& volume, const VolumeDraws& draws, const Attachment& attachment, const World& world,
                   const AccountModel& model) {
  const int64_t as_of = world.as_of_seconds();
  const int64_t floor = storage_created_floor(model);
  if (attachment.instance != nullptr) {
    // Instances may be launched during the as_of day itself; every time stays within that day.
    const Instance& instance = *attachment.instance;
    const int64_t as_of_end = as_of + kSecondsPerDay - 1;
    const int64_t instance_created = std::clamp(instance.core.created_at, floor, as_of_end);
    int64_t last_used = as_of - draws.second_of_day % 3600;
    if (!instance_running(instance)) {
      last_used = instance.last_active_at != 0 ? instance.last_active_at : instance.launch_time;
    }
    last_used = std::clamp(last_used, instance_created, as_of_end);
    volume.core.created_at = attachment.root ? instance_created
                                             : instance_created + static_cast<int64_t>(draws.attach_draw *
                                                                                       (last_used - instance_created));
    volume.last_used_at = last_used;
    volume.updated_at = volume.core.created_at + static_cast<int64_t>(draws.updated_draw *
                                                                      static_cast<double>(last_used - volume.core.created_at));
    volume.active_until_day = instance_running(instance) ? INT32_MAX : day_of(last_used);
    return;
  }
  const int account_age_days = static_cast<int>((as_of - model.account->created_at) / kSecondsPerDay);
  int detached_days = static_cast<int>(20 * draws.detach_draw);                        // 0..19: fresh orphan
  if (draws.unattached == Plant::kNearMiss) detached_days = 20 + static_cast<int>(10 * draws.detach_draw);  // 20..29
  if (draws.unattached == Plant::kWaste) {
    const int oldest = std::max(31, std::min(540, account_age_days - 2));
    detached_days = 31 + static_cast<int>((oldest - 31) * draws.detach_draw);         // 31..540, before the account
  }
  volume.last_used_at = as_of - static_cast<int64_t>(detached_days) * kSecondsPerDay - draws.second_of_day;
  const int64_t lifetime = static_cast<int64_t>(draws.lifetime_days * kSecondsPerDay);
  volume.core.created_at = std::clamp(volume.last_used_at - lifetime, floor, volume.last_used_at);
  volume.updated_at = volume.last_used_at;
  volume.active_until_day = day_of(volume.last_used_at);
}

double volume_monthly_cost(const World& world, const Volume& volume) {
  const Catalog& catalog = *world.catalog;
  const std::string prefix = "ebs." + volume.volume_type;
  double usd = volume.size_gib * catalog.unit_price(prefix + ".gb_month");
  if (volume.volume_type == "io1" || volume.volume_type == "io2") {
    usd += volume.provisioned_iops * catalog.unit_price(prefix + ".iops_month");
  }
  return round4(regional_price(world, volume.core.region, usd));
}

std::string volume_name(const Volume& volume, const Attachment& attachment) {
  if (attachment.instance == nullptr) return "data-" + volume.core.resource_id.substr(4, 6);
  const Instance& instance = *attachment.instance;
  const std::string& base = instance.name.empty() ? instance.core.resource_id : instance.name;
  return base + (attachment.root ? "-root" : "-data");
}

Volume shape_volume(const World& world, const AccountModel& model, const VolumeDraws& draws, uint64_t key,
                    const Attachment& attachment) {
  Volume volume;
  volume.core = draws.core;
  volume.key = key;
  if (attachment.instance != nullptr) {
    volume.core.region = attachment.instance->core.region;
    volume.core.env = attachment.instance->core.env;
    volume.attached_instance_id = attachment.instance->core.resource_id;
  }
  volume.state = attachment.instance != nullptr ? "in-use" : "available";
  const VolumeKind kind = kind_of(draws, attachment);
  choose_type(volume, draws, kind, attachment);
  choose_size(volume, draws, attachment);
  volume.provisioned_iops = volume_iops_limit(volume.volume_type, volume.size_gib, volume.provisioned_iops);
  choose_io(volume, draws, kind);
  place_in_time(volume, draws, attachment, world, model);
  volume.monthly_cost = volume_monthly_cost(world, volume);
  Rng tag_rng(world.seed(), "volume_tags", key);
  volume.core.tags = draw_tags(tag_rng, world, volume.core.env, volume_name(volume, attachment));
  return volume;
}

// record_volume_waste: the answer key. The three rules are disjoint: ebs_unattached needs state
// 'available', the other two 'in-use'; ebs_gp2 needs gp2, ebs_piops_overprovisioned io1/io2.
void record_volume_waste(const World& world, AccountModel& model, const Volume& volume, const VolumeDraws& draws,
                         VolumeKind kind) {
  const Catalog& catalog = *world.catalog;
  const std::string& id = volume.core.resource_id;
  if (volume.state == "available" && draws.unattached == Plant::kWaste) {
    record_waste(model, ResourceType::kVolume, id, kUnattached, volume.monthly_cost);
  } else if (kind == VolumeKind::kGp2Planted) {
    const double per_gb = catalog.unit_price("ebs.gp2.gb_month") - catalog.unit_price("ebs.gp3.gb_month");
    record_waste(model, ResourceType::kVolume, id, kGp2, round4(regional_price(world, volume.core.region,
                                                                               volume.size_gib * per_gb)));
  } else if (kind == VolumeKind::kPiopsPlanted) {
    const double as_gp3 = round4(regional_price(world, volume.core.region,
                                                volume.size_gib * catalog.unit_price("ebs.gp3.gb_month")));
    record_waste(model, ResourceType::kVolume, id, kPiops, volume.monthly_cost - as_gp3);
  }
}

}  // namespace

void build_volumes(const World& world, AccountModel& model) {
  const AccountPlan& account = *model.account;
  const auto count = static_cast<size_t>(account.counts[static_cast<size_t>(ResourceType::kVolume)]);
  std::vector<uint64_t> keys(count);
  std::vector<VolumeDraws> draws(count);
  for (size_t index = 0; index < count; ++index) {
    keys[index] = entity_key(account.index, "volume", index);
    draws[index] = draw_volume(world, keys[index]);
  }
  const std::vector<Attachment> attachments = attach_volumes(world, model, draws, keys);
  model.storage.volumes.reserve(count);
  for (size_t index = 0; index < count; ++index) {
    Volume volume = shape_volume(world, model, draws[index], keys[index], attachments[index]);
    record_volume_waste(world, model, volume, draws[index], kind_of(draws[index], attachments[index]));
    add_monthly_cost(model, volume.monthly_cost);
    model.storage.volumes.push_back(std::move(volume));
  }
}

}  // namespace seedgen

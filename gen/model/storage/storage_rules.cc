// storage_rules.cc: the storage patterns, evaluated on the values the emitters store (docs/data/storage.md,
// "Rules"): ebs_unattached, ebs_gp2, ebs_piops_overprovisioned, snapshot_stale and s3_cold_no_lifecycle,
// each read literally. A
// volume may match two (a gp2 volume of a stopped instance also counts under ec2_stopped_30d, which
// evaluate_ec2_rules records as containment); resolve_counts decides which saving counts.
#include <algorithm>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/storage/storage_builders.h"
#include "model/storage/storage_series.h"

namespace seedgen {
namespace {

constexpr int kUnattachedDays = 30, kStaleDays = 90, kPiopsWindowDays = 7;
constexpr int kMaxPiops = 16000, kGp3BaselineIops = 3000;
constexpr int kColdWindowDays = 30;
constexpr int64_t kColdMaxRequests = 1000;   // cold: fewer requests than this over the window

bool is_provisioned_iops(const std::string& type) { return type == "io1" || type == "io2"; }

// peak_iops_7d: the highest stored daily peak over the volume's metrics rows of the last 7 days.
int64_t peak_iops_7d(const World& world, const Volume& volume) {
  const int32_t created = static_cast<int32_t>(volume.core.created_at / kSecondsPerDay);
  int64_t peak = 0;
  for (int32_t day = std::max(created, world.as_of_day() - kPiopsWindowDays + 1); day <= world.as_of_day(); ++day) {
    peak = std::max(peak, volume_day(world, volume, day).iops);
  }
  return peak;
}

void evaluate_volume(const World& world, AccountModel& model, const Volume& volume) {
  const Catalog& catalog = *world.catalog;
  const std::string& id = volume.core.resource_id;
  const int64_t unattached_before = world.as_of_seconds() - static_cast<int64_t>(kUnattachedDays) * kSecondsPerDay;
  if (volume.state == "available" && volume.last_used_at != 0 && volume.last_used_at < unattached_before) {
    record_waste(model, ResourceType::kVolume, id, Pattern::kEbsUnattached, volume.monthly_cost);
  }
  if (volume.state != "in-use") return;
  const double gp3_gb = catalog.price("ebs.gp3.gb_month", volume.core.region);
  if (volume.volume_type == "gp2") {
    const double gp2_gb = catalog.price("ebs.gp2.gb_month", volume.core.region);
    record_waste(model, ResourceType::kVolume, id, Pattern::kEbsGp2, round4(volume.size_gib * (gp2_gb - gp3_gb)));
  }
  if (is_provisioned_iops(volume.volume_type) && volume.provisioned_iops <= kMaxPiops &&
      peak_iops_7d(world, volume) < kGp3BaselineIops) {
    record_waste(model, ResourceType::kVolume, id, Pattern::kEbsPiopsOverprovisioned,
                 round4(volume.monthly_cost - volume.size_gib * gp3_gb));
  }
}

// evaluate_bucket: s3_cold_no_lifecycle. No rule of its policy transitions or expires current objects (an
// abort-multipart-only or noncurrent-only policy leaves cold data in Standard), the usage rows dated in the
// last 30 days sum to fewer than 1,000 requests, and the as_of row holds Standard bytes.
void evaluate_bucket(const World& world, AccountModel& model, const S3Bucket& bucket) {
  if (bucket.moves_current_data) return;
  const int32_t first = std::max(world.as_of_day() - kColdWindowDays + 1, day_of(bucket.core.created_at));
  int64_t requests = 0;
  for (int32_t day = first; day <= world.as_of_day(); ++day) requests += bucket_day(world, bucket, day).requests;
  const double standard_gb = bucket_day(world, bucket, world.as_of_day()).standard_gb;
  if (requests >= kColdMaxRequests || standard_gb <= 0) return;
  const Catalog& catalog = *world.catalog;
  const double per_gb = catalog.price("s3.standard.gb_month", bucket.core.region) -
                        catalog.price("s3.glacier_ir.gb_month", bucket.core.region);
  record_waste(model, ResourceType::kS3Bucket, bucket.core.resource_id, Pattern::kS3ColdNoLifecycle,
               round4(standard_gb * per_gb));
}

}  // namespace

void evaluate_storage_rules(const World& world, AccountModel& model) {
  for (const Volume& volume : model.storage.volumes) evaluate_volume(world, model, volume);
  const int64_t stale_before = world.as_of_seconds() - static_cast<int64_t>(kStaleDays) * kSecondsPerDay;
  for (const Snapshot& snapshot : model.storage.snapshots) {
    if (snapshot.core.created_at < stale_before) {
      record_waste(model, ResourceType::kSnapshot, snapshot.core.resource_id, Pattern::kSnapshotStale, snapshot.monthly_cost);
    }
  }
  for (const S3Bucket& bucket : model.storage.buckets) evaluate_bucket(world, model, bucket);
}

}  // namespace seedgen

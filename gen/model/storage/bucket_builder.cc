// bucket_builder.cc: the S3 buckets of one account: globally unique DNS names, lifecycle policies, sizes per
// storage class on as_of (lognormal), growth and request levels that drive s3_bucket_usage_daily.
// Rule of s3_cold_no_lifecycle (docs/data/storage.md): lifecycle_policy = '{}' and fewer than 1,000
// requests over the last 30 usage days and Standard storage on as_of > 0.
#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "model/storage/storage_builders.h"
#include "model/storage/storage_series.h"

namespace seedgen {
namespace {

constexpr Pattern kColdNoLifecycle = Pattern::kS3ColdNoLifecycle;
constexpr int kColdWindowDays = 30;
constexpr int kMinColdBucketAgeDays = 60;

constexpr const char* kApps[] = {"assets", "logs", "backups", "data-lake", "uploads", "artifacts", "exports",
                                 "media", "reports", "ml-datasets", "static", "archive", "tf-state", "cdn-origin"};

// The lifecycle policies buckets carry; the index picks one. The last one only aborts multipart uploads,
// so such a bucket keeps everything in Standard.
constexpr const char* kLifecycles[] = {
    R"({"rules": [{"id": "archive", "transition_days": 30, "storage_class": "GLACIER_IR"}, )"
    R"({"id": "abort-mpu", "abort_incomplete_multipart_days": 7}]})",
    R"({"rules": [{"id": "to-ia", "transition_days": 30, "storage_class": "STANDARD_IA"}, )"
    R"({"id": "archive", "transition_days": 90, "storage_class": "GLACIER_IR"}]})",
    R"({"rules": [{"id": "to-ia", "transition_days": 60, "storage_class": "STANDARD_IA"}, )"
    R"({"id": "expire", "expiration_days": 365}]})",
    R"({"rules": [{"id": "abort-mpu", "abort_incomplete_multipart_days": 7}]})",
};

// name_suffix: 12 hex digits, a bijection of (account index, local index) under a seed-keyed 48-bit
// permutation, so names never collide within a seed. REQUIRES: both indexes < 2^24.
std::string name_suffix(uint64_t seed, uint32_t account_index, uint64_t local_index) {
  constexpr uint64_t kMask = (uint64_t{1} << 48) - 1;
  uint64_t value = (static_cast<uint64_t>(account_index) << 24) | (local_index & 0xffffff);
  value ^= mix64(seed) & kMask;
  value = (value * 0x9e3779b97f4bULL) & kMask;
  value ^= value >> 23;
  value = (value * 0xc2b2ae3d27d5ULL) & kMask;
  value ^= value >> 25;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string suffix(12, '0');
  for (int digit = 11; digit >= 0; --digit, value >>= 4) suffix[static_cast<size_t>(digit)] = kHex[value & 0xf];
  return suffix;
}

std::string bucket_name(const World& world, const AccountModel& model, const S3Bucket& bucket, uint32_t app,
                        uint64_t local_index) {
  const std::string& account_name = model.account->name;
  const std::string company = account_name.substr(0, account_name.find('-'));
  return company + "-" + kApps[app] + "-" + std::string(bucket.core.env) + "-" +
         world.catalog->region(bucket.core.region).code + "-" +
         name_suffix(world.seed(), model.account->index, local_index);
}

// The fixed draw budget of one bucket.
struct BucketDraws {
  Plant plant = Plant::kNone;
  bool near_miss_with_lifecycle = false, no_lifecycle = false, naturally_cold = false;
  uint32_t lifecycle = 0, app = 0;
  double age_draw = 0, size = 0, cold_size = 0, standard_share = 0, ia_share = 0;
  double warm_requests = 0, cold_requests = 0, near_miss_total = 0;
  double put_share = 0, weekend_factor = 1, growth = 0;
};

BucketDraws draw_bucket(Rng& rng, const World& world) {
  BucketDraws draws;
  draws.plant = decide_plant(rng, world, kColdNoLifecycle);
  draws.near_miss_with_lifecycle = rng.chance(0.5);
  draws.no_lifecycle = rng.chance(0.53);
  draws.naturally_cold = rng.chance(0.12);
  draws.lifecycle = rng.below(std::size(kLifecycles));
  draws.app = rng.below(std::size(kApps));
  draws.age_draw = rng.unit();
  draws.size = rng.lognormal(40, 2.2);
  draws.cold_size = rng.lognormal(150, 1.8);
  draws.standard_share = rng.uniform(0.2, 0.6);
  draws.ia_share = rng.uniform(0.0, 0.5);
  draws.warm_requests = rng.lognormal(30000, 1.5);
  draws.cold_requests = rng.uniform(0.3, 20);
  draws.near_miss_total = rng.uniform(1010, 1150);
  draws.put_share = rng.uniform(0.05, 0.35);
  draws.weekend_factor = rng.uniform(0.4, 0.7);
  draws.growth = rng.uniform(0.0, 0.006);
  return draws;
}

// Access: cold buckets see at most 24 requests a day (720 in 30 days); warm ones at least 1,280 every day;
// the near miss without lifecycle at least its total (1,010..1,150) over the rule's window.
enum class Access { kWarm, kCold, kJustAboveCold };

Access access_of(const BucketDraws& draws, bool& has_lifecycle) {
  switch (draws.plant) {
    case Plant::kWaste:
      has_lifecycle = false;
      return Access::kCold;
    case Plant::kNearMiss:
      has_lifecycle = draws.near_miss_with_lifecycle;
      return has_lifecycle ? Access::kCold : Access::kJustAboveCold;
    case Plant::kNone:
      break;
  }
  has_lifecycle = !draws.no_lifecycle;
  return has_lifecycle && draws.naturally_cold ? Access::kCold : Access::kWarm;
}

void place_storage(S3Bucket& bucket, const BucketDraws& draws, bool has_lifecycle, Access access) {
  const double total = std::clamp(access == Access::kCold ? draws.cold_size : draws.size, 1.0, 400000.0);
  bucket.standard_gb = total;
  if (!has_lifecycle) return;
  bucket.lifecycle_policy_json = kLifecycles[draws.lifecycle];
  if (draws.lifecycle == 3) return;  // abort-multipart only: everything stays in Standard
  bucket.standard_gb = total * draws.standard_share;
  const double rest = total - bucket.standard_gb;
  if (draws.lifecycle == 0) bucket.glacier_gb = rest;
  if (draws.lifecycle == 1) bucket.ia_gb = rest * draws.ia_share, bucket.glacier_gb = rest - bucket.ia_gb;
  if (draws.lifecycle == 2) bucket.ia_gb = rest;
}

void place_requests(S3Bucket& bucket, const BucketDraws& draws, Access access, int window_days) {
  bucket.put_share = draws.put_share;
  bucket.weekend_factor = 1.0;
  bucket.growth_per_day = 0.0;
  bucket.cold = access != Access::kWarm;
  if (access == Access::kCold) {
    bucket.daily_requests = draws.cold_requests;
    return;
  }
  if (access == Access::kJustAboveCold) {
    // Every day is at least 0.8 x this level (noise bound), so the window's sum is at least the total.
    bucket.daily_requests = (draws.near_miss_total / window_days + 0.5) / 0.8;
    return;
  }
  bucket.daily_requests = std::clamp(draws.warm_requests, 4000.0, 5e7);
  bucket.weekend_factor = is_prod(bucket.core.env) ? 0.9 : draws.weekend_factor;
  bucket.growth_per_day = draws.growth;
}

S3Bucket build_bucket(const World& world, AccountModel& model, uint64_t local_index) {
  const uint64_t key = entity_key(model.account->index, "s3_bucket", local_index);
  Rng rng(world.seed(), "s3_buckets", key);
  S3Bucket bucket;
  bucket.key = key;
  bucket.core = core_for(rng, world, "s3_buckets", key, "", 1, 2);
  const BucketDraws draws = draw_bucket(rng, world);
  bucket.lifecycle_policy_json = "{}";
  bool has_lifecycle = false;
  const Access access = access_of(draws, has_lifecycle);

  const int64_t as_of = world.as_of_seconds();
  const int account_age_days = static_cast<int>((as_of - model.account->created_at) / kSecondsPerDay);
  const int youngest = draws.plant == Plant::kNone ? 1 : kMinColdBucketAgeDays;
  const int oldest = std::max(youngest + 1, std::min(1500, account_age_days - 2));
  const int age_days = youngest + static_cast<int>((oldest - youngest) * draws.age_draw * draws.age_draw);
  bucket.core.created_at = as_of - static_cast<int64_t>(age_days) * kSecondsPerDay - (key % 86400);
  const int32_t first_usage_day =
      std::max({usage_first_day(world), day_of(bucket.core.created_at), world.as_of_day() - kColdWindowDays + 1});

  place_storage(bucket, draws, has_lifecycle, access);
  place_requests(bucket, draws, access, world.as_of_day() - first_usage_day + 1);
  bucket.core.resource_id = bucket_name(world, model, bucket, draws.app, local_index);
  bucket.core.tags = draw_tags(rng, world, bucket.core.env, bucket.core.resource_id);

  const BucketDay today = bucket_day(world, bucket, world.as_of_day());
  bucket.monthly_cost = 30.0 * (today.storage_cost + today.request_cost);
  if (draws.plant == Plant::kWaste) {
    const Catalog& catalog = *world.catalog;
    const double per_gb = catalog.unit_price("s3.standard.gb_month") - catalog.unit_price("s3.glacier_ir.gb_month");
    record_waste(model, ResourceType::kS3Bucket, bucket.core.resource_id, kColdNoLifecycle,
                 round4(regional_price(world, bucket.core.region, today.standard_gb * per_gb)));
  }
  return bucket;
}

}  // namespace

void build_buckets(const World& world, AccountModel& model) {
  const auto count = static_cast<size_t>(resource_count(model, ResourceType::kS3Bucket));
  model.storage.buckets.reserve(count);
  for (size_t index = 0; index < count; ++index) {
    S3Bucket bucket = build_bucket(world, model, index);
    add_monthly_cost(model, bucket.monthly_cost);
    model.storage.buckets.push_back(std::move(bucket));
  }
}

}  // namespace seedgen

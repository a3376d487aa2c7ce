// bucket_builder.cc: the S3 buckets of one account on the as_of day, as lives (docs/MODEL.md): buckets are
// born by the account's birth process and most live for years; each draws, from its own stream, a size
// from a heavy-tailed lognormal (megabytes to hundreds of terabytes), a growth rate, a request level from
// another heavy tail (a few requests a month to millions a day), a weekly cycle, a storage-class mix and a
// lifecycle configuration among the ones teams really write (transitions, expirations, abort-multipart
// only). Nothing is planted: s3_cold_no_lifecycle is evaluated on the stored rows by
// evaluate_storage_rules (storage_rules.cc), and the request sums of the last 30 days are continuous
// across its 1,000-request line.
#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/calendar.h"
#include "model/storage/storage_builders.h"
#include "model/storage/storage_series.h"
#include "model/tags.h"

namespace seedgen {
namespace {

// Buckets outlive most resources: a few are scratch buckets deleted within weeks, a quarter go after a
// year or so, the rest stay.
const LifeSpec& bucket_life_spec() {
  static const LifeSpec spec{"s3_bucket", {{0.12, 20, 1.2}, {0.25, 500, 0.8}}, 4000, 0.35, 0.3, 0.25, true};
  return spec;
}

constexpr const char* kApps[] = {"assets", "logs", "backups", "data-lake", "uploads", "artifacts", "exports",
                                 "media", "reports", "ml-datasets", "static", "archive", "tf-state", "cdn-origin"};

// The lifecycle configurations buckets carry, with their weights; kNone is '{}'.
struct LifecycleKind {
  const char* json;
  double weight;
  double standard_low, standard_high;   // share of the bytes left in Standard by its rules
  double ia_share;                      // of the rest, the share in Standard-IA (the remainder in Glacier IR)
};
constexpr LifecycleKind kLifecycles[] = {
    {"{}", 0.50, 1, 1, 0},
    // Only aborts incomplete multipart uploads (Trusted Advisor's check): nothing moves or expires.
    {R"({"rules": [{"id": "abort-mpu", "abort_incomplete_multipart_days": 7}]})", 0.12, 1, 1, 0},
    {R"({"rules": [{"id": "archive", "transition_days": 30, "storage_class": "GLACIER_IR"}, )"
     R"({"id": "abort-mpu", "abort_incomplete_multipart_days": 7}]})", 0.08, 0.15, 0.5, 0},
    {R"({"rules": [{"id": "to-ia", "transition_days": 30, "storage_class": "STANDARD_IA"}, )"
     R"({"id": "archive", "transition_days": 90, "storage_class": "GLACIER_IR"}]})", 0.10, 0.15, 0.45, 0.4},
    {R"({"rules": [{"id": "to-ia", "transition_days": 60, "storage_class": "STANDARD_IA"}, )"
     R"({"id": "expire", "expiration_days": 365}]})", 0.08, 0.25, 0.6, 1},
    // Logs and temporary exports expire in Standard: managed, though nothing is ever transitioned.
    {R"({"rules": [{"id": "expire-logs", "expiration_days": 90}]})", 0.08, 1, 1, 0},
    {R"({"rules": [{"id": "expire-noncurrent", "noncurrent_expiration_days": 30}, )"
     R"({"id": "abort-mpu", "abort_incomplete_multipart_days": 3}]})", 0.04, 1, 1, 0},
};

// name_suffix: 12 hex digits, a bijection of (account index, life coordinate) under a seed-keyed 48-bit
// permutation, so names never collide within a seed. REQUIRES: account index < 2^21, coordinate < 2^27.
std::string name_suffix(uint64_t seed, uint32_t account_index, uint64_t coordinate) {
  constexpr uint64_t kMask = (uint64_t{1} << 48) - 1;
  uint64_t value = (static_cast<uint64_t>(account_index) << 27) | (coordinate & 0x7ffffff);
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

// coordinate_of: birth day (15 bits) and ordinal (12 bits), unique among the account's buckets.
uint64_t coordinate_of(const Life& life) {
  return (static_cast<uint64_t>(life.birth_day & 0x7fff) << 12) | (life.ordinal & 0xfff);
}

std::string bucket_name(const World& world, const AccountModel& model, const S3Bucket& bucket, uint32_t app,
                        const Life& life) {
  const std::string& account_name = model.account->name;
  const std::string company = account_name.substr(0, account_name.find('-'));
  return company + "-" + kApps[app] + "-" + std::string(bucket.core.env) + "-" +
         world.catalog->region(bucket.core.region).code + "-" + name_suffix(world.seed(), model.account->index, coordinate_of(life));
}

// The fixed draw budget of one bucket, taken in this order whatever the branches.
struct BucketDraws {
  size_t lifecycle = 0, region = 0, env = 0;
  uint32_t app = 0;
  double size_gb = 0, empty = 0, growth = 0, standard_share = 0, direct_ia = 0, direct_ia_share = 0;
  double requests = 0, put_share = 0, weekend = 0, request_sigma = 0;
};

BucketDraws draw_bucket(Rng& stream, const AccountPlan& account) {
  BucketDraws draws;
  double weights[std::size(kLifecycles)];
  for (size_t index = 0; index < std::size(kLifecycles); ++index) weights[index] = kLifecycles[index].weight;
  draws.lifecycle = stream.weighted(weights);
  draws.region = stream.weighted(account.region_weights);
  std::vector<double> env_weights;
  for (const auto& env : account.envs) env_weights.push_back(env.second);
  draws.env = stream.weighted(env_weights);
  draws.app = stream.below(static_cast<uint32_t>(std::size(kApps)));
  draws.size_gb = stream.lognormal(6, 2.8);          // 6 GB median; 1 % above ~4 TB, 1 % below 9 MB
  draws.empty = stream.unit();
  draws.growth = stream.lognormal(0.0015, 1.0);      // per day
  draws.standard_share = stream.unit();
  draws.direct_ia = stream.unit();
  draws.direct_ia_share = stream.uniform(0.3, 1.3);
  draws.requests = stream.lognormal(250, 3.0);       // weekday requests; 1 % below 0.2 a day, 1 % above 250k
  draws.put_share = stream.uniform(0.05, 0.5);
  draws.weekend = stream.uniform(0.15, 0.95);
  draws.request_sigma = stream.uniform(0.2, 0.7);
  return draws;
}

// place_storage: the as_of sizes per class. 3 % of buckets are empty; a bucket whose rules transition data
// keeps a drawn share in Standard; 8 % of the others are written straight to Standard-IA by their
// uploader, some wholly (no Standard bytes left).
void place_storage(S3Bucket& bucket, const BucketDraws& draws) {
  if (draws.empty < 0.03) return;
  const double total = std::clamp(draws.size_gb, 0.001, 500000.0);
  const LifecycleKind& kind = kLifecycles[draws.lifecycle];
  if (kind.standard_high < 1) {
    bucket.standard_gb = total * (kind.standard_low + (kind.standard_high - kind.standard_low) * draws.standard_share);
    const double rest = total - bucket.standard_gb;
    bucket.ia_gb = rest * kind.ia_share;
    bucket.glacier_gb = rest - bucket.ia_gb;
    return;
  }
  const double direct_ia = draws.direct_ia < 0.08 ? std::min(1.0, draws.direct_ia_share) : 0.0;
  bucket.ia_gb = total * direct_ia;
  bucket.standard_gb = total - bucket.ia_gb;
}

S3Bucket build_bucket(const World& world, const AccountModel& model, const BirthProcess& births, const Life& life) {
  const AccountPlan& account = *model.account;
  Rng stream = births.life_stream(life);
  const BucketDraws draws = draw_bucket(stream, account);
  S3Bucket bucket;
  bucket.key = life.key;
  bucket.core.id = Uuid::from_key(world.seed(), "s3_buckets", life.key);
  bucket.core.region = account.regions[draws.region];
  bucket.core.env = account.envs[draws.env].first;
  bucket.core.created_at = std::max(storage_created_floor(model), life.born_at);
  bucket.lifecycle_policy_json = kLifecycles[draws.lifecycle].json;
  bucket.moves_current_data = kLifecycles[draws.lifecycle].standard_high < 1 ||
                              bucket.lifecycle_policy_json.find("\"expiration_days\"") != std::string::npos;
  place_storage(bucket, draws);
  bucket.growth_per_day = draws.growth;
  bucket.daily_requests = draws.requests;
  bucket.put_share = draws.put_share;
  bucket.weekend_factor = is_prod(bucket.core.env) ? 0.6 + 0.4 * draws.weekend : draws.weekend;
  bucket.request_sigma = draws.request_sigma;
  bucket.core.resource_id = bucket_name(world, model, bucket, draws.app, life);
  Rng tag_rng(world.seed(), "s3_bucket_tags", life.key);
  bucket.core.tags = draw_tags(tag_rng, world, account, TagSubject{bucket.core.resource_id, bucket.core.env, kApps[draws.app], "", false});
  const BucketDay today = bucket_day(world, bucket, world.as_of_day());
  bucket.monthly_cost = 30.0 * (today.storage_cost + today.request_cost);
  return bucket;
}

}  // namespace

void build_buckets(const World& world, AccountModel& model) {
  const AccountPlan& account = *model.account;
  const double expected = account.expected[static_cast<size_t>(ResourceType::kS3Bucket)];
  if (expected <= 0) return;
  const BirthProcess births(world, account, bucket_life_spec(), expected);
  for (const Life& life : births.lives_at(world.snapshot_time() - 1)) {
    S3Bucket bucket = build_bucket(world, model, births, life);
    add_monthly_cost(model, bucket.monthly_cost);
    model.storage.buckets.push_back(std::move(bucket));
  }
}

}  // namespace seedgen

#include "model/storage/storage_series.h"

#include <algorithm>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/daily_noise.h"
#include "model/world.h"

namespace seedgen {
namespace {

// Mean IOPS over a day is this far below its peak.
constexpr double kPeakToMeanIops = 2.5;

}  // namespace

int32_t day_of(int64_t seconds) {
  const int64_t day = seconds / kSecondsPerDay;
  return static_cast<int32_t>(seconds % kSecondsPerDay < 0 ? day - 1 : day);
}

int volume_iops_limit(const std::string& volume_type, int size_gib, int provisioned_iops) {
  if (volume_type == "io1" || volume_type == "io2") return provisioned_iops;
  if (volume_type == "gp3") return 3000;
  if (volume_type == "gp2") return std::clamp(3 * size_gib, 100, 16000);
  if (volume_type == "st1") return 500;
  return 250;
}

VolumeDay volume_day(const World& world, const Volume& volume, int32_t day) {
  Rng rng = day_rng(world, "volume_io", volume.key, day);
  const double noise = rng.uniform(volume.iops_noise_low, volume.iops_noise_high);
  const double read_jitter = rng.uniform(0.95, 1.05);
  VolumeDay result;
  if (day > volume.active_until_day) return result;
  const double seasonal = weekday(day) >= 5 ? volume.weekend_factor : 1.0;
  const double peak = std::min(volume.daily_iops * seasonal * noise, static_cast<double>(volume.provisioned_iops));
  result.iops = std::llround(peak);
  const int64_t operations = std::llround(peak / kPeakToMeanIops * static_cast<double>(kSecondsPerDay));
  result.read_ops = std::llround(static_cast<double>(operations) * std::min(1.0, volume.read_share * read_jitter));
  result.write_ops = operations - result.read_ops;
  result.throughput_mb = std::round(static_cast<double>(operations) * volume.io_size_kib / 1024.0 * 100.0) / 100.0;
  return result;
}

namespace {

// bucket_requests: the day's requests: the weekday level x the business calendar (weekends, holidays) x a
// slow swing (value noise over ~10-day lattice points, up to x/÷ 1.6) x lognormal day noise x a rare burst
// (a backfill, a crawler: 3 % of days, x 3-50), then a Poisson count, so quiet buckets see whole requests
// and the sums of a month are continuous whatever their size.
int64_t bucket_requests(const World& world, const S3Bucket& bucket, int32_t day, Rng& rng) {
  const double day_noise = rng.normal(0, bucket.request_sigma);
  const double burst = rng.unit() < 0.03 ? rng.uniform(3, 50) : 1.0;
  const double swing = 0.47 * smooth_noise(world.seed(), "s3_bucket_requests", bucket.key, day, 10);
  const double mean = bucket.daily_requests * business_activity(day, bucket.weekend_factor) * std::exp(swing + day_noise) * burst;
  return rng.poisson(mean);
}

// size_factor: a bucket's size `days` after the calibration anchor, relative to its size there. Before the
// anchor it shrinks back at its own growth rate (the history a load shows); after it, as drift moves on, it
// grows linearly at that rate capped at 0.2 % a day (about 70 % a year, a fast-growing data lake), so a
// bucket drawn with a steep recent rate does not grow exponentially for years.
double size_factor(double growth_per_day, int32_t days) {
  if (days <= 0) return std::exp(growth_per_day * static_cast<double>(days));
  return 1.0 + std::min(growth_per_day, 0.002) * static_cast<double>(days);
}

}  // namespace

BucketDay bucket_day(const World& world, const S3Bucket& bucket, int32_t day) {
  Rng rng = day_rng(world, "s3_bucket_usage", bucket.key, day);
  const double put_jitter = rng.uniform(0.9, 1.1);
  // Sizes are the bucket's at the calibration anchor, grown or shrunk from there: a day's size never depends
  // on the day the estate is observed at (history does not change when the estate drifts).
  const double age_factor = size_factor(bucket.growth_per_day, day - world.anchor_day());

  BucketDay result;
  result.standard_gb = round4(bucket.standard_gb * age_factor);
  result.ia_gb = round4(bucket.ia_gb * age_factor);
  result.glacier_gb = round4(bucket.glacier_gb * age_factor);
  result.requests = bucket_requests(world, bucket, day, rng);
  result.put_requests = std::llround(static_cast<double>(result.requests) * std::min(1.0, bucket.put_share * put_jitter));
  result.get_requests = result.requests - result.put_requests;

  const Catalog& catalog = *world.catalog;
  // Every price in the bucket's region with S3's own regional multiplier (prices.toml), as seedgen.prices lists it.
  const std::string_view region = bucket.core.region;
  const double per_gb_month = result.standard_gb * catalog.price("s3.standard.gb_month", region) +
                              result.ia_gb * catalog.price("s3.standard_ia.gb_month", region) +
                              result.glacier_gb * catalog.price("s3.glacier_ir.gb_month", region);
  result.storage_cost = round4(per_gb_month / 30.0);
  result.request_cost = round4((static_cast<double>(result.get_requests) * catalog.price("s3.get_per_1k", region) +
                                static_cast<double>(result.put_requests) * catalog.price("s3.put_per_1k", region)) /
                               1000.0);
  return result;
}

}  // namespace seedgen

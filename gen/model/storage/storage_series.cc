#include "model/storage/storage_series.h"

#include <algorithm>
#include <cmath>

#include "config/catalog.h"
#include "core/calendar.h"
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

BucketDay bucket_day(const World& world, const S3Bucket& bucket, int32_t day) {
  Rng rng = day_rng(world, "s3_bucket_usage", bucket.key, day);
  const double noise = rng.uniform(0.8, 1.2);
  const double put_jitter = rng.uniform(0.9, 1.1);
  const double age_factor = std::exp(-bucket.growth_per_day * static_cast<double>(world.as_of_day() - day));
  const double seasonal = weekday(day) >= 5 ? bucket.weekend_factor : 1.0;

  BucketDay result;
  result.standard_gb = round4(bucket.standard_gb * age_factor);
  result.ia_gb = round4(bucket.ia_gb * age_factor);
  result.glacier_gb = round4(bucket.glacier_gb * age_factor);
  result.requests = std::llround(bucket.daily_requests * seasonal * noise);
  result.put_requests = std::llround(static_cast<double>(result.requests) * std::min(1.0, bucket.put_share * put_jitter));
  result.get_requests = result.requests - result.put_requests;

  const Catalog& catalog = *world.catalog;
  const double multiplier = catalog.region(bucket.core.region).price_multiplier;
  const double per_gb_day = result.standard_gb * catalog.unit_price("s3.standard.gb_month") +
                            result.ia_gb * catalog.unit_price("s3.standard_ia.gb_month") +
                            result.glacier_gb * catalog.unit_price("s3.glacier_ir.gb_month");
  result.storage_cost = round4(per_gb_day / 30.0 * multiplier);
  result.request_cost = round4((static_cast<double>(result.get_requests) * catalog.unit_price("s3.get_per_1k") +
                                static_cast<double>(result.put_requests) * catalog.unit_price("s3.put_per_1k")) /
                               1000.0 * multiplier);
  return result;
}

}  // namespace seedgen

// storage_series.h: the daily series behind the storage domain's metrics_daily and s3_bucket_usage_daily
// rows. Each day is a pure function of (world, resource, day), drawn from the resource's per-day stream,
// so the builder (which checks planted thresholds) and the emitters always see the same values.
#pragma once

#include <cstdint>

#include "model/storage/storage.h"
#include "model/usage_series.h"  // round4

namespace seedgen {

// VolumeDay: one day of a volume's I/O. iops is the day's peak IOPS; read_ops and write_ops are the day's
// total operations; throughput_mb is the day's MB read and written. All zero after active_until_day.
struct VolumeDay {
  int64_t iops = 0;
  int64_t read_ops = 0;
  int64_t write_ops = 0;
  double throughput_mb = 0;  // rounded to 2 decimals, as stored
};
VolumeDay volume_day(const World& world, const Volume& volume, int32_t day);

// volume_iops_limit: the IOPS a volume of this type and size can deliver: io1/io2 their provisioned IOPS,
// gp3 its 3,000 baseline, gp2 3 per GiB (100 .. 16,000), st1 500, sc1 250.
int volume_iops_limit(const std::string& volume_type, int size_gib, int provisioned_iops);

// BucketDay: one day of a bucket's usage. Sizes rounded to 4 decimals and costs to 4 decimals, as stored.
struct BucketDay {
  double standard_gb = 0, ia_gb = 0, glacier_gb = 0;
  int64_t requests = 0, get_requests = 0, put_requests = 0;
  double storage_cost = 0;   // GB x $/GB-month / 30 per class, region multiplier applied
  double request_cost = 0;   // GETs x $/1k GET + PUTs x $/1k PUT, region multiplier applied
};
BucketDay bucket_day(const World& world, const S3Bucket& bucket, int32_t day);

// day_of: the day (since epoch) holding `seconds`.
int32_t day_of(int64_t seconds);

}  // namespace seedgen

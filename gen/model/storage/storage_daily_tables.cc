// storage_daily_tables.cc: the storage domain's daily rows for one account: s3_bucket_usage_daily and its
// share of metrics_daily and resource_tags. A resource's daily rows start on the later of the table's
// first day and the day it was created, and end on as_of. Payload keys: docs/data/storage.md.
#include <algorithm>

#include "copy/json_text.h"
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/polymorphic_rows.h"
#include "model/storage/storage_series.h"

namespace seedgen {
namespace {

int32_t first_row_day(int32_t table_first_day, int64_t created_at) {
  return std::max(table_first_day, day_of(created_at));
}

void emit_volume_metrics(const World& world, const AccountModel& model, JsonText& payload, RowWriter& out) {
  for (const Volume& volume : model.storage.volumes) {
    const double daily_cost = volume.monthly_cost / 30.0;
    for (int32_t day = first_row_day(metrics_first_day(world), volume.core.created_at); day <= world.as_of_day();
         ++day) {
      const VolumeDay io = volume_day(world, volume, day);
      payload.clear();
      payload.integer("read_ops", io.read_ops)
          .integer("write_ops", io.write_ops)
          .integer("iops", io.iops)
          .number("throughput_mb", io.throughput_mb, 2)
          .integer("provisioned_iops", volume.provisioned_iops);
      write_metrics_row(out, world, model, ResourceType::kVolume, volume.core.resource_id, day, payload.finish(),
                        daily_cost);
    }
  }
}

void emit_snapshot_metrics(const World& world, const AccountModel& model, JsonText& payload, RowWriter& out) {
  for (const Snapshot& snapshot : model.storage.snapshots) {
    payload.clear();
    payload.integer("storage_gb", snapshot.size_gib);
    const double daily_cost = snapshot.monthly_cost / 30.0;
    for (int32_t day = first_row_day(metrics_first_day(world), snapshot.core.created_at); day <= world.as_of_day();
         ++day) {
      write_metrics_row(out, world, model, ResourceType::kSnapshot, snapshot.core.resource_id, day, payload.finish(),
                        daily_cost);
    }
  }
}

void emit_bucket_metrics(const World& world, const AccountModel& model, JsonText& payload, RowWriter& out) {
  for (const S3Bucket& bucket : model.storage.buckets) {
    for (int32_t day = first_row_day(metrics_first_day(world), bucket.core.created_at); day <= world.as_of_day();
         ++day) {
      const BucketDay usage = bucket_day(world, bucket, day);
      payload.clear();
      payload.number("storage_gb", usage.standard_gb + usage.ia_gb + usage.glacier_gb, 4)
          .integer("requests", usage.requests)
          .integer("get_requests", usage.get_requests)
          .integer("put_requests", usage.put_requests);
      write_metrics_row(out, world, model, ResourceType::kS3Bucket, bucket.core.resource_id, day, payload.finish(),
                        usage.storage_cost + usage.request_cost);
    }
  }
}

}  // namespace

void emit_s3_bucket_usage_daily(const World& world, const AccountModel& model, RowWriter& out) {
  for (const S3Bucket& bucket : model.storage.buckets) {
    for (int32_t day = first_row_day(usage_first_day(world), bucket.core.created_at); day <= world.as_of_day(); ++day) {
      const BucketDay usage = bucket_day(world, bucket, day);
      out.uuid(Uuid::from_key(world.seed(), "s3_bucket_usage_daily",
                              mix64(bucket.key ^ static_cast<uint64_t>(static_cast<uint32_t>(day)))));
      out.uuid(bucket.core.id);
      out.date(day);
      out.decimal(usage.standard_gb, 4);
      out.decimal(usage.ia_gb, 4);
      out.decimal(usage.glacier_gb, 4);
      out.integer(usage.requests);
      out.decimal(usage.storage_cost, 4);
      out.decimal(usage.request_cost, 4);
      out.end_row();
    }
  }
}

void emit_storage_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  JsonText payload;
  emit_volume_metrics(world, model, payload, out);
  emit_snapshot_metrics(world, model, payload, out);
  emit_bucket_metrics(world, model, payload, out);
}

void emit_storage_tags(const World& world, const AccountModel& model, RowWriter& out) {
  for (const Volume& volume : model.storage.volumes) write_tag_rows(out, world, model, ResourceType::kVolume, volume.core);
  for (const Snapshot& snapshot : model.storage.snapshots) {
    write_tag_rows(out, world, model, ResourceType::kSnapshot, snapshot.core);
  }
  for (const S3Bucket& bucket : model.storage.buckets) {
    write_tag_rows(out, world, model, ResourceType::kS3Bucket, bucket.core);
  }
}

}  // namespace seedgen

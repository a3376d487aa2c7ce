// storage_tables.cc: the rows of volumes, snapshots and s3_buckets for one account, in the column order of
// table_registry.cc. The values were all decided by the storage builders; this only encodes them.
#include "copy/row_writer.h"
#include "model/account_model.h"

namespace seedgen {

void emit_volumes(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const Volume& volume : model.storage.volumes) {
    out.uuid(volume.core.id);
    out.uuid(model.account->id);
    out.text(volume.core.resource_id);
    out.text(volume.core.region);
    out.integer(volume.size_gib);
    out.text(volume.volume_type);
    out.text(volume.state);
    out.text_or_null(volume.attached_instance_id);
    out.decimal(volume.monthly_cost, 4);
    out.timestamp_or_null(volume.last_used_at);
    out.json(tags_json(volume.core.tags));
    out.timestamp(volume.core.created_at);
    out.timestamp(volume.updated_at);
    out.end_row();
  }
}

void emit_snapshots(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const Snapshot& snapshot : model.storage.snapshots) {
    out.uuid(snapshot.core.id);
    out.uuid(model.account->id);
    out.text(snapshot.core.resource_id);
    out.text(snapshot.core.region);
    out.text_or_null(snapshot.source_volume_id);
    out.integer(snapshot.size_gib);
    out.text_or_null(snapshot.retention_policy);
    out.decimal(snapshot.monthly_cost, 4);
    out.json(tags_json(snapshot.core.tags));
    out.timestamp(snapshot.core.created_at);
    out.end_row();
  }
}

void emit_s3_buckets(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const S3Bucket& bucket : model.storage.buckets) {
    out.uuid(bucket.core.id);
    out.uuid(model.account->id);
    out.text(bucket.core.resource_id);
    out.text(bucket.core.env);
    out.text(bucket.core.region);
    out.json(bucket.lifecycle_policy_json);
    out.json(tags_json(bucket.core.tags));
    out.timestamp(bucket.core.created_at);
    out.end_row();
  }
}

}  // namespace seedgen

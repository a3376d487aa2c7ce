// services_tables.cc: the rows of managed_services and streaming_clusters for one account.
#include "copy/row_writer.h"
#include "model/account_model.h"

namespace seedgen {

void emit_managed_services(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const ManagedService& service : model.platform.managed_services) {
    out.uuid(service.core.id);
    out.uuid(model.account->id);
    out.text(service.service_type);
    out.text(service.name);
    out.text(service.core.env);
    out.text(service.core.region);
    out.text(service.instance_type);
    out.integer(service.node_count);
    out.decimal(service.hourly_cost, 4);
    out.decimal(service.avg_cpu_7d, 2);
    out.decimal(service.avg_memory_7d, 2);
    out.timestamp(service.core.created_at);
    out.timestamp(service.updated_at);
    out.end_row();
  }
}

void emit_streaming_clusters(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const StreamingCluster& stream : model.platform.streaming_clusters) {
    out.uuid(stream.core.id);
    out.uuid(model.account->id);
    out.text(stream.name);
    out.text(stream.engine);
    out.text(stream.core.env);
    out.text(stream.core.region);
    out.integer(stream.shard_count);
    out.integer(stream.retention_hours);
    out.decimal(stream.provisioned_throughput_mbps, 2);
    out.decimal(stream.avg_usage_mbps_7d, 2);
    out.decimal(stream.hourly_cost, 4);
    out.timestamp(stream.core.created_at);
    out.timestamp(stream.updated_at);
    out.end_row();
  }
}

}  // namespace seedgen

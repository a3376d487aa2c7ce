// database_tables.cc: the rows of rds_instances and cache_clusters for one account.
#include "copy/row_writer.h"
#include "model/account_model.h"

namespace seedgen {

void emit_rds_instances(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const RdsInstance& rds : model.platform.rds_instances) {
    out.uuid(rds.core.id);
    out.uuid(model.account->id);
    out.text(rds.core.resource_id);
    out.text(rds.engine);
    out.text(rds.instance_class);
    out.integer(rds.allocated_storage_gib);
    out.text(rds.core.env);
    out.text(rds.core.region);
    out.text(rds.state);
    out.decimal(rds.hourly_cost, 4);
    out.decimal(rds.storage_monthly_cost, 4);
    out.decimal(rds.avg_cpu_7d, 2);
    out.decimal(rds.avg_connections_7d, 2);
    out.timestamp(rds.core.created_at);
    out.timestamp(rds.updated_at);
    out.end_row();
  }
}

void emit_cache_clusters(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const CacheCluster& cache : model.platform.cache_clusters) {
    out.uuid(cache.core.id);
    out.uuid(model.account->id);
    out.text(cache.core.resource_id);
    out.text(cache.engine);
    out.text(cache.node_type);
    out.integer(cache.num_nodes);
    out.text(cache.core.env);
    out.text(cache.core.region);
    out.decimal(cache.hourly_cost, 4);
    out.decimal(cache.avg_cpu_7d, 2);
    out.decimal(cache.avg_memory_7d, 2);
    out.timestamp(cache.core.created_at);
    out.timestamp(cache.updated_at);
    out.end_row();
  }
}

}  // namespace seedgen

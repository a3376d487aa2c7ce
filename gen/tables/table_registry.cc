#include "tables/table_registry.h"

#include <set>
#include <stdexcept>
#include <string_view>

#include "model/account_model.h"
#include "model/fleet_tables.h"

namespace seedgen {

const std::vector<TableSpec>& table_specs() {
  static const std::vector<TableSpec> specs = {
      {"public", "metrics_daily",
       "id, account_id, resource_type, resource_id, date, metric_payload, estimated_daily_cost, created_at",
       emit_metrics_daily},
      {"public", "resource_tags", "id, account_id, resource_type, resource_id, key, value, created_at",
       emit_resource_tags},
      {"public", "s3_bucket_usage_daily",
       "id, bucket_id, date, storage_gb_standard, storage_gb_ia, storage_gb_glacier, requests_count, "
       "estimated_storage_cost, estimated_request_cost",
       emit_s3_bucket_usage_daily},
      {"public", "log_group_usage_daily",
       "id, log_group_id, date, ingested_gb, stored_gb, estimated_ingestion_cost, estimated_storage_cost",
       emit_log_group_usage_daily},
      {"public", "data_transfer_daily",
       "id, account_id, date, source_region, dest_region, direction, gb_transferred, estimated_transfer_cost",
       emit_data_transfer_daily},
      {"public", "commitment_utilization_daily",
       "id, commitment_id, date, actual_hourly_usage_equivalent, utilization_percent, estimated_savings_vs_ondemand",
       emit_commitment_utilization_daily},
      {"public", "cloud_accounts", "id, name, provider, created_at", emit_cloud_accounts},
      {"public", "autoscaling_groups",
       "id, account_id, name, min_size, max_size, desired_capacity, instance_type, env, region, created_at, updated_at",
       emit_autoscaling_groups},
      {"public", "instances",
       "id, account_id, instance_id, name, instance_type, env, region, state, autoscaling_group_id, launch_time, "
       "hourly_cost, gpu_hourly_cost, gpu_count, has_gpu, avg_cpu_7d, avg_network_7d, last_active_at, tags, "
       "created_at, updated_at",
       emit_instances},
      {"public", "volumes",
       "id, account_id, volume_id, region, size_gib, volume_type, state, attached_instance_id, monthly_cost, "
       "last_used_at, tags, created_at, updated_at",
       emit_volumes},
      {"public", "snapshots",
       "id, account_id, snapshot_id, region, source_volume_id, size_gib, retention_policy, monthly_cost, tags, "
       "created_at",
       emit_snapshots},
      {"public", "s3_buckets", "id, account_id, name, env, region, lifecycle_policy, tags, created_at",
       emit_s3_buckets},
      {"public", "lambda_functions",
       "id, account_id, name, env, region, memory_mb, timeout_seconds, provisioned_concurrency, invocations_7d, "
       "avg_duration_ms_7d, estimated_monthly_cost, created_at, updated_at",
       emit_lambda_functions},
      {"public", "log_groups", "id, account_id, name, env, region, retention_days, tags, created_at", emit_log_groups},
      {"public", "container_clusters",
       "id, account_id, name, env, region, node_instance_type, desired_nodes, min_nodes, max_nodes, "
       "estimated_hourly_cost, created_at, updated_at",
       emit_container_clusters},
      {"public", "container_nodes",
       "id, cluster_id, instance_id, instance_type, region, state, hourly_cost, gpu_hourly_cost, gpu_count, has_gpu, "
       "avg_cpu_7d, avg_memory_7d, created_at, updated_at",
       emit_container_nodes},
      {"public", "container_services",
       "id, cluster_id, name, env, region, requested_cpu, requested_memory_mb, replica_count, avg_cpu_7d, "
       "avg_memory_7d, created_at, updated_at",
       emit_container_services},
      {"public", "rds_instances",
       "id, account_id, db_instance_id, engine, instance_class, allocated_storage_gib, env, region, state, "
       "hourly_cost, storage_monthly_cost, avg_cpu_7d, avg_connections_7d, created_at, updated_at",
       emit_rds_instances},
      {"public", "cache_clusters",
       "id, account_id, cluster_id, engine, node_type, num_nodes, env, region, hourly_cost, avg_cpu_7d, "
       "avg_memory_7d, created_at, updated_at",
       emit_cache_clusters},
      {"public", "load_balancers",
       "id, account_id, lb_arn, name, type, env, region, hourly_cost, avg_request_count_7d, created_at, updated_at",
       emit_load_balancers},
      {"public", "elastic_ips",
       "id, account_id, allocation_id, public_ip, associated_instance_id, associated_lb_arn, state, hourly_cost, "
       "created_at, updated_at",
       emit_elastic_ips},
      {"public", "managed_services",
       "id, account_id, service_type, name, env, region, instance_type, node_count, hourly_cost, avg_cpu_7d, "
       "avg_memory_7d, created_at, updated_at",
       emit_managed_services},
      {"public", "streaming_clusters",
       "id, account_id, name, engine, env, region, shard_count, retention_hours, provisioned_throughput_mbps, "
       "avg_usage_mbps_7d, hourly_cost, created_at, updated_at",
       emit_streaming_clusters},
      {"public", "commitments",
       "id, account_id, commitment_type, scope, term_months, hourly_commitment_amount, start_date, end_date, "
       "created_at",
       emit_commitments},
      {"public", "api_clients",
       "id, account_id, name, access_key_id, secret_key_hash, scopes, created_at, last_used_at", emit_api_clients},
      {"public", "optimization_actions",
       "id, account_id, resource_type, resource_id, action_type, status, estimated_monthly_savings, "
       "realized_monthly_savings, requested_by_client_id, details, created_at, updated_at, applied_at",
       emit_optimization_actions},
      {"seedgen", "planted_waste",
       "account_id, resource_type, resource_id, pattern, estimated_monthly_savings, counts_for_savings", emit_planted_waste},
      {"seedgen", "prices", "sku, region, unit, usd", emit_prices},
  };
  return specs;
}

const TableSpec* find_table(const std::string& name) {
  for (const auto& spec : table_specs()) {
    if (name == spec.name) return &spec;
  }
  return nullptr;
}

int table_key_fields(const TableSpec& spec) {
  const std::string_view columns = spec.columns;
  if (columns.rfind("id, ", 0) == 0) return 1;
  if (columns.rfind("account_id, resource_type, resource_id, pattern, ", 0) == 0) return 4;
  if (columns.rfind("sku, region, ", 0) == 0) return 2;
  throw std::logic_error(std::string("no key fields for ") + spec.name);
}

bool is_resource_table(const TableSpec& spec) {
  static const std::set<std::string_view> kResourceTables = {
      "instances",        "container_clusters", "container_nodes",  "lambda_functions", "volumes",
      "snapshots",        "s3_buckets",         "rds_instances",    "cache_clusters",   "load_balancers",
      "elastic_ips",      "managed_services",   "streaming_clusters", "log_groups"};
  return std::string_view(spec.schema) == "public" && kResourceTables.count(spec.name) > 0;
}

}  // namespace seedgen

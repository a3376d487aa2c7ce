// platform_tables.cc: the platform domain's rows of the shared tables: metrics_daily (one row per
// resource and day, payload keys per type in docs/data/platform.md), resource_tags (log groups are the
// only platform table with a tags column).
#include "model/platform/platform.h"

#include "copy/json_text.h"
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/polymorphic_rows.h"
#include "model/platform/platform_series.h"

namespace seedgen {
namespace {

// for_each_metrics_day: calls emit(day) for the resource's days of metrics_daily.
template <typename Emit>
void for_each_metrics_day(const World& world, int64_t created_at, Emit emit) {
  for (int32_t day = first_daily_day(world.metrics_emit_from(), created_at); day <= world.as_of_day(); ++day) emit(day);
}

void emit_rds_metrics(const World& world, const AccountModel& model, RowWriter& out, JsonText& json) {
  for (const RdsInstance& rds : model.platform.rds_instances) {
    for_each_metrics_day(world, rds.core.created_at, [&](int32_t day) {
      const RdsDay values = rds_day(world, rds, day);
      json.clear();
      json.number("cpu_avg", values.cpu_avg, 2).number("cpu_max", values.cpu_max, 2);
      json.number("connections_avg", values.connections_avg, 2).integer("connections_max", values.connections_max);
      json.number("free_storage_gb", values.free_storage_gb, 2);
      write_metrics_row(out, world, model, ResourceType::kRdsInstance, rds.core.resource_id, day, json.finish(),
                        rds_daily_cost(rds, values));
    });
  }
}

void emit_cache_metrics(const World& world, const AccountModel& model, RowWriter& out, JsonText& json) {
  for (const CacheCluster& cache : model.platform.cache_clusters) {
    for_each_metrics_day(world, cache.core.created_at, [&](int32_t day) {
      const CacheDay values = cache_day(world, cache, day);
      json.clear();
      json.number("cpu_avg", values.cpu_avg, 2).number("memory_avg", values.memory_avg, 2);
      json.number("hit_rate", values.hit_rate, 4).integer("connections", values.connections);
      write_metrics_row(out, world, model, ResourceType::kCacheCluster, cache.core.resource_id, day, json.finish(),
                        cache.hourly_cost * 24.0);
    });
  }
}

void emit_load_balancer_metrics(const World& world, const AccountModel& model, RowWriter& out, JsonText& json) {
  for (const LoadBalancer& lb : model.platform.load_balancers) {
    for_each_metrics_day(world, lb.core.created_at, [&](int32_t day) {
      const LoadBalancerDay values = load_balancer_day(world, lb, day);
      json.clear();
      json.integer("requests", values.requests).integer("active_flows", values.active_flows);
      json.number("processed_gb", values.processed_gb, 4).integer("healthy_targets", values.healthy_targets);
      write_metrics_row(out, world, model, ResourceType::kLoadBalancer, lb.core.resource_id, day, json.finish(),
                        values.cost);
    });
  }
}

void emit_elastic_ip_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  for (const ElasticIp& eip : model.platform.elastic_ips) {
    const std::string_view payload = eip.state == "associated" ? "{\"associated\": 1}" : "{\"associated\": 0}";
    for_each_metrics_day(world, eip.core.created_at, [&](int32_t day) {
      write_metrics_row(out, world, model, ResourceType::kElasticIp, eip.core.resource_id, day, payload,
                        eip.hourly_cost * 24.0);
    });
  }
}

void emit_managed_service_metrics(const World& world, const AccountModel& model, RowWriter& out, JsonText& json) {
  for (const ManagedService& service : model.platform.managed_services) {
    for_each_metrics_day(world, service.core.created_at, [&](int32_t day) {
      const ServiceDay values = managed_service_day(world, service, day);
      json.clear();
      json.number("cpu_avg", values.cpu_avg, 2).number("memory_avg", values.memory_avg, 2);
      json.integer("requests", values.requests);
      write_metrics_row(out, world, model, ResourceType::kManagedService, service.core.resource_id, day,
                        json.finish(), service.hourly_cost * 24.0);
    });
  }
}

void emit_streaming_metrics(const World& world, const AccountModel& model, RowWriter& out, JsonText& json) {
  for (const StreamingCluster& stream : model.platform.streaming_clusters) {
    for_each_metrics_day(world, stream.core.created_at, [&](int32_t day) {
      const StreamDay values = streaming_day(world, stream, day);
      json.clear();
      json.number("usage_mbps", values.usage_mbps, 2).integer("incoming_records", values.incoming_records);
      json.integer("retention_hours", stream.retention_hours);
      write_metrics_row(out, world, model, ResourceType::kStreamingCluster, stream.core.resource_id, day,
                        json.finish(), stream.hourly_cost * 24.0);
    });
  }
}

void emit_log_group_metrics(const World& world, const AccountModel& model, RowWriter& out, JsonText& json) {
  std::vector<LogDay> days;
  for (const LogGroup& group : model.platform.log_groups) {
    log_group_days(world, group, first_daily_day(world.metrics_emit_from(), group.core.created_at), world.as_of_day(),
                   days);
    for (const LogDay& day : days) {
      json.clear();
      json.number("ingested_gb", day.ingested_gb, 4).number("stored_gb", day.stored_gb, 4);
      write_metrics_row(out, world, model, ResourceType::kLogGroup, group.core.resource_id, day.day, json.finish(),
                        day.ingestion_cost + day.storage_cost);
    }
  }
}

}  // namespace

void emit_platform_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  JsonText json;
  emit_rds_metrics(world, model, out, json);
  emit_cache_metrics(world, model, out, json);
  emit_load_balancer_metrics(world, model, out, json);
  emit_elastic_ip_metrics(world, model, out);
  emit_managed_service_metrics(world, model, out, json);
  emit_streaming_metrics(world, model, out, json);
  emit_log_group_metrics(world, model, out, json);
}

void emit_platform_tags(const World& world, const AccountModel& model, RowWriter& out) {
  for (const LogGroup& group : model.platform.log_groups) write_tag_rows(out, world, model, ResourceType::kLogGroup, group.core);
}

}  // namespace seedgen

// container_tables.cc: COPY rows of container_clusters, container_nodes and container_services, and the
// metrics_daily rows of clusters and nodes (payloads in docs/data/containers_lambda.md). Cluster rows
// aggregate their nodes' rows of the same day, so the two always agree.
#include <algorithm>
#include <vector>

#include "copy/json_text.h"
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/polymorphic_rows.h"
#include "model/usage_series.h"
#include "model/containers/container_builders.h"

namespace seedgen {
namespace {

struct NodeRange {
  size_t begin = 0, end = 0;
};

// node_ranges: the nodes of each cluster, which the builder stores contiguously in cluster order.
std::vector<NodeRange> node_ranges(const ContainerModel& containers) {
  std::vector<NodeRange> ranges(containers.container_clusters.size());
  for (size_t index = containers.container_nodes.size(); index-- > 0;) {
    NodeRange& range = ranges[static_cast<size_t>(containers.container_nodes[index].cluster_index)];
    if (range.end == 0) range.end = index + 1;
    range.begin = index;
  }
  return ranges;
}

void emit_cluster_metrics(const World& world, const AccountModel& model, size_t cluster_index, NodeRange range,
                          JsonText& payload, RowWriter& out) {
  const auto& containers = model.containers;
  const ContainerCluster& cluster = containers.container_clusters[cluster_index];
  const double node_count = static_cast<double>(range.end - range.begin);
  for (int32_t day = metrics_first_day(world); day <= world.as_of_day(); ++day) {
    double cpu_sum = 0, cpu_max = 0, memory_sum = 0;
    for (size_t index = range.begin; index < range.end; ++index) {
      const ContainerNode& node = containers.container_nodes[index];
      const DailyUsage usage = usage_on(world, node.usage, kNodeSeries, day);
      cpu_sum += usage.cpu_avg;
      cpu_max = std::max(cpu_max, usage.cpu_max);
      memory_sum += usage.memory_avg;
      payload.clear();
      payload.number("cpu_avg", usage.cpu_avg, 2)
          .number("cpu_max", usage.cpu_max, 2)
          .number("memory_avg", usage.memory_avg, 2)
          .number("network_mb", usage.network_mb, 2);
      write_metrics_row(out, world, model, ResourceType::kContainerNode, node.core.resource_id, day, payload.finish(),
                        node.hourly_cost * 24.0);
    }
    payload.clear();
    payload.number("cpu_avg", node_count > 0 ? cpu_sum / node_count : 0.0, 2)
        .number("cpu_max", cpu_max, 2)
        .number("memory_avg", node_count > 0 ? memory_sum / node_count : 0.0, 2)
        .integer("nodes", static_cast<int64_t>(node_count));
    write_metrics_row(out, world, model, ResourceType::kContainerCluster, cluster.core.resource_id, day,
                      payload.finish(), cluster.estimated_hourly_cost * 24.0);
  }
}

}  // namespace

void emit_container_clusters(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  for (const ContainerCluster& cluster : model.containers.container_clusters) {
    out.uuid(cluster.core.id);
    out.uuid(model.account->id);
    out.text(cluster.name);
    out.text(cluster.core.env);
    out.text(cluster.core.region);
    out.text(cluster.node_instance_type);
    out.integer(cluster.desired_nodes);
    out.integer(cluster.min_nodes);
    out.integer(cluster.max_nodes);
    out.decimal(cluster.estimated_hourly_cost, 4);
    out.timestamp(cluster.core.created_at);
    out.timestamp(cluster.updated_at);
    out.end_row();
  }
}

void emit_container_nodes(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  const auto& clusters = model.containers.container_clusters;
  for (const ContainerNode& node : model.containers.container_nodes) {
    out.uuid(node.core.id);
    out.uuid(clusters[static_cast<size_t>(node.cluster_index)].core.id);
    out.text(node.instance_id);
    out.text(node.instance_type);
    out.text(node.core.region);
    out.text(node.state);
    out.decimal(node.hourly_cost, 4);
    out.decimal(node.gpu_hourly_cost, 4);
    out.integer(node.gpu_count);
    out.boolean(node.gpu_count > 0);
    out.decimal(node.avg_cpu_7d, 2);
    out.decimal(node.avg_memory_7d, 2);
    out.timestamp(node.core.created_at);
    out.timestamp(node.updated_at);
    out.end_row();
  }
}

void emit_container_services(const World& /*world*/, const AccountModel& model, RowWriter& out) {
  const auto& clusters = model.containers.container_clusters;
  for (const ContainerService& service : model.containers.container_services) {
    out.uuid(service.id);
    out.uuid(clusters[static_cast<size_t>(service.cluster_index)].core.id);
    out.text(service.name);
    out.text(service.env);
    out.text(service.region);
    out.decimal(service.requested_cpu, 4);
    out.integer(service.requested_memory_mb);
    out.integer(service.replica_count);
    out.decimal(service.avg_cpu_7d, 2);
    out.decimal(service.avg_memory_7d, 2);
    out.timestamp(service.created_at);
    out.timestamp(service.updated_at);
    out.end_row();
  }
}

void emit_container_lambda_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  const std::vector<NodeRange> ranges = node_ranges(model.containers);
  JsonText payload;
  for (size_t index = 0; index < ranges.size(); ++index) emit_cluster_metrics(world, model, index, ranges[index], payload, out);
  emit_lambda_metrics(world, model, out);
}

// emit_container_lambda_tags: none of container_clusters, container_nodes and lambda_functions has a tags
// column, so they have no resource_tags rows.
void emit_container_lambda_tags(const World& /*world*/, const AccountModel& /*model*/, RowWriter& /*out*/) {}

}  // namespace seedgen

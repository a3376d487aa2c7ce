// container_tables.cc: COPY rows of container_clusters, container_nodes and container_services, the
// metrics_daily rows of clusters and nodes (payloads in docs/data/containers_lambda.md) and the domain's
// resource_tags rows. A cluster's row of a day aggregates the node slots of that day (its timeline), and a
// node's rows are its slot's days since it was created, so the two always agree.
#include <algorithm>
#include <vector>

#include "copy/json_text.h"
#include "copy/row_writer.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/polymorphic_rows.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

// emit_cluster_metrics: the cluster's days and its listed nodes' days, from its timeline.
void emit_cluster_metrics(const World& world, const AccountModel& model, int cluster_index, size_t first_node,
                          JsonText& payload, RowWriter& out) {
  const auto& nodes = model.containers.container_nodes;
  const ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  const ClusterTimeline& timeline = cluster.timeline;
  for (int32_t day = std::max(world.metrics_emit_from(), cluster.life.birth_day); day <= world.as_of_day(); ++day) {
    const std::vector<NodeSlotDay>& slots = timeline.slots[static_cast<size_t>(day - timeline.first_day)];
    double cpu_sum = 0, cpu_max = 0, memory_sum = 0, hourly = cluster.control_plane_hourly;
    for (size_t slot = 0; slot < slots.size(); ++slot) {
      cpu_sum += slots[slot].cpu_avg;
      cpu_max = std::max(cpu_max, slots[slot].cpu_max);
      memory_sum += slots[slot].memory_avg;
      hourly += node_hourly(world, cluster.core.region, node_slot_type(cluster, static_cast<int>(slot) + 1));
    }
    const double count = static_cast<double>(slots.size());
    payload.clear();
    payload.number("cpu_avg", count > 0 ? cpu_sum / count : 0.0, 2)
        .number("cpu_max", cpu_max, 2)
        .number("memory_avg", count > 0 ? memory_sum / count : 0.0, 2)
        .integer("nodes", static_cast<int64_t>(count));
    write_metrics_row(out, world, model, ResourceType::kContainerCluster, cluster.core.resource_id, day, payload.finish(), hourly * 24.0);
    for (size_t index = first_node; index < nodes.size() && nodes[index].cluster_index == cluster_index; ++index) {
      const ContainerNode& node = nodes[index];
      if (day < node.life.birth_day) continue;
      const NodeSlotDay& usage = slots[static_cast<size_t>(node.slot - 1)];
      payload.clear();
      payload.number("cpu_avg", usage.cpu_avg, 2)
          .number("cpu_max", usage.cpu_max, 2)
          .number("memory_avg", usage.memory_avg, 2)
          .number("network_mb", usage.network_mb, 2);
      write_metrics_row(out, world, model, ResourceType::kContainerNode, node.core.resource_id, day, payload.finish(), node.hourly_cost * 24.0);
    }
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
    if (!service.listed) continue;
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
    out.timestamp(service.life.born_at);
    out.timestamp(service.updated_at);
    out.end_row();
  }
}

void emit_container_lambda_metrics(const World& world, const AccountModel& model, RowWriter& out) {
  const auto& containers = model.containers;
  JsonText payload;
  size_t first_node = 0;
  for (size_t index = 0; index < containers.container_clusters.size(); ++index) {
    while (first_node < containers.container_nodes.size() && containers.container_nodes[first_node].cluster_index < static_cast<int>(index)) ++first_node;
    emit_cluster_metrics(world, model, static_cast<int>(index), first_node, payload, out);
  }
  emit_lambda_metrics(world, model, out);
}

// emit_container_lambda_tags: the tables have no tags column; their tags are resource_tags rows only.
void emit_container_lambda_tags(const World& world, const AccountModel& model, RowWriter& out) {
  const auto& containers = model.containers;
  for (const ContainerCluster& cluster : containers.container_clusters) write_tag_rows(out, world, model, ResourceType::kContainerCluster, cluster.core);
  for (const ContainerNode& node : containers.container_nodes) write_tag_rows(out, world, model, ResourceType::kContainerNode, node.core);
  for (const LambdaFunction& function : containers.lambda_functions) write_tag_rows(out, world, model, ResourceType::kLambdaFunction, function.core);
}

}  // namespace seedgen

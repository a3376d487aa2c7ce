// platform.h: the managed-platform domain of one account: RDS instances, cache clusters, load balancers,
// Elastic IPs (on this account's instances or LBs, or unassociated), inter-region/AZ/egress transfer,
// managed services, streaming clusters and CloudWatch log groups with their daily usage.
// Planted patterns: rds_idle, rds_oversized, cache_underutilized, lb_idle, eip_unassociated,
// transfer_avoidable, managed_service_idle, streaming_overprovisioned, logs_no_retention.
// Built after compute (EIPs associate with model.ec2.instances).
#pragma once

#include <string>
#include <cstdint>
#include <vector>

#include "model/resource_core.h"

namespace seedgen {


// DailyLevel: one metric's daily value, base × weekend factor × noise, clamped to [floor, ceiling] and
// rounded to `decimals`. The clamp is what keeps planted, near-miss and ordinary resources on their side
// of a rule's threshold on every day, so the rule holds exactly (platform_series.h).
struct DailyLevel {
  double base = 0;
  double weekend_factor = 1;
  double noise = 0.15;
  double floor = 0;
  double ceiling = 1e9;
  int decimals = 2;
};

struct RdsInstance {
  ResourceCore core;           // resource_id = db_instance_id
  uint64_t key = 0;            // entity key: seeds the daily streams
  std::string engine, instance_class, state;
  int allocated_storage_gib = 20;
  double hourly_cost = 0, storage_monthly_cost = 0;
  double avg_cpu_7d = 0, avg_connections_7d = 0;
  int64_t updated_at = 0;
  DailyLevel cpu, connections;
  double connection_peak = 2;  // connections_max / connections_avg
  int spike_day = -1;          // days before as_of with exactly one connection (idle near miss), or -1
  double storage_used = 0.5;   // share of allocated storage in use at as_of
};

struct CacheCluster {
  ResourceCore core;           // resource_id = cluster_id
  uint64_t key = 0;            // entity key: seeds the daily streams
  std::string engine, node_type;
  int num_nodes = 1;
  double hourly_cost = 0, avg_cpu_7d = 0, avg_memory_7d = 0;
  int64_t updated_at = 0;
  DailyLevel cpu, memory, connections;
  double hit_rate = 0.9;
};

struct LoadBalancer {
  ResourceCore core;           // resource_id = lb_arn
  uint64_t key = 0;            // entity key: seeds the daily streams
  std::string name, type;      // type: application, network, gateway, classic
  double hourly_cost = 0, avg_request_count_7d = 0;
  int64_t updated_at = 0;
  DailyLevel requests;
  int spike_day = -1;          // days before as_of with 100-150 requests (idle near miss), or -1
  int spike_requests = 0;
  int healthy_targets = 2;
  double kb_per_request = 30;
};

struct ElasticIp {
  ResourceCore core;           // resource_id = allocation_id ("eipalloc-" + 17 hex)
  uint64_t key = 0;            // entity key: seeds the daily streams
  std::string public_ip, associated_instance_id, associated_lb_arn;  // empty = NULL
  std::string state;           // associated, unassociated
  double hourly_cost = 0;
  int64_t updated_at = 0;
};

// One (source, dest, direction) flow of the account; data_transfer_daily has a row per flow and day.
// Egress flows have dest_region "internet", ingress flows source_region "internet".
struct TransferFlow {
  std::string source_region, dest_region, direction;
  uint64_t key = 0;
  DailyLevel gb;
  double price_per_gb = 0;     // already × region multiplier; 0 for intra-az and ingress
  // planted_id: the answer key's resource_id of the flow (resource_type 'data_transfer').
  std::string planted_id() const { return source_region + "->" + dest_region + ":" + direction; }
};

struct ManagedService {
  ResourceCore core;           // resource_id = uuid
  uint64_t key = 0;            // entity key: seeds the daily streams
  std::string service_type, name, instance_type;
  int node_count = 1;
  double hourly_cost = 0, avg_cpu_7d = 0, avg_memory_7d = 0;
  int64_t updated_at = 0;
  DailyLevel cpu, memory, requests;
};

struct StreamingCluster {
  ResourceCore core;           // resource_id = uuid
  uint64_t key = 0;            // entity key: seeds the daily streams
  std::string name, engine;    // engine: kinesis, msk, kafka
  int shard_count = 1;         // shards (kinesis) or brokers (msk, kafka)
  int retention_hours = 24;
  double provisioned_throughput_mbps = 1, avg_usage_mbps_7d = 0, hourly_cost = 0;
  int64_t updated_at = 0;
  DailyLevel usage_mbps;
  double kb_per_record = 2;
};

struct LogGroup {
  ResourceCore core;           // resource_id = uuid
  uint64_t key = 0;            // entity key: seeds the daily streams
  std::string name;
  int retention_days = 0;      // 0 = NULL (never expire)
  DailyLevel ingested_gb;      // GB/day; days before the daily window ingest `base`
  double ingest_price_per_gb = 0, storage_price_per_gb_month = 0;  // × region multiplier
};

class RowWriter;

struct PlatformModel {
  std::vector<RdsInstance> rds_instances;
  std::vector<CacheCluster> cache_clusters;
  std::vector<LoadBalancer> load_balancers;
  std::vector<ElasticIp> elastic_ips;
  std::vector<TransferFlow> transfer_flows;
  std::vector<ManagedService> managed_services;
  std::vector<StreamingCluster> streaming_clusters;
  std::vector<LogGroup> log_groups;
};

void build_platform(const World& world, AccountModel& model);

void emit_rds_instances(const World& world, const AccountModel& model, RowWriter& out);
void emit_cache_clusters(const World& world, const AccountModel& model, RowWriter& out);
void emit_load_balancers(const World& world, const AccountModel& model, RowWriter& out);
void emit_elastic_ips(const World& world, const AccountModel& model, RowWriter& out);
void emit_data_transfer_daily(const World& world, const AccountModel& model, RowWriter& out);
void emit_managed_services(const World& world, const AccountModel& model, RowWriter& out);
void emit_streaming_clusters(const World& world, const AccountModel& model, RowWriter& out);
void emit_log_groups(const World& world, const AccountModel& model, RowWriter& out);
void emit_log_group_usage_daily(const World& world, const AccountModel& model, RowWriter& out);
void emit_platform_metrics(const World& world, const AccountModel& model, RowWriter& out);
void emit_platform_tags(const World& world, const AccountModel& model, RowWriter& out);

}  // namespace seedgen

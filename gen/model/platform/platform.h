// platform.h: the managed-platform domain of one account: RDS instances, cache clusters, load balancers,
// Elastic IPs (on this account's instances or LBs, or unassociated), inter-region/AZ/egress transfer,
// managed services, streaming clusters and CloudWatch log groups with their daily usage.
// Every resource is a life (docs/MODEL.md) born of its account's birth process; its daily values come from
// continuous distributions, and evaluate_platform_rules then records every finding of rds_idle,
// rds_oversized, cache_underutilized, lb_idle, eip_unassociated, transfer_avoidable, managed_service_idle,
// streaming_overprovisioned and logs_no_retention that holds on the values as stored (docs/data/platform.md).
// Built after compute (EIPs associate with model.ec2.instances, log groups name Lambda functions).
#pragma once

#include <string>
#include <cstdint>
#include <vector>

#include "model/lives.h"
#include "model/resource_core.h"

namespace seedgen {


// DailyLevel: one metric's daily value: base x business_activity(day, weekend) x e^(slow x value noise) x
// e^(sigma x the day's normal draw), clamped to the metric's physical range [floor, ceiling] and rounded to
// `decimals` (platform_series.h). Nothing here knows a rule's threshold: the findings are whatever the
// rules find on these values.
struct DailyLevel {
  double base = 0;
  double weekend = 1;          // activity on Saturdays and Sundays (holidays in between), 1 = flat
  double sigma = 0.15;         // day-to-day noise, log scale
  double slow = 0.2;           // amplitude of the slow variation (value noise with a ~9-day period), log scale
  double floor = 0;
  double ceiling = 1e12;
  int decimals = 2;
};

struct RdsInstance {
  ResourceCore core;           // resource_id = db_instance_id
  Life life;                   // life.key seeds the daily streams
  std::string engine, instance_class, state;
  int allocated_storage_gib = 20;
  double hourly_cost = 0, storage_monthly_cost = 0;
  double avg_cpu_7d = 0, avg_connections_7d = 0;   // as stored (2 decimals)
  double max_connections_7d = 0;                   // max connections_max over the rows dated as_of-6 .. as_of
  int64_t updated_at = 0;
  DailyLevel cpu, connections, idle_cpu;
  double connection_peak = 2;  // median connections_max / connections_avg
  double storage_used = 0.5;   // share of allocated storage in use at as_of
  int64_t abandoned_at = kNever;   // from then on nobody connects but the odd stray session
  double stray_chance = 0;     // chance of a stray connection on a day after abandonment
  double stop_habit = 0;       // weekly chance of being stopped (AWS restarts it after 7 days)
};

struct CacheCluster {
  ResourceCore core;           // resource_id = cluster_id
  Life life;
  std::string engine, node_type;
  int num_nodes = 1;
  double hourly_cost = 0, avg_cpu_7d = 0, avg_memory_7d = 0;
  int64_t updated_at = 0;
  DailyLevel cpu, memory, connections;
  double hit_rate = 0.9;
};

struct LoadBalancer {
  ResourceCore core;           // resource_id = lb_arn
  Life life;
  std::string name, type;      // type: application, network, gateway, classic
  double hourly_cost = 0, avg_request_count_7d = 0;
  double max_requests_7d = 0;  // max daily requests over the rows dated as_of-6 .. as_of
  double monthly_cost = 0;     // hours plus capacity units (or GB processed for classic)
  int64_t updated_at = 0;
  DailyLevel requests, stray_requests;   // served traffic; what reaches it once abandoned (scanners, probes)
  int64_t abandoned_at = kNever;         // its service moved away: targets deregistered, traffic stops
  int healthy_targets = 2;
  double kb_per_request = 30;
};

struct ElasticIp {
  ResourceCore core;           // resource_id = allocation_id ("eipalloc-" + 17 hex)
  Life life;
  std::string public_ip, associated_instance_id, associated_lb_arn;  // empty = NULL
  std::string state;           // associated, unassociated
  double hourly_cost = 0;
  int64_t updated_at = 0;
};

// One (source, dest, direction) flow of the account; data_transfer_daily has a row per flow and day with
// traffic. Egress flows have dest_region "internet", ingress flows source_region "internet".
struct TransferFlow {
  std::string source_region, dest_region, direction;
  uint64_t key = 0;
  DailyLevel gb;
  double duty = 1;             // share of days with traffic (cross-region flows are often batch jobs)
  double price_per_gb = 0;     // the catalog's price from the source region; 0 for intra-az and ingress
  double mean_gb_30d = 0;      // mean gb_transferred over the rows dated as_of-29 .. as_of
  double mean_cost_30d = 0;    // mean estimated_transfer_cost over the same rows
  // planted_id: the answer key's resource_id of the flow (resource_type 'data_transfer').
  std::string planted_id() const { return source_region + "->" + dest_region + ":" + direction; }
};

struct ManagedService {
  ResourceCore core;           // resource_id = uuid
  Life life;
  std::string service_type, name, instance_type;
  int node_count = 1;
  double hourly_cost = 0, avg_cpu_7d = 0, avg_memory_7d = 0;
  int64_t updated_at = 0;
  DailyLevel cpu, memory, requests, idle_cpu;   // idle_cpu: background work once abandoned
  int64_t abandoned_at = kNever;   // its users went away: CPU falls to background work
};

struct StreamingCluster {
  ResourceCore core;           // resource_id = uuid
  Life life;
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
  Life life;
  std::string name;
  int retention_days = 0;      // 0 = NULL (never expire)
  DailyLevel ingested_gb;      // GB/day; days before the daily window ingest `base`
  double ingest_price_per_gb = 0, storage_price_per_gb_month = 0;  // the catalog's prices in its region
  double stored_gb_as_of = 0, ingested_gb_30d = 0;                  // what logs_no_retention reads
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

// build_platform: every platform resource of the account alive at the end of as_of, then its findings.
void build_platform(const World& world, AccountModel& model);
// evaluate_platform_rules: records every platform finding on the built (stored) values.
void evaluate_platform_rules(const World& world, AccountModel& model);

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

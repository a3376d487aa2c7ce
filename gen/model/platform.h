// platform.h: the managed-platform domain of one account: RDS instances, cache clusters, load balancers,
// Elastic IPs (on this account's instances or LBs, or unassociated), inter-region/AZ/egress transfer,
// managed services, streaming clusters and CloudWatch log groups with their daily usage.
// Planted patterns: rds_idle, rds_oversized, cache_underutilized, lb_idle, eip_unassociated,
// transfer_avoidable, managed_service_idle, streaming_overprovisioned, logs_no_retention.
// Built after compute (EIPs associate with model.compute.instances).
#pragma once

#include <vector>

#include "model/common.h"
#include "model/platform_entities.h"

namespace seedgen {

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

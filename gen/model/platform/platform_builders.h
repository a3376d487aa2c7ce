// platform_builders.h: what the platform builders (database_builder.cc, network_builder.cc,
// services_builder.cc, logs_builder.cc, transfer_builder.cc) share. Internal to the platform domain:
// build_platform (platform_builder.cc) calls the builders in dependency order.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "config/catalog.h"
#include "model/legacy_planting.h"
#include "model/account_model.h"
#include "model/platform/platform_series.h"

namespace seedgen {

// Builders, in the order build_platform calls them. Each appends to model.platform, adds every resource's
// monthly cost and records the waste it plants.
void build_rds_instances(const World& world, AccountModel& model);
void build_cache_clusters(const World& world, AccountModel& model);
void build_load_balancers(const World& world, AccountModel& model);
void build_elastic_ips(const World& world, AccountModel& model);     // after load balancers and compute
void build_managed_services(const World& world, AccountModel& model);
void build_streaming_clusters(const World& world, AccountModel& model);
void build_log_groups(const World& world, AccountModel& model);      // after RDS and compute (names)
void build_transfer_flows(const World& world, AccountModel& model);  // last: needs the regions in use

// Every platform resource is at least this old, so its last 7 days of metrics are always complete.
inline constexpr int kMinAgeDays = 8;
// ... and at most this old, so it is younger than its account (accounts are >= 400 days old).
inline constexpr int kMaxAgeDays = 380;

// plant_decision: the decision for one resource and pattern, from the pattern's own stream, so that other
// draws of the resource never shift it.
Plant plant_decision(const World& world, Pattern pattern, uint64_t key);

// pick_sized: a size drawn by catalog popularity.
const SizedPrice& pick_sized(Rng& rng, const std::vector<SizedPrice>& sizes);

// app_name: a workload name used in resource names ("api", "checkout", ...).
std::string_view app_name(Rng& rng);

// draw_updated_at: a time between created_at and as_of.
int64_t draw_updated_at(Rng& rng, const World& world, int64_t created_at);

// nonprod_weekend_factor: 1 in prod, 0.3-0.6 elsewhere (quiet weekends).
double nonprod_weekend_factor(Rng& rng, std::string_view env);

}  // namespace seedgen

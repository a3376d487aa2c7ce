// platform_builders.h: what the platform builders (database_builder.cc, network_builder.cc,
// services_builder.cc, logs_builder.cc, transfer_builder.cc) share. Internal to the platform domain:
// build_platform (platform_builder.cc) calls the builders in dependency order, then the rules
// (platform_rules.cc). Every resource is a life of its (account, kind) birth process (platform_lives.cc).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "config/catalog.h"
#include "model/account_model.h"
#include "model/lives.h"
#include "model/platform/platform_series.h"

namespace seedgen {

// Builders, in the order build_platform calls them. Each appends to model.platform and adds every
// resource's monthly cost; none decides a finding.
void build_rds_instances(const World& world, AccountModel& model);
void build_cache_clusters(const World& world, AccountModel& model);
void build_load_balancers(const World& world, AccountModel& model);
void build_elastic_ips(const World& world, AccountModel& model);     // after load balancers and compute
void build_managed_services(const World& world, AccountModel& model);
void build_streaming_clusters(const World& world, AccountModel& model);
void build_log_groups(const World& world, AccountModel& model);      // after RDS and compute (names)
void build_transfer_flows(const World& world, AccountModel& model);  // last: needs the regions in use

// A platform resource at its birth: its life, its own stream, where it runs and a compact per-account
// coordinate for its natural ids (the day since the account's creation and the birth's ordinal that day).
struct PlatformBirth {
  Life life;
  std::string_view region, env;
  uint64_t coordinate = 0;     // (birth day - account's first day) << ordinal_bits | ordinal
};

// for_each_birth: calls `build` for each life of `kind` (resource type `type`) alive at the end of as_of,
// in birth order, with the life's stream. At most 2^ordinal_bits births a day are kept (the natural ids'
// capacity); the expected population is the account's plan for `type`.
void for_each_birth(const World& world, const AccountModel& model, ResourceType type, int ordinal_bits,
                    const std::function<void(const PlatformBirth&, Rng&)>& build);

// pick_sized: a size drawn by catalog popularity (from `allowed` names only when it is not empty).
const SizedPrice& pick_sized(Rng& rng, const std::vector<SizedPrice>& sizes,
                             const std::vector<std::string_view>& allowed = {});

// app_name: a workload name used in resource names ("api", "checkout", ...).
std::string_view app_name(Rng& rng);

// draw_updated_at: a time between created_at and the end of as_of.
int64_t draw_updated_at(Rng& rng, const World& world, int64_t created_at);

// weekend_activity: how busy a resource of `env` is at weekends relative to weekdays.
double weekend_activity(Rng& rng, std::string_view env);

// abandonment: when the resource's users went away (kNever for most): `chance` of it, after a lognormal
// delay with median `median_days` from its birth.
int64_t abandonment(Rng& rng, const Life& life, double chance, double median_days);

// mean_of_rows_7d: the mean of value(day) over the resource's rows dated as_of-6 .. as_of (born_at on),
// rounded to 2 decimals as the *_7d columns store it.
double mean_of_rows_7d(const World& world, int64_t born_at, const std::function<double(int32_t)>& value);
// max_of_rows_7d: the largest value(day) over the same rows.
double max_of_rows_7d(const World& world, int64_t born_at, const std::function<double(int32_t)>& value);

}  // namespace seedgen

// platform_builder.cc: build_platform, the platform's birth processes (one per resource type, with the
// lifetimes of docs/data/platform.md) and the helpers the platform builders share.
#include <algorithm>
#include <array>
#include <cmath>

#include "core/calendar.h"
#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr std::array<std::string_view, 16> kApps = {"api",     "web",     "worker",  "etl",    "batch",    "orders",
                                                    "gateway", "scheduler", "indexer", "reports", "ingest", "auth",
                                                    "checkout", "search",  "billing", "catalog"};

LifeSpec spec(std::string_view kind, std::vector<LifetimeComponent> lifetimes, double max_days) {
  LifeSpec life;
  life.kind = kind;
  life.lifetimes = std::move(lifetimes);
  life.max_lifetime_days = max_days;
  return life;
}

// life_spec: how long each kind lives. Data stores and log groups live for years (a third of
// non-production copies go within months); load balancers and addresses come and go with services.
const LifeSpec& life_spec(ResourceType type) {
  static const LifeSpec rds = spec("rds_instance", {{0.3, 150, 1.0}, {0.3, 700, 0.7}}, 3000);
  static const LifeSpec cache = spec("cache_cluster", {{0.3, 120, 1.0}, {0.3, 600, 0.7}}, 3000);
  static const LifeSpec lb = spec("load_balancer", {{0.35, 90, 1.1}, {0.35, 500, 0.8}}, 3000);
  static const LifeSpec eip = spec("elastic_ip", {{0.35, 60, 1.2}, {0.35, 450, 0.9}}, 3000);
  static const LifeSpec service = spec("managed_service", {{0.35, 120, 1.0}, {0.3, 600, 0.7}}, 3000);
  static const LifeSpec stream = spec("streaming_cluster", {{0.3, 150, 1.0}, {0.3, 600, 0.7}}, 3000);
  static const LifeSpec logs = spec("log_group", {{0.15, 300, 1.0}}, 3000);
  switch (type) {
    case ResourceType::kRdsInstance: return rds;
    case ResourceType::kCacheCluster: return cache;
    case ResourceType::kLoadBalancer: return lb;
    case ResourceType::kElasticIp: return eip;
    case ResourceType::kManagedService: return service;
    case ResourceType::kStreamingCluster: return stream;
    default: return logs;
  }
}

}  // namespace

void build_platform(const World& world, AccountModel& model) {
  build_rds_instances(world, model);
  build_cache_clusters(world, model);
  build_load_balancers(world, model);
  build_elastic_ips(world, model);
  build_managed_services(world, model);
  build_streaming_clusters(world, model);
  build_log_groups(world, model);
  build_transfer_flows(world, model);
  evaluate_platform_rules(world, model);
}

void for_each_birth(const World& world, const AccountModel& model, ResourceType type, int ordinal_bits,
                    const std::function<void(const PlatformBirth&, Rng&)>& build) {
  const AccountPlan& account = *model.account;
  const double expected = account.expected[static_cast<size_t>(type)];
  if (expected <= 0) return;
  const BirthProcess births(world, account, life_spec(type), expected);
  const int32_t first_day = static_cast<int32_t>(account.created_at / kSecondsPerDay);
  std::vector<double> env_weights;
  for (const auto& env : account.envs) env_weights.push_back(env.second);
  for (const Life& life : births.lives_at(world.snapshot_time() - 1)) {
    if (life.ordinal >= (1U << ordinal_bits)) continue;   // beyond the ids' capacity for one day
    Rng stream = births.life_stream(life);
    PlatformBirth birth;
    birth.life = life;
    birth.region = account.regions[weighted_index(account.region_weights, stream.unit())];
    birth.env = account.envs[weighted_index(env_weights, stream.unit())].first;
    birth.coordinate = static_cast<uint64_t>(life.birth_day - first_day) << ordinal_bits | life.ordinal;
    build(birth, stream);
  }
}

const SizedPrice& pick_sized(Rng& rng, const std::vector<SizedPrice>& sizes, const std::vector<std::string_view>& allowed) {
  std::vector<double> weights;
  for (const SizedPrice& size : sizes) {
    const bool ok = allowed.empty() || std::find(allowed.begin(), allowed.end(), size.name) != allowed.end();
    weights.push_back(ok ? size.popularity : 0.0);
  }
  return sizes[rng.weighted(weights)];
}

std::string_view app_name(Rng& rng) { return kApps[rng.below(kApps.size())]; }

int64_t draw_updated_at(Rng& rng, const World& world, int64_t created_at) {
  const double share = rng.unit();
  return std::min(world.snapshot_time() - 1,
                  created_at + static_cast<int64_t>(share * static_cast<double>(world.snapshot_time() - created_at)));
}

double weekend_activity(Rng& rng, std::string_view env) {
  const double quiet = rng.uniform(0.3, 0.6), steady = rng.uniform(0.75, 1.0);
  return env == "prod" ? steady : quiet;
}

int64_t abandonment(Rng& rng, const Life& life, double chance, double median_days) {
  const double happens = rng.unit(), delay = rng.lognormal(median_days, 1.0);
  if (happens >= chance) return kNever;
  return life.born_at + static_cast<int64_t>(delay * kSecondsPerDay);
}

double mean_of_rows_7d(const World& world, int64_t born_at, const std::function<double(int32_t)>& value) {
  double sum = 0;
  int rows = 0;
  for (int32_t day = first_daily_day(world.as_of_day() - 6, born_at); day <= world.as_of_day(); ++day, ++rows) sum += value(day);
  return rows == 0 ? 0 : round_to(sum / rows, 2);
}

double max_of_rows_7d(const World& world, int64_t born_at, const std::function<double(int32_t)>& value) {
  double peak = 0;
  for (int32_t day = first_daily_day(world.as_of_day() - 6, born_at); day <= world.as_of_day(); ++day) {
    peak = std::max(peak, value(day));
  }
  return peak;
}

}  // namespace seedgen

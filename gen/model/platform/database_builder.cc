// database_builder.cc: RDS instances and cache clusters, each a life of its account with usage drawn from
// continuous distributions (docs/data/platform.md, "Distributions"); rds_idle, rds_oversized and
// cache_underutilized are found by the rules on what this draws (platform_rules.cc).
#include <algorithm>
#include <array>
#include <cmath>

#include "model/natural_ids.h"
#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr int kOrdinalBits = 7;   // 8-hex ids: 13 bits of days since the account's creation, 7 of ordinal

constexpr std::array<std::string_view, 5> kRdsEngines = {"postgres", "mysql", "aurora-postgresql", "aurora-mysql",
                                                         "mariadb"};
constexpr std::array<double, 5> kRdsEngineWeights = {45, 30, 12, 8, 5};
// Aurora runs on memory-optimised and burstable medium-or-larger classes only (no db.t3.micro/small, no db.m5).
const std::vector<std::string_view> kAuroraClasses = {"db.t3.medium", "db.r5.large", "db.r5.xlarge"};

bool is_postgres_family(std::string_view engine) { return engine.find("postgres") != std::string_view::npos; }
bool is_aurora(std::string_view engine) { return engine.starts_with("aurora"); }

// The usage of a database: CPU and connections while in use, then (for some) abandonment.
void draw_rds_usage(Rng& stream, RdsInstance& rds, bool prod) {
  const double weekend = weekend_activity(stream, rds.core.env);
  const double cpu = stream.lognormal(prod ? 40 : 24, 0.75);
  const double connections = stream.lognormal(prod ? 30 : 5, 1.1);
  rds.cpu = DailyLevel{cpu, weekend, 0.2, 0.25, 0.3, 100, 2};
  rds.connections = DailyLevel{connections, std::sqrt(weekend), 0.25, 0.3, 0, 1e5, 2};
  rds.idle_cpu = DailyLevel{stream.lognormal(1.5, 0.5), 1, 0.3, 0.1, 0.1, 100, 2};
  rds.connection_peak = stream.uniform(1.5, 3.0);
  rds.abandoned_at = abandonment(stream, rds.life, prod ? 0.08 : 0.22, prod ? 90 : 30);
  const double stray = stream.unit();
  rds.stray_chance = 0.2 * stray * stray;
  const double habit = stream.unit();
  rds.stop_habit = !prod && habit < 0.2 ? 0.5 : 0.0;
}

void build_rds_instance(const World& world, AccountModel& model, const PlatformBirth& birth, Rng& stream) {
  RdsInstance rds;
  rds.life = birth.life;
  rds.core.id = Uuid::from_key(world.seed(), "rds_instances", birth.life.key);
  rds.core.region = birth.region;
  rds.core.env = birth.env;
  rds.core.created_at = birth.life.born_at;
  const bool prod = is_prod(birth.env);
  const std::string_view app = app_name(stream);
  rds.engine = kRdsEngines[stream.weighted(kRdsEngineWeights)];
  const SizedPrice& size = pick_sized(stream, world.catalog->rds_classes, is_aurora(rds.engine) ? kAuroraClasses
                                                                                               : std::vector<std::string_view>{});
  rds.allocated_storage_gib = static_cast<int>(std::clamp(stream.lognormal(prod ? 150 : 60, 0.9), 20.0, 16384.0));
  rds.storage_used = stream.uniform(0.25, 0.85);
  draw_rds_usage(stream, rds, prod);
  rds.updated_at = draw_updated_at(stream, world, rds.core.created_at);

  rds.core.resource_id = std::string(app) + "-" + std::string(rds.core.env) + "-db-" +
                         unique_hex(world, "rds_instance", model.account->index, birth.coordinate, 8);
  rds.instance_class = size.name;
  const std::string sku = "rds." + size.name + (is_postgres_family(rds.engine) ? ".postgres.hour" : ".hour");
  rds.hourly_cost = round4(world.catalog->price(sku, rds.core.region));
  rds.storage_monthly_cost = rds.allocated_storage_gib * world.catalog->unit_price("rds.storage.gb_month");
  const bool stopped = rds_stopped_at(world, rds, world.snapshot_time() - 1);
  rds.state = stopped ? "stopped" : "available";
  const auto day = [&](int32_t d) { return rds_day(world, rds, d); };
  rds.avg_cpu_7d = mean_of_rows_7d(world, rds.life.born_at, [&](int32_t d) { return day(d).cpu_avg; });
  rds.avg_connections_7d = mean_of_rows_7d(world, rds.life.born_at, [&](int32_t d) { return day(d).connections_avg; });
  rds.max_connections_7d = max_of_rows_7d(world, rds.life.born_at, [&](int32_t d) { return double(day(d).connections_max); });
  add_monthly_cost(model, (stopped ? 0.0 : rds.hourly_cost * kHoursPerMonth) + rds.storage_monthly_cost);
  model.platform.rds_instances.push_back(std::move(rds));
}

int draw_cache_nodes(Rng& rng, bool redis) {
  static constexpr std::array<double, 4> kRedisNodeWeights = {45, 30, 20, 5};
  static constexpr std::array<int, 4> kRedisNodes = {1, 2, 3, 6};
  const int redis_nodes = kRedisNodes[rng.weighted(kRedisNodeWeights)];
  const int memcached_nodes = static_cast<int>(rng.between(1, 4));
  return redis ? redis_nodes : memcached_nodes;
}

// draw_cache_usage: CPU and memory share one latent "how much is this cache used" factor, so a quiet
// cache tends to be small in memory too (Redis is single-threaded: CPU is a share of all cores).
void draw_cache_usage(Rng& stream, CacheCluster& cache) {
  const double used = stream.normal(0, 1), cpu_own = stream.normal(0, 1), memory_own = stream.normal(0, 1);
  const double weekend = weekend_activity(stream, cache.core.env);
  const double cpu = 10 * std::exp(0.85 * (0.6 * used + 0.8 * cpu_own));
  const double memory = 45 * std::exp(0.5 * (0.6 * used + 0.8 * memory_own));
  cache.cpu = DailyLevel{cpu, weekend, 0.2, 0.2, 0.1, 100, 2};
  cache.memory = DailyLevel{memory, 1, 0.03, 0.08, 1, 99, 2};
  cache.connections = DailyLevel{is_prod(cache.core.env) ? stream.lognormal(200, 0.9) : stream.lognormal(30, 0.9),
                                 weekend, 0.2, 0.2, 1, 65000, 0};
  cache.hit_rate = stream.uniform(0.75, 0.98);
}

void build_cache_cluster(const World& world, AccountModel& model, const PlatformBirth& birth, Rng& stream) {
  CacheCluster cache;
  cache.life = birth.life;
  cache.core.id = Uuid::from_key(world.seed(), "cache_clusters", birth.life.key);
  cache.core.region = birth.region;
  cache.core.env = birth.env;
  cache.core.created_at = birth.life.born_at;
  const std::string_view app = app_name(stream);
  const bool redis = stream.chance(0.8);
  const SizedPrice& node = pick_sized(stream, world.catalog->cache_node_types);
  cache.num_nodes = draw_cache_nodes(stream, redis);
  draw_cache_usage(stream, cache);
  cache.updated_at = draw_updated_at(stream, world, cache.core.created_at);

  cache.engine = redis ? "redis" : "memcached";
  cache.core.resource_id = std::string(app) + "-" + std::string(cache.core.env) + (redis ? "-redis-" : "-memc-") +
                           unique_hex(world, "cache_cluster", model.account->index, birth.coordinate, 8);
  cache.node_type = node.name;
  cache.hourly_cost = round4(world.catalog->price("elasticache." + node.name + ".hour", cache.core.region)) * cache.num_nodes;
  cache.avg_cpu_7d = mean_of_rows_7d(world, cache.life.born_at, [&](int32_t d) { return cache_day(world, cache, d).cpu_avg; });
  cache.avg_memory_7d = mean_of_rows_7d(world, cache.life.born_at, [&](int32_t d) { return cache_day(world, cache, d).memory_avg; });
  add_monthly_cost(model, cache.hourly_cost * kHoursPerMonth);
  model.platform.cache_clusters.push_back(std::move(cache));
}

}  // namespace

void build_rds_instances(const World& world, AccountModel& model) {
  for_each_birth(world, model, ResourceType::kRdsInstance, kOrdinalBits,
                 [&](const PlatformBirth& birth, Rng& stream) { build_rds_instance(world, model, birth, stream); });
}

void build_cache_clusters(const World& world, AccountModel& model) {
  for_each_birth(world, model, ResourceType::kCacheCluster, kOrdinalBits,
                 [&](const PlatformBirth& birth, Rng& stream) { build_cache_cluster(world, model, birth, stream); });
}

}  // namespace seedgen

// database_builder.cc: RDS instances and cache clusters, with the rds_idle, rds_oversized and
// cache_underutilized patterns (rules in docs/data/platform.md).
#include <algorithm>
#include <array>

#include "model/natural_ids.h"
#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr std::array<std::string_view, 5> kRdsEngines = {"postgres", "mysql", "aurora-postgresql", "aurora-mysql",
                                                         "mariadb"};
constexpr std::array<double, 5> kRdsEngineWeights = {45, 30, 12, 8, 5};

bool is_postgres_family(std::string_view engine) { return engine.find("postgres") != std::string_view::npos; }

// The three shapes of an available database's CPU and connections (the rules' sides).
struct RdsDraws {
  double weekend_factor, busy_cpu, oversized_cpu, near_miss_cpu, idle_cpu, connection_level;
};

void shape_idle_rds(RdsInstance& rds, const RdsDraws& draws, Plant idle, int spike_day) {
  rds.cpu = DailyLevel{draws.idle_cpu, 1, 0.3, 0.2, 6};
  rds.connections = DailyLevel{0, 1, 0, 0, 0};
  rds.spike_day = idle == Plant::kNearMiss ? spike_day : -1;
}

void shape_busy_rds(RdsInstance& rds, const RdsDraws& draws, Plant oversized) {
  rds.connections = DailyLevel{draws.connection_level, draws.weekend_factor, 0.25, 2, 5000};
  if (oversized == Plant::kWaste) {
    rds.cpu = DailyLevel{draws.oversized_cpu, draws.weekend_factor, 0.25, 1.5, 23.5};
  } else if (oversized == Plant::kNearMiss) {
    rds.cpu = DailyLevel{draws.near_miss_cpu, 1, 0.02, 25.5, 27};
  } else {
    rds.cpu = DailyLevel{draws.busy_cpu, 0.5 + 0.5 * draws.weekend_factor, 0.2, 28, 95};
  }
}

void build_rds_instance(const World& world, AccountModel& model, uint32_t local_index) {
  const uint32_t account_index = model.account->index;
  const uint64_t key = entity_key(account_index, "rds_instance", local_index);
  Rng rng(world.seed(), "rds_instances", key);
  RdsInstance rds;
  rds.key = key;
  rds.core = core_for(rng, world, "rds_instances", key, "", kMinAgeDays, kMaxAgeDays);
  const std::string_view app = app_name(rng);
  rds.engine = kRdsEngines[rng.weighted(kRdsEngineWeights)];
  const SizedPrice& size = pick_sized(rng, world.catalog->rds_classes);
  rds.allocated_storage_gib = static_cast<int>(std::clamp(rng.lognormal(100, 0.9), 20.0, 16384.0));
  const bool stopped = rng.chance(0.08) && !is_prod(rds.core.env);
  rds.storage_used = rng.uniform(0.25, 0.85);
  rds.connection_peak = rng.uniform(1.5, 3.0);
  const int spike_day = static_cast<int>(rng.between(0, 6));
  const RdsDraws draws{nonprod_weekend_factor(rng, rds.core.env), rng.uniform(35, 75), rng.lognormal(9, 0.5),
                       rng.uniform(25.8, 26.7), rng.uniform(1, 4),
                       is_prod(rds.core.env) ? rng.lognormal(40, 0.8) : rng.lognormal(8, 0.7)};
  rds.updated_at = draw_updated_at(rng, world, rds.core.created_at);
  const Plant idle = plant_decision(world, Pattern::kRdsIdle, key);
  const Plant oversized = plant_decision(world, Pattern::kRdsOversized, key);

  rds.core.resource_id = std::string(app) + "-" + std::string(rds.core.env) + "-db-" +
                         unique_hex(world, "rds_instance", account_index, local_index, 8);
  rds.instance_class = size.name;
  const double engine_factor = is_postgres_family(rds.engine) ? world.catalog->unit_price("rds.postgres.price_multiplier") : 1.0;
  rds.hourly_cost = round4(regional_price(world, rds.core.region, size.hourly_usd * engine_factor));
  rds.storage_monthly_cost = rds.allocated_storage_gib * world.catalog->unit_price("rds.storage.gb_month");
  rds.state = stopped ? "stopped" : "available";
  if (!stopped && idle != Plant::kNone) shape_idle_rds(rds, draws, idle, spike_day);
  if (!stopped && idle == Plant::kNone) shape_busy_rds(rds, draws, oversized);

  rds.avg_cpu_7d = mean_last_7_days(world.as_of_day(), [&](int32_t day) { return rds_day(world, rds, day).cpu_avg; });
  rds.avg_connections_7d =
      mean_last_7_days(world.as_of_day(), [&](int32_t day) { return rds_day(world, rds, day).connections_avg; });
  const double compute_monthly = stopped ? 0.0 : rds.hourly_cost * kHoursPerMonth;
  add_monthly_cost(model, compute_monthly + rds.storage_monthly_cost);
  if (!stopped && idle == Plant::kWaste) {
    record_waste(model, ResourceType::kRdsInstance, rds.core.resource_id, Pattern::kRdsIdle,
                 compute_monthly + rds.storage_monthly_cost);
  } else if (!stopped && idle == Plant::kNone && oversized == Plant::kWaste) {
    record_waste(model, ResourceType::kRdsInstance, rds.core.resource_id, Pattern::kRdsOversized, 0.5 * compute_monthly);
  }
  model.platform.rds_instances.push_back(std::move(rds));
}

int draw_cache_nodes(Rng& rng, bool redis) {
  static constexpr std::array<double, 4> kRedisNodeWeights = {45, 30, 20, 5};
  static constexpr std::array<int, 4> kRedisNodes = {1, 2, 3, 6};
  const int redis_nodes = kRedisNodes[rng.weighted(kRedisNodeWeights)];
  const int memcached_nodes = static_cast<int>(rng.between(1, 4));
  return redis ? redis_nodes : memcached_nodes;
}

// shape_cache: cpu and memory on the side of cache_underutilized's rule that `plant` asks for. A near
// miss breaks exactly one of the two conditions, just barely.
void shape_cache(CacheCluster& cache, Plant plant, bool near_on_cpu, double weekend_factor, Rng& rng) {
  const DailyLevel low_cpu{rng.lognormal(4, 0.4), 1, 0.25, 0.5, 9};
  const DailyLevel low_memory{rng.uniform(8, 22), 1, 0.1, 3, 27};
  const DailyLevel busy_cpu{rng.uniform(15, 55), weekend_factor, 0.2, 12, 95};
  const DailyLevel busy_memory{rng.uniform(40, 85), 1, 0.05, 33, 98};
  if (plant == Plant::kWaste) {
    cache.cpu = low_cpu;
    cache.memory = low_memory;
  } else if (plant == Plant::kNearMiss) {
    cache.cpu = near_on_cpu ? DailyLevel{11.5, 1, 0.05, 10.5, 13} : low_cpu;
    cache.memory = near_on_cpu ? low_memory : DailyLevel{32, 1, 0.04, 31, 35};
  } else {
    cache.cpu = busy_cpu;
    cache.memory = busy_memory;
  }
}

void build_cache_cluster(const World& world, AccountModel& model, uint32_t local_index) {
  const uint32_t account_index = model.account->index;
  const uint64_t key = entity_key(account_index, "cache_cluster", local_index);
  Rng rng(world.seed(), "cache_clusters", key);
  CacheCluster cache;
  cache.key = key;
  cache.core = core_for(rng, world, "cache_clusters", key, "", kMinAgeDays, kMaxAgeDays);
  const std::string_view app = app_name(rng);
  const bool redis = rng.chance(0.8);
  const SizedPrice& node = pick_sized(rng, world.catalog->cache_node_types);
  cache.num_nodes = draw_cache_nodes(rng, redis);
  cache.hit_rate = rng.uniform(0.75, 0.98);
  const bool near_on_cpu = rng.chance(0.5);
  const double weekend_factor = nonprod_weekend_factor(rng, cache.core.env);
  cache.connections = DailyLevel{is_prod(cache.core.env) ? rng.lognormal(200, 0.7) : rng.lognormal(30, 0.7),
                                 weekend_factor, 0.2, 1, 65000, 0};
  cache.updated_at = draw_updated_at(rng, world, cache.core.created_at);
  const Plant plant = plant_decision(world, Pattern::kCacheUnderutilized, key);
  shape_cache(cache, plant, near_on_cpu, weekend_factor, rng);

  cache.engine = redis ? "redis" : "memcached";
  cache.core.resource_id = std::string(app) + "-" + std::string(cache.core.env) + (redis ? "-redis-" : "-memc-") +
                           unique_hex(world, "cache_cluster", account_index, local_index, 8);
  cache.node_type = node.name;
  cache.hourly_cost = round4(regional_price(world, cache.core.region, node.hourly_usd)) * cache.num_nodes;
  cache.avg_cpu_7d = mean_last_7_days(world.as_of_day(), [&](int32_t day) { return cache_day(world, cache, day).cpu_avg; });
  cache.avg_memory_7d =
      mean_last_7_days(world.as_of_day(), [&](int32_t day) { return cache_day(world, cache, day).memory_avg; });
  const double monthly = cache.hourly_cost * kHoursPerMonth;
  add_monthly_cost(model, monthly);
  if (plant == Plant::kWaste) {
    // Several nodes: keep one; a single node: one size down, about half the price.
    const double share = cache.num_nodes > 1 ? static_cast<double>(cache.num_nodes - 1) / cache.num_nodes : 0.5;
    record_waste(model, ResourceType::kCacheCluster, cache.core.resource_id, Pattern::kCacheUnderutilized, share * monthly);
  }
  model.platform.cache_clusters.push_back(std::move(cache));
}

}  // namespace

void build_rds_instances(const World& world, AccountModel& model) {
  const int64_t count = resource_count(model, ResourceType::kRdsInstance);
  for (int64_t index = 0; index < count; ++index) build_rds_instance(world, model, static_cast<uint32_t>(index));
}

void build_cache_clusters(const World& world, AccountModel& model) {
  const int64_t count = resource_count(model, ResourceType::kCacheCluster);
  for (int64_t index = 0; index < count; ++index) build_cache_cluster(world, model, static_cast<uint32_t>(index));
}

}  // namespace seedgen

// services_builder.cc: managed services (OpenSearch, feature stores, SageMaker endpoints) and streaming
// clusters (Kinesis, MSK, self-managed Kafka), with the managed_service_idle and
// streaming_overprovisioned patterns (rules in docs/data/platform.md).
#include <algorithm>
#include <array>
#include <cmath>

#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr std::array<std::string_view, 3> kServiceTypes = {"opensearch", "feature-store", "sagemaker-endpoint"};
constexpr std::array<double, 3> kServiceTypeWeights = {60, 20, 20};
constexpr std::array<std::string_view, 3> kServiceNameTags = {"search", "features", "endpoint"};

constexpr std::array<std::string_view, 3> kStreamEngines = {"kinesis", "msk", "kafka"};
constexpr std::array<double, 3> kStreamEngineWeights = {60, 30, 10};
constexpr std::array<std::string_view, 4> kStreamNames = {"events", "clicks", "audit", "changes"};
// Sustained throughput a broker is sized for, per vCPU (an approximation of AWS's MSK sizing guide).
constexpr double kBrokerMbpsPerVcpu = 25;

// instance_type_for: OpenSearch keeps the catalog's name; the ML services run the same size as "ml.*".
std::string instance_type_for(std::string_view service_type, const std::string& search_type) {
  if (service_type == "opensearch") return search_type;
  const size_t suffix = search_type.rfind(".search");
  return "ml." + search_type.substr(0, suffix);
}

void shape_service(ManagedService& service, Plant plant, double weekend_factor, Rng& rng) {
  const double memory = rng.uniform(25, 50);
  const double busy_cpu = rng.uniform(12, 60);
  const double busy_memory = rng.uniform(40, 85);
  const double busy_requests = is_prod(service.core.env) ? rng.lognormal(2e6, 1) : rng.lognormal(1e5, 1);
  const double idle_cpu = rng.lognormal(1.5, 0.5);
  const double idle_requests = rng.lognormal(20, 1);
  if (plant == Plant::kNone) {
    service.cpu = DailyLevel{busy_cpu, weekend_factor, 0.2, 8, 95};
    service.memory = DailyLevel{busy_memory, 1, 0.05, 20, 98};
    service.requests = DailyLevel{busy_requests, weekend_factor, 0.25, 100, 5e10, 0};
    return;
  }
  service.memory = DailyLevel{memory, 1, 0.05, 10, 70};
  service.cpu = plant == Plant::kWaste ? DailyLevel{idle_cpu, 1, 0.3, 0.2, 4} : DailyLevel{6, 1, 0.05, 5.3, 7};
  service.requests = DailyLevel{plant == Plant::kWaste ? idle_requests : idle_requests * 20, 1, 0.5, 0, 5e4, 0};
}

void build_managed_service(const World& world, AccountModel& model, uint32_t local_index) {
  const uint64_t key = entity_key(model.account->index, "managed_service", local_index);
  Rng rng(world.seed(), "managed_services", key);
  ManagedService service;
  service.key = key;
  service.core = core_for(rng, world, "managed_services", key, "", kMinAgeDays, kMaxAgeDays);
  const std::string_view app = app_name(rng);
  const size_t type_index = rng.weighted(kServiceTypeWeights);
  const SizedPrice& size = pick_sized(rng, world.catalog->search_instance_types);
  static constexpr std::array<int, 4> kOpenSearchNodes = {1, 2, 3, 6};
  static constexpr std::array<double, 4> kOpenSearchNodeWeights = {20, 30, 35, 15};
  const int search_nodes = kOpenSearchNodes[rng.weighted(kOpenSearchNodeWeights)];
  const int ml_nodes = static_cast<int>(rng.between(1, 4));
  const double weekend_factor = nonprod_weekend_factor(rng, service.core.env);
  service.updated_at = draw_updated_at(rng, world, service.core.created_at);
  const Plant plant = plant_decision(world, Pattern::kManagedServiceIdle, key);
  shape_service(service, plant, weekend_factor, rng);

  service.service_type = kServiceTypes[type_index];
  service.name = std::string(app) + "-" + std::string(service.core.env) + "-" + std::string(kServiceNameTags[type_index]) +
                 "-" + std::to_string(local_index + 1);
  service.instance_type = instance_type_for(service.service_type, size.name);
  service.node_count = type_index == 0 ? search_nodes : ml_nodes;
  service.hourly_cost = round4(regional_price(world, service.core.region, size.hourly_usd)) * service.node_count;
  service.avg_cpu_7d =
      mean_last_7_days(world.as_of_day(), [&](int32_t day) { return managed_service_day(world, service, day).cpu_avg; });
  service.avg_memory_7d =
      mean_last_7_days(world.as_of_day(), [&](int32_t day) { return managed_service_day(world, service, day).memory_avg; });
  const double monthly = service.hourly_cost * kHoursPerMonth;
  add_monthly_cost(model, monthly);
  if (plant == Plant::kWaste) {
    record_waste(model, ResourceType::kManagedService, service.core.resource_id, Pattern::kManagedServiceIdle, monthly);
  }
  model.platform.managed_services.push_back(std::move(service));
}

int draw_retention_hours(Rng& rng, bool kinesis) {
  static constexpr std::array<int, 3> kKinesisHours = {24, 168, 8760};
  static constexpr std::array<double, 3> kKinesisWeights = {70, 25, 5};
  static constexpr std::array<int, 4> kKafkaHours = {24, 72, 168, 720};
  static constexpr std::array<double, 4> kKafkaWeights = {10, 20, 60, 10};
  const int kinesis_hours = kKinesisHours[rng.weighted(kKinesisWeights)];
  const int kafka_hours = kKafkaHours[rng.weighted(kKafkaWeights)];
  return kinesis ? kinesis_hours : kafka_hours;
}

// stream_usage: daily usage as a share of provisioned throughput, on the rule's side `plant` asks for.
DailyLevel stream_usage(Plant plant, double provisioned, double weekend_factor, Rng& rng) {
  const double low_share = rng.uniform(0.04, 0.12);
  const double busy_share = rng.uniform(0.35, 0.8);
  if (plant == Plant::kWaste) return DailyLevel{low_share * provisioned, weekend_factor, 0.3, 0.01, 0.17 * provisioned};
  if (plant == Plant::kNearMiss) return DailyLevel{0.225 * provisioned, 1, 0.03, 0.215 * provisioned, 0.24 * provisioned};
  return DailyLevel{busy_share * provisioned, weekend_factor, 0.15, 0.3 * provisioned, 0.95 * provisioned};
}

void build_streaming_cluster(const World& world, AccountModel& model, uint32_t local_index) {
  const uint64_t key = entity_key(model.account->index, "streaming_cluster", local_index);
  Rng rng(world.seed(), "streaming_clusters", key);
  StreamingCluster stream;
  stream.key = key;
  stream.core = core_for(rng, world, "streaming_clusters", key, "", kMinAgeDays, kMaxAgeDays);
  const std::string_view app = app_name(rng);
  const size_t engine_index = rng.weighted(kStreamEngineWeights);
  const std::string_view stream_name = kStreamNames[rng.below(kStreamNames.size())];
  const int shards = static_cast<int>(std::clamp(std::llround(rng.lognormal(4, 0.9)), 1LL, 200LL));
  static constexpr std::array<int, 3> kBrokers = {3, 6, 9};
  static constexpr std::array<double, 3> kBrokerWeights = {60, 30, 10};
  const int brokers = kBrokers[rng.weighted(kBrokerWeights)];
  const SizedPrice& broker = pick_sized(rng, world.catalog->msk_broker_types);
  const bool kinesis = engine_index == 0;
  stream.retention_hours = draw_retention_hours(rng, kinesis);
  stream.kb_per_record = std::clamp(rng.lognormal(1.5, 0.6), 0.1, 900.0);
  const double weekend_factor = nonprod_weekend_factor(rng, stream.core.env);
  stream.updated_at = draw_updated_at(rng, world, stream.core.created_at);
  const Plant plant = plant_decision(world, Pattern::kStreamingOverprovisioned, key);

  stream.engine = kStreamEngines[engine_index];
  stream.name = std::string(app) + "-" + std::string(stream.core.env) + "-" + std::string(stream_name) + "-" +
                std::to_string(local_index + 1);
  stream.shard_count = kinesis ? shards : brokers;
  // Kinesis: 1 MB/s of writes per shard. MSK and Kafka: brokers × what a broker of that size sustains.
  stream.provisioned_throughput_mbps = kinesis ? shards : brokers * broker.vcpu * kBrokerMbpsPerVcpu;
  const double unit_hourly = kinesis ? world.catalog->unit_price("kinesis.shard_hour") : broker.hourly_usd;
  stream.hourly_cost = round4(regional_price(world, stream.core.region, unit_hourly)) * stream.shard_count;
  stream.usage_mbps = stream_usage(plant, stream.provisioned_throughput_mbps, weekend_factor, rng);
  stream.avg_usage_mbps_7d =
      mean_last_7_days(world.as_of_day(), [&](int32_t day) { return streaming_day(world, stream, day).usage_mbps; });
  const double monthly = stream.hourly_cost * kHoursPerMonth;
  add_monthly_cost(model, monthly);
  if (plant == Plant::kWaste) {
    const double unused_share = 1.0 - round_to(stream.avg_usage_mbps_7d, 2) / stream.provisioned_throughput_mbps;
    record_waste(model, ResourceType::kStreamingCluster, stream.core.resource_id, Pattern::kStreamingOverprovisioned,
                 unused_share * monthly);
  }
  model.platform.streaming_clusters.push_back(std::move(stream));
}

}  // namespace

void build_managed_services(const World& world, AccountModel& model) {
  const int64_t count = resource_count(model, ResourceType::kManagedService);
  for (int64_t index = 0; index < count; ++index) build_managed_service(world, model, static_cast<uint32_t>(index));
}

void build_streaming_clusters(const World& world, AccountModel& model) {
  const int64_t count = resource_count(model, ResourceType::kStreamingCluster);
  for (int64_t index = 0; index < count; ++index) build_streaming_cluster(world, model, static_cast<uint32_t>(index));
}

}  // namespace seedgen

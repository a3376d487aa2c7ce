// services_builder.cc: managed services (OpenSearch, feature stores, SageMaker endpoints) and streaming
// clusters (Kinesis, MSK, self-managed Kafka), each a life of its account (docs/data/platform.md);
// managed_service_idle and streaming_overprovisioned are found by the rules.
#include <algorithm>
#include <array>
#include <cmath>

#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr int kOrdinalBits = 16;   // ids are uuids; the coordinate only numbers names

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

void draw_service_usage(Rng& stream, ManagedService& service) {
  const bool prod = is_prod(service.core.env);
  const double weekend = weekend_activity(stream, service.core.env);
  service.cpu = DailyLevel{stream.lognormal(prod ? 16 : 10, 0.8), weekend, 0.2, 0.25, 0.1, 100, 2};
  service.idle_cpu = DailyLevel{stream.lognormal(1.8, 0.5), 1, 0.25, 0.1, 0.1, 100, 2};
  service.memory = DailyLevel{stream.uniform(30, 85), 1, 0.04, 0.08, 1, 99, 2};
  service.requests = DailyLevel{prod ? stream.lognormal(2e6, 1.2) : stream.lognormal(5e4, 1.2), weekend, 0.3, 0.3, 0, 5e10, 0};
  service.abandoned_at = abandonment(stream, service.life, prod ? 0.1 : 0.18, prod ? 90 : 30);
}

void build_managed_service(const World& world, AccountModel& model, const PlatformBirth& birth, Rng& stream) {
  ManagedService service;
  service.life = birth.life;
  service.core.id = Uuid::from_key(world.seed(), "managed_services", birth.life.key);
  service.core.resource_id = uuid_text(service.core.id);
  service.core.region = birth.region;
  service.core.env = birth.env;
  service.core.created_at = birth.life.born_at;
  const std::string_view app = app_name(stream);
  const size_t type_index = stream.weighted(kServiceTypeWeights);
  const SizedPrice& size = pick_sized(stream, world.catalog->search_instance_types);
  static constexpr std::array<int, 4> kOpenSearchNodes = {1, 2, 3, 6};
  static constexpr std::array<double, 4> kOpenSearchNodeWeights = {20, 30, 35, 15};
  const int search_nodes = kOpenSearchNodes[stream.weighted(kOpenSearchNodeWeights)];
  const int ml_nodes = static_cast<int>(stream.between(1, 4));
  draw_service_usage(stream, service);
  service.updated_at = draw_updated_at(stream, world, service.core.created_at);

  service.service_type = kServiceTypes[type_index];
  service.name = std::string(app) + "-" + std::string(service.core.env) + "-" + std::string(kServiceNameTags[type_index]) +
                 "-" + std::to_string(birth.life.ordinal + 1);
  service.instance_type = instance_type_for(service.service_type, size.name);
  service.node_count = type_index == 0 ? search_nodes : ml_nodes;
  service.hourly_cost = round4(world.catalog->price("opensearch." + size.name + ".hour", service.core.region)) * service.node_count;
  service.avg_cpu_7d = mean_of_rows_7d(world, service.life.born_at, [&](int32_t d) { return managed_service_day(world, service, d).cpu_avg; });
  service.avg_memory_7d = mean_of_rows_7d(world, service.life.born_at, [&](int32_t d) { return managed_service_day(world, service, d).memory_avg; });
  add_monthly_cost(model, service.hourly_cost * kHoursPerMonth);
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

void build_streaming_cluster(const World& world, AccountModel& model, const PlatformBirth& birth, Rng& stream) {
  StreamingCluster cluster;
  cluster.life = birth.life;
  cluster.core.id = Uuid::from_key(world.seed(), "streaming_clusters", birth.life.key);
  cluster.core.resource_id = uuid_text(cluster.core.id);
  cluster.core.region = birth.region;
  cluster.core.env = birth.env;
  cluster.core.created_at = birth.life.born_at;
  const std::string_view app = app_name(stream);
  const size_t engine_index = stream.weighted(kStreamEngineWeights);
  const std::string_view stream_name = kStreamNames[stream.below(kStreamNames.size())];
  const int shards = static_cast<int>(std::clamp(std::llround(stream.lognormal(4, 0.9)), 1LL, 200LL));
  static constexpr std::array<int, 3> kBrokers = {3, 6, 9};
  static constexpr std::array<double, 3> kBrokerWeights = {60, 30, 10};
  const int brokers = kBrokers[stream.weighted(kBrokerWeights)];
  const SizedPrice& broker = pick_sized(stream, world.catalog->msk_broker_types);
  const bool kinesis = engine_index == 0;
  cluster.retention_hours = draw_retention_hours(stream, kinesis);
  cluster.kb_per_record = std::clamp(stream.lognormal(1.5, 0.6), 0.1, 900.0);
  // Usage as a share of what is provisioned: teams size for peaks and growth that mostly never come.
  const double share = stream.lognormal(0.36, 0.75);
  const double weekend = weekend_activity(stream, cluster.core.env);
  cluster.updated_at = draw_updated_at(stream, world, cluster.core.created_at);

  cluster.engine = kStreamEngines[engine_index];
  cluster.name = std::string(app) + "-" + std::string(cluster.core.env) + "-" + std::string(stream_name) + "-" +
                 std::to_string(birth.life.ordinal + 1);
  cluster.shard_count = kinesis ? shards : brokers;
  // Kinesis: 1 MB/s of writes per shard. MSK and Kafka: brokers x what a broker of that size sustains.
  cluster.provisioned_throughput_mbps = kinesis ? shards : brokers * broker.vcpu * kBrokerMbpsPerVcpu;
  const double unit_hourly = kinesis ? world.catalog->price("kinesis.shard_hour", cluster.core.region)
                                     : world.catalog->price("msk." + broker.name + ".hour", cluster.core.region);
  cluster.hourly_cost = round4(unit_hourly) * cluster.shard_count;
  cluster.usage_mbps = DailyLevel{share * cluster.provisioned_throughput_mbps, weekend, 0.2, 0.25, 0.01,
                                  cluster.provisioned_throughput_mbps, 2};
  cluster.avg_usage_mbps_7d = mean_of_rows_7d(world, cluster.life.born_at, [&](int32_t d) { return streaming_day(world, cluster, d).usage_mbps; });
  add_monthly_cost(model, cluster.hourly_cost * kHoursPerMonth);
  model.platform.streaming_clusters.push_back(std::move(cluster));
}

}  // namespace

void build_managed_services(const World& world, AccountModel& model) {
  for_each_birth(world, model, ResourceType::kManagedService, kOrdinalBits,
                 [&](const PlatformBirth& birth, Rng& stream) { build_managed_service(world, model, birth, stream); });
}

void build_streaming_clusters(const World& world, AccountModel& model) {
  for_each_birth(world, model, ResourceType::kStreamingCluster, kOrdinalBits,
                 [&](const PlatformBirth& birth, Rng& stream) { build_streaming_cluster(world, model, birth, stream); });
}

}  // namespace seedgen

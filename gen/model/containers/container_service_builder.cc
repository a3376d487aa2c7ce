// container_service_builder.cc: the services (deployments) a cluster runs, each a derived life of the
// cluster: a batch is deployed with the cluster and more arrive over its life, each living weeks to years
// (never beyond its cluster). Their CPU requests together fill the share of the cluster's nodes its
// autoscaler keeps (or its fixed node group was sized to), split by heavy-tailed weights, and they use a
// lognormal share of what they request (median 14 %: the CAST AI and Datadog container reports find most
// containers use well under half their CPU request). Some services lose their callers and idle on.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/calendar_effects.h"
#include "model/containers/container_builders.h"
#include "model/daily_noise.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

constexpr const char* kServiceApps[] = {"checkout", "cart", "search", "catalog", "payments", "auth", "orders",
                                        "profile", "notify", "pricing", "inventory", "reports", "ingest",
                                        "recommend", "billing", "media"};
constexpr const char* kServiceRoles[] = {"api", "worker", "web", "consumer", "cron", "gateway", "sync", "grpc"};

constexpr double kInitialShare = 0.6;        // of a cluster's typical services, deployed with it
constexpr double kMeanWeight = 1.5;          // mean of lognormal(1, 0.9)
constexpr uint32_t kMaxBirthsPerDay = 255;

const LifeSpec& service_life_spec() {
  static const LifeSpec spec = make_life_spec("container_service", {{0.35, 45, 1.0}, {0.35, 400, 0.8}}, 1500);
  return spec;
}

double draw_lifetime_days(Rng& rng, const LifeSpec& spec) {
  const double pick = rng.unit(), spread = rng.normal(0, 1);
  double cumulative = 0;
  for (const LifetimeComponent& component : spec.lifetimes) {
    cumulative += component.share;
    if (pick < cumulative) return std::min(spec.max_lifetime_days, component.median_days * std::exp(component.sigma * spread));
  }
  return spec.max_lifetime_days;
}

// arrival_rate: services deployed per day after the first batch, such that the cluster runs about
// service_count services at the calibration anchor.
double arrival_rate(const World& world, const ContainerCluster& cluster) {
  const LifeSpec& spec = service_life_spec();
  const double age = std::max(30.0, static_cast<double>(world.anchor_day() - cluster.life.birth_day));
  double integral = 0;
  for (double day = 0; day < age; day += 1) integral += survival(spec, day + 0.5);
  const double remaining = cluster.service_count * (1.0 - kInitialShare * survival(spec, age));
  return std::max(0.0, remaining / integral);
}

// memory_mb_per_vcpu: the node family's memory per vCPU (c: 2 GiB, r: 8 GiB, others 4 GiB).
double memory_mb_per_vcpu(const std::string& instance_type) {
  if (instance_type.front() == 'c') return 2048;
  if (instance_type.front() == 'r') return 8192;
  return 4096;
}

// draw_requests: the service's replicas and per-replica requests. A replica never requests more than half
// a node: past that the service scales out instead.
void draw_requests(Rng& rng, const World& world, const ContainerCluster& cluster, ContainerService& service) {
  const double weight = rng.lognormal(1.0, 0.9), replica_kind = rng.unit(), jitter = rng.uniform(0.6, 1.1);
  const int few = static_cast<int>(rng.between(2, 4)), many = static_cast<int>(rng.between(5, 12));
  const double node_vcpu = world.catalog->instance_type(cluster.node_instance_type).vcpu;
  const double total = weight / kMeanWeight * cluster.base_nodes * node_vcpu * cluster.pack / cluster.service_count;
  int replicas = replica_kind < 0.25 ? 1 : (replica_kind < 0.85 ? few : many);
  const double max_per_replica = 0.5 * node_vcpu;
  if (total / replicas > max_per_replica) replicas = static_cast<int>(std::ceil(total / max_per_replica));
  service.base_replicas = replicas;
  service.requested_cpu = std::max(0.05, std::round(std::min(total / replicas, max_per_replica) * 1000.0) / 1000.0);
  const double memory_mb = service.requested_cpu * memory_mb_per_vcpu(cluster.node_instance_type) * jitter;
  service.requested_memory_mb = std::max(64, static_cast<int>(std::lround(memory_mb / 64.0)) * 64);
}

void draw_use(Rng& rng, const ContainerCluster& cluster, ContainerService& service) {
  const bool prod = is_prod(cluster.core.env);
  const double scales = rng.unit(), headroom = rng.uniform(1.5, 3.0);
  const double cpu = rng.lognormal(14.0, 0.75), memory = rng.lognormal(45.0, 0.35), idle = rng.lognormal(1.2, 0.6);
  const double weekend = prod ? rng.uniform(0.7, 1.0) : rng.uniform(0.3, 0.6);
  const double abandons = rng.unit(), delay = rng.lognormal(60.0, 1.0);
  service.scales = service.base_replicas >= 2 && scales < 0.4;
  service.max_replicas = service.scales ? static_cast<int>(std::ceil(service.base_replicas * headroom)) : service.base_replicas;
  service.cpu_use = std::clamp(cpu, 0.3, 95.0);
  service.memory_use = std::clamp(memory, 5.0, 95.0);
  service.idle_cpu_use = std::clamp(idle, 0.05, 4.0);
  service.weekend = weekend;
  if (abandons < (prod ? 0.06 : 0.18)) service.abandoned_at = service.life.born_at + static_cast<int64_t>(delay * kSecondsPerDay);
}

ContainerService make_service(const World& world, const AccountModel& model, int cluster_index, Life life) {
  const ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  Rng rng(world.seed(), "container_services", life.key);
  ContainerService service;
  service.life = life;
  service.id = Uuid::from_key(world.seed(), "container_services", life.key);
  service.cluster_index = cluster_index;
  service.env = cluster.core.env;
  service.region = cluster.core.region;
  service.name = std::string(kServiceApps[rng.below(std::size(kServiceApps))]) + "-" + kServiceRoles[rng.below(std::size(kServiceRoles))];
  draw_requests(rng, world, cluster, service);
  draw_use(rng, cluster, service);
  const double update = rng.unit();
  service.updated_at = std::min(world.snapshot_time() - 1,
                                life.born_at + static_cast<int64_t>(update * static_cast<double>(world.snapshot_time() - life.born_at)));
  return service;
}

// seven_day_columns: replica_count on as_of and the means of the service's days as_of-6 .. as_of (from
// its birth day), rounded as the columns store them.
void seven_day_columns(const World& world, ContainerService& service) {
  double cpu = 0, memory = 0;
  int days = 0;
  for (int32_t day = std::max(world.as_of_day() - 6, service.life.birth_day); day <= world.as_of_day(); ++day, ++days) {
    const ServiceDay values = service_day(world, service, day);
    cpu += values.cpu_percent;
    memory += values.memory_percent;
  }
  service.replica_count = service_day(world, service, world.as_of_day()).replicas;
  service.avg_cpu_7d = days == 0 ? 0 : round2(cpu / days);
  service.avg_memory_7d = days == 0 ? 0 : round2(memory / days);
}

}  // namespace

ServiceDay service_day(const World& world, const ContainerService& service, int32_t day) {
  ServiceDay result;
  const int64_t start = static_cast<int64_t>(day) * kSecondsPerDay;
  if (!service.life.alive_during(start, start + kSecondsPerDay)) return result;
  Rng rng = day_rng(world, kServiceSeries, service.life.key, day);
  const double noise = rng.normal(0, 1), memory_noise = rng.normal(0, 1);
  const double slow = smooth_noise(world.seed(), kServiceSeries, service.life.key, day, 9);
  const double load = business_activity(day, service.weekend) * std::exp(0.3 * slow + 0.2 * noise);
  const bool abandoned = service.abandoned_at != kNever && start + kSecondsPerDay / 2 >= service.abandoned_at;
  double cpu = service.cpu_use * load;
  result.replicas = service.base_replicas;
  if (abandoned) {
    cpu = service.idle_cpu_use * std::exp(0.2 * noise);
  } else if (service.scales) {
    const int floor = std::max(1, (service.base_replicas + 1) / 2);
    result.replicas = std::clamp(static_cast<int>(std::ceil(service.base_replicas * load)), floor, service.max_replicas);
    cpu = service.cpu_use * service.base_replicas * load / result.replicas;
  }
  const double memory = service.memory_use * (abandoned ? 0.7 : 1.0) * std::exp(0.05 * memory_noise);
  result.cpu_percent = round2(std::clamp(cpu, 0.01, 100.0));
  result.memory_percent = round2(std::clamp(memory, 1.0, 100.0));
  return result;
}

void build_cluster_services(const World& world, AccountModel& model, int cluster_index) {
  const ContainerCluster& cluster = model.containers.container_clusters[static_cast<size_t>(cluster_index)];
  const LifeSpec& spec = service_life_spec();
  const uint32_t account_index = model.account->index;
  const int32_t birth_day = cluster.life.birth_day;
  const int64_t window_start = static_cast<int64_t>(std::min(world.metrics_first_day(), world.as_of_day() - kTimelineDays + 1)) * kSecondsPerDay;
  const double rate = arrival_rate(world, cluster);
  const int32_t first = std::max(birth_day, static_cast<int32_t>(window_start / kSecondsPerDay - spec.max_lifetime_days) - 1);
  for (int32_t day = first; day <= world.as_of_day(); ++day) {
    Rng births(world.seed(), "container_service_births", mix64(cluster.life.key ^ static_cast<uint64_t>(day)));
    const double expected = rate + (day == birth_day ? kInitialShare * cluster.service_count : 0.0);
    const int64_t count = std::min<int64_t>(births.poisson(expected), kMaxBirthsPerDay);
    for (uint32_t ordinal = 0; ordinal < static_cast<uint32_t>(count); ++ordinal) {
      Life life;
      life.birth_day = day;
      life.ordinal = ordinal;
      life.key = entity_key(account_index, "container_service",
                            cluster.coordinate << 24 | static_cast<uint64_t>(day - birth_day) << 8 | ordinal);
      Rng stream(world.seed(), "container_service_life", life.key);
      const int64_t second = day == birth_day ? 300 + stream.below(3600) : 8 * 3600 + stream.below(11 * 3600);
      life.born_at = day == birth_day ? cluster.life.born_at + second : static_cast<int64_t>(day) * kSecondsPerDay + second;
      const double lifetime = draw_lifetime_days(stream, spec);
      life.died_at = lifetime >= spec.max_lifetime_days ? kNever : life.born_at + static_cast<int64_t>(lifetime * kSecondsPerDay);
      life.died_at = std::min(life.died_at, cluster.life.died_at);
      if (!life.alive_during(window_start, world.snapshot_time())) continue;
      ContainerService service = make_service(world, model, cluster_index, life);
      service.listed = life.alive_at(world.snapshot_time() - 1);
      if (service.listed) seven_day_columns(world, service);
      model.containers.container_services.push_back(std::move(service));
    }
  }
}

}  // namespace seedgen

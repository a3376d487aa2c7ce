// container_builder.cc: the entry point of the containers-and-Lambda domain, the births it shares with the
// Lambda builder, and container clusters: each a life of its account (created after it, in one of its
// regions, with the env of its OU), with a node type, a typical size, an autoscaler or a fixed node group,
// and a GPU pool on some. Its services, timeline and nodes are built from it (container_builders.h).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "model/account_model.h"
#include "model/containers/container_builders.h"
#include "model/natural_ids.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

constexpr int kClusterOrdinalBits = 7;

struct WeightedType {
  const char* name;
  double weight;
};

// Worker node types: general purpose dominates, sizes xlarge and up are preferred for bin packing.
constexpr WeightedType kNodeTypes[] = {
    {"m5.large", 10},  {"m5.xlarge", 24}, {"m5.2xlarge", 14}, {"m5.4xlarge", 5}, {"m6i.large", 5},
    {"m6i.xlarge", 12}, {"m6i.2xlarge", 7}, {"m7g.xlarge", 4}, {"c5.xlarge", 6}, {"c5.2xlarge", 4},
    {"c6i.xlarge", 3}, {"r5.xlarge", 4},  {"r5.2xlarge", 2}, {"r6i.xlarge", 2}};
constexpr WeightedType kGpuNodeTypes[] = {{"g4dn.xlarge", 70}, {"g4dn.2xlarge", 25}, {"g4dn.12xlarge", 5}};
constexpr double kGpuPoolChance = 0.12;       // clusters of 3+ nodes with a g4dn node pool

template <size_t N>
const char* pick_type(Rng& rng, const WeightedType (&types)[N]) {
  double weights[N];
  for (size_t index = 0; index < N; ++index) weights[index] = types[index].weight;
  return types[rng.weighted(std::span<const double>(weights, N))].name;
}

// Clusters live for years; a fifth (experiments, old dev clusters) go within months.
const LifeSpec& cluster_life_spec() {
  static const LifeSpec spec = make_life_spec("container_cluster", {{0.2, 120, 1.0}, {0.3, 900, 0.7}}, 3000);
  return spec;
}

// mean_cluster_nodes: the account's expected nodes per expected cluster (at least 1).
double mean_cluster_nodes(const AccountPlan& account) {
  const double clusters = account.expected[static_cast<size_t>(ResourceType::kContainerCluster)];
  const double nodes = account.expected[static_cast<size_t>(ResourceType::kContainerNode)];
  return clusters > 0 ? std::max(1.0, nodes / clusters) : 1.0;
}

// draw_cluster_shape: size, autoscaling, packing, system overhead and the GPU pool.
void draw_cluster_shape(Rng& stream, const AccountPlan& account, ContainerCluster& cluster) {
  const bool prod = is_prod(cluster.core.env);
  // Lognormal sizes with sigma 0.8 have a mean e^0.32 = 1.38 x their median.
  const double size = stream.lognormal(mean_cluster_nodes(account) / 1.38, 0.8);
  const double autoscaled = stream.unit(), pack = stream.uniform(0.4, 0.8);
  const double fixed_fill = stream.lognormal(prod ? 0.55 : 0.42, 0.45);
  const double system_cpu = stream.uniform(2.0, 5.0), system_memory = stream.uniform(12.0, 22.0);
  const double below = stream.uniform(0.3, 0.6), above = stream.uniform(1.5, 3.0);
  const double gpu_pool = stream.unit(), gpu_share = stream.uniform(0.1, 0.3);
  cluster.gpu_instance_type = pick_type(stream, kGpuNodeTypes);
  cluster.base_nodes = std::clamp(size, 1.0, 200.0);
  // Small node groups are often left fixed; large ones almost always scale (a fixed group of dozens of
  // nodes is rare): the chance of an autoscaler rises from 70 % (prod) / 50 % to 95 % at 20 nodes.
  const double large = std::clamp((cluster.base_nodes - 5.0) / 15.0, 0.0, 1.0);
  const double small_chance = prod ? 0.7 : 0.5;
  cluster.autoscaled = autoscaled < small_chance + (0.95 - small_chance) * large;
  cluster.pack = cluster.autoscaled ? pack : std::clamp(fixed_fill, 0.06, 0.9);
  cluster.system_cpu = system_cpu;
  cluster.system_memory = system_memory;
  const int base = static_cast<int>(std::lround(cluster.base_nodes));
  cluster.min_nodes = cluster.autoscaled ? std::max(1, static_cast<int>(std::floor(base * below))) : base;
  cluster.max_nodes = cluster.autoscaled ? static_cast<int>(std::ceil(base * above)) + 1 : base + static_cast<int>(std::ceil(base * 0.5));
  cluster.desired_nodes = base;
  if (gpu_pool < kGpuPoolChance && base >= 3) {
    cluster.gpu_nodes = std::min(cluster.min_nodes, std::max(1, static_cast<int>(std::lround(base * gpu_share))));
  }
}

void build_cluster(const World& world, AccountModel& model, const ContainerBirth& birth, Rng& stream) {
  const AccountPlan& account = *model.account;
  ContainerCluster cluster;
  cluster.life = birth.life;
  cluster.coordinate = birth.coordinate;
  cluster.core.id = Uuid::from_key(world.seed(), "container_clusters", birth.life.key);
  cluster.core.resource_id = uuid_text(cluster.core.id);
  cluster.core.region = birth.region;
  cluster.core.env = birth.env;
  cluster.core.created_at = birth.life.born_at;
  cluster.node_instance_type = pick_type(stream, kNodeTypes);
  draw_cluster_shape(stream, account, cluster);
  cluster.service_count = static_cast<int>(std::clamp(std::lround(stream.lognormal(3.0 + cluster.base_nodes / 2.0, 0.5)), 2L, 40L));
  const uint64_t update_draw = stream.next();
  cluster.updated_at = std::min(world.snapshot_time() - 1,
                                cluster.core.created_at + static_cast<int64_t>(update_draw % static_cast<uint64_t>(
                                                              std::max<int64_t>(1, world.snapshot_time() - cluster.core.created_at))));
  cluster.name = account.team + "-" + std::string(cluster.core.env) + "-" + world.catalog->region(cluster.core.region).code + "-" +
                 local_hex(world, "container_cluster", account.index, birth.coordinate, 5);
  cluster.control_plane_hourly = round4(eks_control_plane_hourly(world));
  cluster.core.tags = draw_tags(stream, world, account, TagSubject{cluster.name, cluster.core.env, "", "", false});
  model.containers.container_clusters.push_back(std::move(cluster));
}

}  // namespace

LifeSpec make_life_spec(std::string_view kind, std::vector<LifetimeComponent> lifetimes, double max_lifetime_days) {
  LifeSpec life;
  life.kind = kind;
  life.lifetimes = std::move(lifetimes);
  life.max_lifetime_days = max_lifetime_days;
  return life;
}

double eks_control_plane_hourly(const World& world) { return world.catalog->unit_price("eks.cluster_hour"); }

const std::string& node_slot_type(const ContainerCluster& cluster, int slot) {
  return slot <= cluster.gpu_nodes ? cluster.gpu_instance_type : cluster.node_instance_type;
}

double node_hourly(const World& world, std::string_view region, const std::string& type) {
  return round4(regional_price(world, region, world.catalog->instance_type(type).hourly_usd));
}

void for_each_container_birth(const World& world, const AccountModel& model, ResourceType type, const LifeSpec& spec,
                              int ordinal_bits, const std::function<void(const ContainerBirth&, Rng&)>& build) {
  const AccountPlan& account = *model.account;
  const double expected = account.expected[static_cast<size_t>(type)];
  if (expected <= 0) return;
  const BirthProcess births(world, account, spec, expected);
  const int32_t first_day = static_cast<int32_t>(account.created_at / kSecondsPerDay);
  std::vector<double> env_weights;
  for (const auto& env : account.envs) env_weights.push_back(env.second);
  for (const Life& life : births.lives_at(world.snapshot_time() - 1)) {
    if (life.ordinal >= (1U << ordinal_bits)) continue;   // beyond the ids' capacity for one day
    Rng stream = births.life_stream(life);
    ContainerBirth birth;
    birth.life = life;
    birth.region = account.regions[weighted_index(account.region_weights, stream.unit())];
    birth.env = account.envs[weighted_index(env_weights, stream.unit())].first;
    birth.coordinate = static_cast<uint64_t>(life.birth_day - first_day) << ordinal_bits | life.ordinal;
    build(birth, stream);
  }
}

void build_containers_and_lambda(const World& world, AccountModel& model) {
  for_each_container_birth(world, model, ResourceType::kContainerCluster, cluster_life_spec(), kClusterOrdinalBits,
                           [&](const ContainerBirth& birth, Rng& stream) { build_cluster(world, model, birth, stream); });
  for (size_t index = 0; index < model.containers.container_clusters.size(); ++index) {
    build_cluster_services(world, model, static_cast<int>(index));
    build_cluster_timeline(world, model, static_cast<int>(index));
    build_cluster_nodes(world, model, static_cast<int>(index));
  }
  build_lambda(world, model);
  evaluate_container_rules(world, model);
}

}  // namespace seedgen

// platform_builder.cc: build_platform and the helpers the platform builders share.
#include <array>

#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr std::array<std::string_view, 16> kApps = {"api",     "web",     "worker",  "etl",    "batch",    "orders",
                                                    "gateway", "scheduler", "indexer", "reports", "ingest", "auth",
                                                    "checkout", "search",  "billing", "catalog"};

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
}

Plant plant_decision(const World& world, Pattern pattern, uint64_t key) {
  Rng rng(world.seed(), pattern_id(pattern), key);
  return decide_plant(rng, world, pattern);
}

const SizedPrice& pick_sized(Rng& rng, const std::vector<SizedPrice>& sizes) {
  std::array<double, 64> weights{};
  const size_t count = sizes.size() < weights.size() ? sizes.size() : weights.size();
  for (size_t index = 0; index < count; ++index) weights[index] = sizes[index].popularity;
  return sizes[rng.weighted(std::span<const double>(weights.data(), count))];
}

std::string_view app_name(Rng& rng) { return kApps[rng.below(kApps.size())]; }

int64_t draw_updated_at(Rng& rng, const World& world, int64_t created_at) {
  const double share = rng.unit();
  return created_at + static_cast<int64_t>(share * static_cast<double>(world.as_of_seconds() - created_at));
}

double nonprod_weekend_factor(Rng& rng, std::string_view env) {
  const double factor = rng.uniform(0.3, 0.6);
  return is_prod(env) ? 1.0 : factor;
}

}  // namespace seedgen

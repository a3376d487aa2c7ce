// transfer_builder.cc: the account's data-transfer flows: per region it uses, intra-AZ, cross-AZ, egress
// and ingress; per ordered pair of those regions, cross-region. Plants transfer_avoidable on heavy
// cross-region flows (rule in docs/data/platform.md). Runs last: the regions in use come from every
// other resource of the account.
#include <algorithm>
#include <array>

#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr size_t kInternet = 63;  // the region index of "internet" in flow keys
constexpr int32_t kAvoidableWindowDays = 30;
// A cross-region flow averaging this much a day (600 GB a month) is a consumer in the wrong region.
constexpr double kAvoidableGbPerDay = 20;
// Colocating producer and consumer removes most of a cross-region flow; replication for DR stays.
constexpr double kAvoidableShare = 0.8;

enum Direction : size_t { kIntraAz, kCrossAz, kCrossRegion, kEgress, kIngress };
constexpr std::array<const char*, 5> kDirectionNames = {"intra-az", "cross-az", "cross-region", "egress", "ingress"};

// resources_per_region: how many of the account's instances and platform resources sit in each catalog region.
std::vector<int64_t> resources_per_region(const World& world, const AccountModel& model) {
  const auto& regions = world.catalog->regions;
  std::vector<int64_t> counts(regions.size(), 0);
  auto count = [&](std::string_view region) {
    for (size_t index = 0; index < regions.size(); ++index) {
      if (regions[index].name == region) ++counts[index];
    }
  };
  for (const auto& instance : model.ec2.instances) count(instance.core.region);
  const PlatformModel& platform = model.platform;
  for (const auto& rds : platform.rds_instances) count(rds.core.region);
  for (const auto& cache : platform.cache_clusters) count(cache.core.region);
  for (const auto& lb : platform.load_balancers) count(lb.core.region);
  for (const auto& service : platform.managed_services) count(service.core.region);
  for (const auto& stream : platform.streaming_clusters) count(stream.core.region);
  for (const auto& group : platform.log_groups) count(group.core.region);
  return counts;
}

// transfer_price: USD per GB of a flow, from the source region's transfer prices (a cross-AZ GB is billed
// on both sides; intra-AZ and ingress are free).
double transfer_price(const World& world, Direction direction, std::string_view source, std::string_view dest) {
  const Catalog& catalog = *world.catalog;
  switch (direction) {
    case kCrossAz: return 2 * catalog.price("transfer.cross_az.gb", source);
    case kCrossRegion: return catalog.price("transfer.to." + std::string(dest) + ".gb", source);
    case kEgress: return catalog.price("transfer.egress.gb", source);
    default: return 0.0;
  }
}

// cross_region_level: heavy (planted), just under the threshold (near miss) or light, in GB per day.
DailyLevel cross_region_level(Plant plant, Rng& rng) {
  const double heavy = rng.lognormal(30, 0.3);
  const double light = rng.lognormal(2, 1.0);
  if (plant == Plant::kWaste) return DailyLevel{heavy, 1, 0.25, 1.1 * kAvoidableGbPerDay, 2000, 4};
  if (plant == Plant::kNearMiss) return DailyLevel{0.92 * kAvoidableGbPerDay, 1, 0.03, 0.85 * kAvoidableGbPerDay, 0.97 * kAvoidableGbPerDay, 4};
  return DailyLevel{light, 1, 0.3, 0, 0.7 * kAvoidableGbPerDay, 4};
}

// mean_daily_cost: mean estimated_transfer_cost over the flow's rows within the last `days` days.
double mean_daily_cost(const World& world, const TransferFlow& flow, int32_t days) {
  const int32_t first = std::max(usage_first_day(world), world.as_of_day() - days + 1);
  double sum = 0;
  for (int32_t day = first; day <= world.as_of_day(); ++day) sum += round_to(transfer_gb(world, flow, day) * flow.price_per_gb, 4);
  return sum / static_cast<double>(world.as_of_day() - first + 1);
}

void add_flow(const World& world, AccountModel& model, size_t source, size_t dest, Direction direction,
              int64_t resources) {
  const auto& regions = world.catalog->regions;
  TransferFlow flow;
  flow.source_region = source == kInternet ? "internet" : regions[source].name;
  flow.dest_region = dest == kInternet ? "internet" : regions[dest].name;
  flow.direction = kDirectionNames[direction];
  flow.key = entity_key(model.account->index, "transfer_flow", (source * 64 + dest) * 8 + direction);
  Rng rng(world.seed(), "data_transfer_daily", flow.key);
  static constexpr std::array<double, 5> kMedianGbPerDay = {150, 30, 0, 10, 25};
  const double scale = 1.0 + static_cast<double>(resources) / 25.0;
  const double typical = rng.lognormal(kMedianGbPerDay[direction], 0.8) * scale;
  const Plant plant = direction == kCrossRegion ? plant_decision(world, Pattern::kTransferAvoidable, flow.key) : Plant::kNone;
  flow.gb = direction == kCrossRegion ? cross_region_level(plant, rng) : DailyLevel{typical, 1, 0.25, 0, 1e6, 4};
  flow.price_per_gb = transfer_price(world, direction, flow.source_region == "internet" ? flow.dest_region : flow.source_region,
                                    flow.dest_region);
  add_monthly_cost(model, mean_daily_cost(world, flow, world.profile->usage_days) * kDaysPerMonth);
  if (plant == Plant::kWaste) {
    record_waste(model, ResourceType::kDataTransfer, flow.planted_id(), Pattern::kTransferAvoidable,
                 kAvoidableShare * mean_daily_cost(world, flow, kAvoidableWindowDays) * kDaysPerMonth);
  }
  model.platform.transfer_flows.push_back(std::move(flow));
}

}  // namespace

void build_transfer_flows(const World& world, AccountModel& model) {
  const std::vector<int64_t> counts = resources_per_region(world, model);
  for (size_t region = 0; region < counts.size(); ++region) {
    if (counts[region] == 0) continue;
    add_flow(world, model, region, region, kIntraAz, counts[region]);
    add_flow(world, model, region, region, kCrossAz, counts[region]);
    add_flow(world, model, region, kInternet, kEgress, counts[region]);
    add_flow(world, model, kInternet, region, kIngress, counts[region]);
  }
  for (size_t source = 0; source < counts.size(); ++source) {
    for (size_t dest = 0; dest < counts.size(); ++dest) {
      if (source == dest || counts[source] == 0 || counts[dest] == 0) continue;
      add_flow(world, model, source, dest, kCrossRegion, std::min(counts[source], counts[dest]));
    }
  }
}

}  // namespace seedgen

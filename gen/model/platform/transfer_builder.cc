// transfer_builder.cc: the account's data-transfer flows. Per region it has resources in: intra-AZ,
// cross-AZ, egress and ingress, every day. Between those regions: cross-region flows, only for the pairs
// that exchange data at all, and often only on some days (replication and batch copies). Runs last: the
// regions in use come from every other resource of the account. transfer_avoidable is found by the rules.
#include <algorithm>
#include <array>
#include <cmath>

#include "model/platform/platform_builders.h"

namespace seedgen {
namespace {

constexpr size_t kInternet = 63;  // the region index of "internet" in flow keys
constexpr int32_t kRuleWindowDays = 30;

enum Direction : size_t { kIntraAz, kCrossAz, kCrossRegion, kEgress, kIngress };
constexpr std::array<const char*, 5> kDirectionNames = {"intra-az", "cross-az", "cross-region", "egress", "ingress"};

// resources_per_region: how many instances and platform resources the account is expected to run in each
// catalog region at the calibration anchor (its plan's populations by its region weights). From the plan
// rather than the resources listed on the observed day, so that a flow's daily volumes (and whether it
// exists) never depend on the day the estate is observed at: a drifted day does not rewrite history.
std::vector<int64_t> resources_per_region(const World& world, const AccountModel& model) {
  const auto& regions = world.catalog->regions;
  const AccountPlan& account = *model.account;
  double expected = 0;
  for (ResourceType type : {ResourceType::kInstance, ResourceType::kRdsInstance, ResourceType::kCacheCluster,
                            ResourceType::kLoadBalancer, ResourceType::kManagedService, ResourceType::kStreamingCluster,
                            ResourceType::kLogGroup}) {
    expected += account.expected[static_cast<size_t>(type)];
  }
  std::vector<int64_t> counts(regions.size(), 0);
  for (size_t used = 0; used < account.regions.size(); ++used) {
    for (size_t index = 0; index < regions.size(); ++index) {
      if (regions[index].name == account.regions[used]) counts[index] += std::llround(expected * account.region_weights[used]);
    }
  }
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

// settle: the flow's means over its rows of the rule's window, and its monthly cost (mean daily cost over
// the whole usage window, days without traffic counting as 0).
void settle(const World& world, AccountModel& model, TransferFlow& flow) {
  double gb = 0, cost = 0, all_cost = 0;
  int rows = 0;
  for (int32_t day = world.usage_first_day(); day <= world.as_of_day(); ++day) {
    const double volume = transfer_gb(world, flow, day);
    const double day_cost = round_to(volume * flow.price_per_gb, 4);
    all_cost += day_cost;
    if (volume <= 0 || day <= world.as_of_day() - kRuleWindowDays) continue;
    gb += volume, cost += day_cost, ++rows;
  }
  flow.mean_gb_30d = rows > 0 ? gb / rows : 0;
  flow.mean_cost_30d = rows > 0 ? cost / rows : 0;
  add_monthly_cost(model, all_cost / world.profile->usage_days * kDaysPerMonth);
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
  // Cross-region: a few GB a day for most pairs, heavy-tailed (a consumer reading a bucket or a database
  // in the other region moves tens to hundreds of GB a day), on a share of days.
  const double cross_region = rng.lognormal(3.5, 1.4), duty = rng.uniform(0.35, 1.0);
  if (direction == kCrossRegion) {
    flow.gb = DailyLevel{cross_region, 1, 0.45, 0.3, 0, 1e6, 4};
    flow.duty = duty;
  } else {
    flow.gb = DailyLevel{typical, 0.85, 0.25, 0.2, 0, 1e6, 4};
  }
  flow.price_per_gb = transfer_price(world, direction, flow.source_region == "internet" ? flow.dest_region : flow.source_region,
                                     flow.dest_region);
  settle(world, model, flow);
  model.platform.transfer_flows.push_back(std::move(flow));
}

// exchanges: whether the ordered pair of regions has a cross-region flow at all (most pairs of an
// account's regions do; the drawn share keeps some one-way).
bool exchanges(const World& world, const AccountModel& model, size_t source, size_t dest) {
  Rng rng(world.seed(), "transfer_pairs", entity_key(model.account->index, "transfer_pair", source * 64 + dest));
  return rng.unit() < 0.7;
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
      if (source == dest || counts[source] == 0 || counts[dest] == 0 || !exchanges(world, model, source, dest)) continue;
      add_flow(world, model, source, dest, kCrossRegion, std::min(counts[source], counts[dest]));
    }
  }
}

}  // namespace seedgen

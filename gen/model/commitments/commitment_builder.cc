// commitment_builder.cc: the account's commitments. One active 'ec2:<family>:<region>' commitment per
// covered group of the compute domain (the coverage contract), then Compute Savings Plans, RDS and
// ElastiCache reservations, rare EDPs and expired EC2 reservations of uncovered groups. Plants
// commitment_expiring (takes precedence) and commitment_underutilized.
#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "copy/row_writer.h"
#include "model/commitments/commitment_dates.h"
#include "model/commitments/commitment_builders.h"

namespace seedgen {
namespace {

using Group = std::pair<std::string, std::string>;

// Every draw of one commitment, made up front so that the budget is fixed whatever the branches.
struct CommitmentDraws {
  Plant expiring = Plant::kNone;
  Plant underutilized = Plant::kNone;
  double kind = 0, three_year = 0, position = 0, lapse = 0, expire = 0, level = 0, spread = 0;
  double amount_factor = 1, coverage = 0, created_lag = 0, pick = 0, reserved = 0;
  std::string_view region;
};

CommitmentDraws draw_commitment(Rng& rng, const World& world) {
  CommitmentDraws draws;
  draws.expiring = decide_plant(rng, world, Pattern::kCommitmentExpiring);
  draws.underutilized = decide_plant(rng, world, Pattern::kCommitmentUnderutilized);
  draws.kind = rng.unit();
  draws.three_year = rng.unit();
  draws.position = rng.unit();
  draws.lapse = rng.unit();
  draws.expire = rng.unit();
  draws.level = rng.unit();
  draws.spread = rng.unit();
  draws.amount_factor = rng.lognormal(1.0, 0.8);
  draws.coverage = rng.unit();
  draws.created_lag = rng.unit();
  draws.pick = rng.unit();
  draws.reserved = rng.unit();
  draws.region = draw_region(rng, world);
  return draws;
}

// choose_lifecycle: expiring decides first; an underutilized plant or near miss needs an active term
// that ends more than 30 days out. Only non-covering commitments may have ended.
Lifecycle choose_lifecycle(const CommitmentDraws& draws, bool may_end) {
  if (draws.expiring == Plant::kWaste) {
    return may_end && draws.lapse < 0.4 ? Lifecycle::kLapsedRecently : Lifecycle::kExpiringSoon;
  }
  const bool near_expiring = draws.expiring == Plant::kNearMiss;
  if (draws.underutilized != Plant::kNone) return near_expiring ? Lifecycle::kNearExpiring : Lifecycle::kActive;
  if (near_expiring) return may_end && draws.lapse < 0.5 ? Lifecycle::kNearLapsed : Lifecycle::kNearExpiring;
  return may_end && draws.expire < 0.2 ? Lifecycle::kExpired : Lifecycle::kActive;
}

// set_utilization: planted below 80 % every day, near misses 80-83 % every day, the rest 83-100 %.
void set_utilization(Commitment& commitment, Plant underutilized, const CommitmentDraws& draws) {
  if (underutilized == Plant::kWaste) {
    commitment.utilization_level = 45.0 + 29.0 * draws.level;
    commitment.utilization_spread = 5.0;
  } else if (underutilized == Plant::kNearMiss) {
    commitment.utilization_level = 81.0 + draws.level;
    commitment.utilization_spread = 1.0;
  } else {
    commitment.utilization_level = 86.0 + 13.0 * draws.level;
    commitment.utilization_spread = 1.0 + 2.0 * draws.spread;
  }
}

double savings_rate_for(const World& world, int term_months) {
  return world.catalog->unit_price(term_months == 36 ? "savings.three_year" : "savings.one_year");
}

std::string family_of(const std::string& instance_type) { return instance_type.substr(0, instance_type.find('.')); }

bool is_covered(const std::vector<Group>& groups, std::string_view family, std::string_view region) {
  return std::any_of(groups.begin(), groups.end(),
                     [&](const Group& group) { return group.first == family && group.second == region; });
}

// covered_groups: TRANSITIONAL (until this domain moves to the lifecycle model): the (family, region)
// groups of running instances an account covers with a commitment, 60 % of them, decided per group.
std::vector<Group> covered_groups(const World& world, const AccountModel& model) {
  std::vector<Group> groups;
  for (const Instance& instance : model.ec2.instances) {
    if (!instance.listed || instance.state != "running") continue;
    const Group group{family_of(instance.instance_type), std::string(instance.core.region)};
    if (std::find(groups.begin(), groups.end(), group) != groups.end()) continue;
    Rng rng(world.seed(), "covered_group", mix64(entity_key(model.account->index, "group", 0) ^ name_hash(group.first + group.second)));
    groups.push_back(group);
    if (!rng.chance(0.6)) groups.pop_back();
  }
  std::sort(groups.begin(), groups.end());
  return groups;
}

// on_demand_by_group: the hourly on-demand cost of the running instances of each (family, region).
std::map<Group, double> on_demand_by_group(const AccountModel& model) {
  std::map<Group, double> hourly;
  for (const Instance& instance : model.ec2.instances) {
    if (!instance.listed || instance.state != "running") continue;
    hourly[Group{family_of(instance.instance_type), std::string(instance.core.region)}] +=
        instance.hourly_cost + instance.gpu_hourly_cost;
  }
  return hourly;
}

size_t pick_index(double pick, size_t count) {
  return std::min(count - 1, static_cast<size_t>(std::floor(pick * static_cast<double>(count))));
}

const std::string& pick_sized(const std::vector<SizedPrice>& sizes, double pick) {
  double total = 0;
  for (const SizedPrice& size : sizes) total += size.popularity;
  double target = pick * total;
  for (const SizedPrice& size : sizes) {
    if (target < size.popularity) return size.name;
    target -= size.popularity;
  }
  return sizes.back().name;
}

// uncovered_ec2_scope: an 'ec2:' scope of a group the compute domain does not report as covered, or
// 'compute' when every family of the catalog is covered in that region.
std::string uncovered_ec2_scope(const World& world, const AccountModel& model, const CommitmentDraws& draws) {
  std::vector<std::string> families;
  for (const InstanceType& type : world.catalog->instance_types) {
    if (std::find(families.begin(), families.end(), type.family) == families.end()) families.push_back(type.family);
  }
  if (families.empty()) return "compute";
  const size_t first = pick_index(draws.pick, families.size());
  for (size_t step = 0; step < families.size(); ++step) {
    const std::string& family = families[(first + step) % families.size()];
    if (!is_covered(covered_groups(world, model), family, draws.region)) {
      return "ec2:" + family + ":" + std::string(draws.region);
    }
  }
  return "compute";
}

template <typename Entity>
std::string_view region_near(const std::vector<Entity>& entities, const CommitmentDraws& draws) {
  return entities.empty() ? draws.region : entities[pick_index(draws.pick, entities.size())].core.region;
}

// set_extra_scope: type, scope and a median hourly amount for a commitment that covers no EC2 group.
double set_extra_scope(const World& world, const AccountModel& model, const CommitmentDraws& draws, bool ended,
                       Commitment& commitment) {
  const Catalog& catalog = *world.catalog;
  const auto& platform = model.platform;
  commitment.commitment_type = "reserved_instance";
  if (ended && draws.kind < 0.55) {
    commitment.scope = uncovered_ec2_scope(world, model, draws);
    if (commitment.scope == "compute") commitment.commitment_type = "savings_plan";
    return 1.2;
  }
  if (draws.kind >= 0.55 && draws.kind < 0.75 && !platform.rds_instances.empty() && !catalog.rds_classes.empty()) {
    commitment.scope = "rds:" + pick_sized(catalog.rds_classes, draws.pick) + ":" +
                       std::string(region_near(platform.rds_instances, draws));
    return 0.8;
  }
  if (draws.kind >= 0.75 && draws.kind < 0.9 && !platform.cache_clusters.empty() &&
      !catalog.cache_node_types.empty()) {
    commitment.scope = "elasticache:" + pick_sized(catalog.cache_node_types, draws.pick) + ":" +
                       std::string(region_near(platform.cache_clusters, draws));
    return 0.5;
  }
  if (draws.kind >= 0.97 && !ended) {
    commitment.commitment_type = "edp";
    commitment.scope = "account";
    return 20.0;
  }
  commitment.commitment_type = "savings_plan";
  commitment.scope = "compute";
  return 1.5;
}

// make_commitment: dates, scope, amount and utilisation of one commitment; plants its pattern. `covered`
// is the group it covers (with the group's on-demand hourly cost), or null.
void make_commitment(const World& world, AccountModel& model, uint64_t key, const Group* covered,
                     double covered_on_demand) {
  const AccountPlan& account = *model.account;
  Rng rng(world.seed(), "commitments", key);
  const CommitmentDraws draws = draw_commitment(rng, world);
  Commitment commitment;
  commitment.id = Uuid::from_key(world.seed(), "commitments", key);
  commitment.resource_id = uuid_text(commitment.id);
  commitment.key = key;

  const int32_t account_day = static_cast<int32_t>(account.created_at / kSecondsPerDay);
  const TermPlacement term = place_term(choose_lifecycle(draws, covered == nullptr), draws.three_year < 0.35 ? 36 : 12,
                                        draws.position, world.as_of_day(), account_day);
  commitment.term_months = term.term_months;
  commitment.start_date = term.start_date;
  commitment.end_date = term.end_date;
  commitment.created_at = static_cast<int64_t>(term.start_date) * kSecondsPerDay -
                          static_cast<int64_t>(draws.created_lag * 14 * kSecondsPerDay);
  commitment.savings_rate = savings_rate_for(world, term.term_months);

  double hourly = 0;
  if (covered != nullptr) {
    commitment.commitment_type = draws.reserved < 0.6 ? "reserved_instance" : "savings_plan";
    commitment.scope = "ec2:" + covered->first + ":" + covered->second;
    hourly = covered_on_demand > 0
                 ? covered_on_demand * (0.6 + 0.4 * draws.coverage) * (1.0 - commitment.savings_rate)
                 : 0.5 * draws.amount_factor;
  } else {
    hourly = set_extra_scope(world, model, draws, has_ended(term.lifecycle), commitment) * draws.amount_factor;
  }
  commitment.hourly_commitment_amount =
      static_cast<double>(round_scaled(std::clamp(hourly, 0.01, 50000.0), 4)) / 10000.0;

  const bool expiring = term.lifecycle == Lifecycle::kExpiringSoon || term.lifecycle == Lifecycle::kLapsedRecently;
  const bool can_underuse = term.lifecycle == Lifecycle::kActive || term.lifecycle == Lifecycle::kNearExpiring;
  set_utilization(commitment, can_underuse ? draws.underutilized : Plant::kNone, draws);

  const bool active = commitment.start_date <= world.as_of_day() && world.as_of_day() <= commitment.end_date;
  const double unused_share = 1.0 - recent_utilization_mean(world, commitment) / 100.0;
  // Only the unused part of the fee is new spend: the used part pays for resources that their own domains
  // already price on demand.
  if (active) add_monthly_cost(model, unused_share * commitment.hourly_commitment_amount * kHoursPerMonth);
  if (expiring) {
    const double lost = commitment.savings_rate * on_demand_equivalent_hourly(commitment) * kHoursPerMonth;
    record_commitment_waste(model, commitment, Pattern::kCommitmentExpiring, lost);
  } else if (can_underuse && draws.underutilized == Plant::kWaste) {
    record_commitment_waste(model, commitment, Pattern::kCommitmentUnderutilized,
                            unused_share * commitment.hourly_commitment_amount * kHoursPerMonth);
  }
  model.commitments.commitments.push_back(std::move(commitment));
}

// extra_commitment_count: about one per 40 instances (at least one when there are instances), plus one per
// 25 RDS instances and one per 25 cache clusters.
int64_t extra_commitment_count(const AccountModel& model) {
  const auto instances = static_cast<int64_t>(model.ec2.instances.size());
  const auto rds = static_cast<int64_t>(model.platform.rds_instances.size());
  const auto caches = static_cast<int64_t>(model.platform.cache_clusters.size());
  return (instances > 0 ? std::max<int64_t>(1, instances / 40) : 0) + rds / 25 + caches / 25;
}

}  // namespace

void build_commitment_list(const World& world, AccountModel& model) {
  const uint32_t account_index = model.account->index;
  const auto groups = covered_groups(world, model);
  const std::map<Group, double> on_demand = on_demand_by_group(model);
  for (size_t group = 0; group < groups.size(); ++group) {
    const auto found = on_demand.find(groups[group]);
    make_commitment(world, model, entity_key(account_index, "commitment_covering", group), &groups[group],
                    found == on_demand.end() ? 0.0 : found->second);
  }
  const int64_t extras = extra_commitment_count(model);
  for (int64_t extra = 0; extra < extras; ++extra) {
    const uint64_t key = entity_key(account_index, "commitment", static_cast<uint64_t>(extra));
    make_commitment(world, model, key, nullptr, 0.0);
  }
}

void build_commitments(const World& world, AccountModel& model) {
  build_commitment_list(world, model);
  build_api_clients(world, model);
  build_optimization_actions(world, model);
}

}  // namespace seedgen

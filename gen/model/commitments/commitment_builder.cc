// commitment_builder.cc: the account's commitments, as an Organization buys them (docs/data/commitments.md):
// an account's buying programme (some accounts buy none; sandboxes never) covers a share of the steady
// population of each (service, family or class, region) group it runs, with a chain of purchases: each
// dated purchase sizes a 1- or 3-year commitment to a share of the group's usage in the week before, and is
// renewed near its expiry (or lapses, and is sometimes bought again later). Nothing is planted: the
// findings are evaluated on the stored values by evaluate_commitment_rules (commitment_rules.cc).
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "model/commitments/commitment_builders.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

constexpr int32_t kDaysPerYear = 365;
constexpr int32_t kStartAfterAccountDays = 15;
constexpr int32_t kHistoryDays = 400;      // ended commitments are listed for this long after their end
constexpr int32_t kBaselineDays = 7;       // a purchase is sized on the usage of the week before it
constexpr int kMaxLinks = 24;
constexpr int32_t kReviewDays = 91;        // buyers who found nothing steady look again a quarter later

// What an account's buyers do: whether they buy at all, the share of the steady baseline they cover, how
// often they choose 3-year terms and reserved instances over EC2 Instance Savings Plans, and when they
// started buying.
struct Programme {
  bool buys = false;
  double coverage = 0.6, three_year_share = 0.3, reserved_share = 0.5;
  int32_t first_day = 0;
};

double buying_chance(OrgUnit unit) {
  switch (unit) {
    case OrgUnit::kProd: return 0.9;
    case OrgUnit::kSharedServices: return 0.7;
    case OrgUnit::kNonProd: return 0.5;
    case OrgUnit::kManagement:
    case OrgUnit::kSecurity: return 0.3;
    case OrgUnit::kSandbox: return 0;
  }
  return 0;
}

// organization_buys: whether the company buys commitments at all (most organisations with steady
// spend do: Flexera's State of the Cloud has reserved instances and savings plans among the top
// cost-saving practices); one draw per estate, so every account agrees.
bool organization_buys(const World& world) { return Rng(world.seed(), "commitment_organization", 0).chance(0.92); }

Programme draw_programme(const World& world, const AccountPlan& account) {
  Rng rng(world.seed(), "commitment_programme", entity_key(account.index, "commitment_programme", 0));
  Programme programme;
  programme.buys = rng.chance(buying_chance(account.unit)) && organization_buys(world);
  programme.coverage = rng.uniform(0.40, 0.75);
  programme.three_year_share = rng.uniform(0.1, 0.6);
  programme.reserved_share = rng.uniform(0.2, 0.8);
  programme.first_day = static_cast<int32_t>(account.created_at / kSecondsPerDay) + kStartAfterAccountDays +
                        static_cast<int32_t>(rng.lognormal(150, 0.8));
  return programme;
}

std::string family_of(const std::string& instance_type) { return instance_type.substr(0, instance_type.find('.')); }

// collect_groups: every (service, family or class, region) of the account's EC2 instances (those gone
// too: they ran in the window), RDS instances and cache clusters, in scope order.
std::vector<CoveredGroup> collect_groups(const AccountModel& model) {
  std::map<std::string, std::vector<CoveredMember>> by_scope;
  const auto& instances = model.ec2.instances;
  for (size_t index = 0; index < instances.size(); ++index) {
    const Instance& instance = instances[index];
    by_scope["ec2:" + family_of(instance.instance_type) + ":" + std::string(instance.core.region)].push_back(
        {CoveredMember::Source::kInstance, index, instance.hourly_cost + instance.gpu_hourly_cost});
  }
  const auto& databases = model.platform.rds_instances;
  for (size_t index = 0; index < databases.size(); ++index) {
    by_scope["rds:" + databases[index].instance_class + ":" + std::string(databases[index].core.region)].push_back(
        {CoveredMember::Source::kRds, index, databases[index].hourly_cost});
  }
  const auto& caches = model.platform.cache_clusters;
  for (size_t index = 0; index < caches.size(); ++index) {
    by_scope["elasticache:" + caches[index].node_type + ":" + std::string(caches[index].core.region)].push_back(
        {CoveredMember::Source::kCache, index, caches[index].hourly_cost});
  }
  std::vector<CoveredGroup> groups;
  for (auto& [scope, members] : by_scope) groups.push_back(CoveredGroup{scope, std::move(members)});
  return groups;
}

// first_member_day: the day the group's oldest member was born.
int32_t first_member_day(const AccountModel& model, const CoveredGroup& group) {
  int64_t first = std::numeric_limits<int64_t>::max();
  for (const CoveredMember& member : group.members) {
    switch (member.source) {
      case CoveredMember::Source::kInstance: first = std::min(first, model.ec2.instances[member.index].plan.life.born_at); break;
      case CoveredMember::Source::kRds: first = std::min(first, model.platform.rds_instances[member.index].life.born_at); break;
      case CoveredMember::Source::kCache: first = std::min(first, model.platform.cache_clusters[member.index].life.born_at); break;
    }
  }
  return static_cast<int32_t>(first / kSecondsPerDay);
}

double baseline_before(const AccountModel& model, const CoveredGroup& group, int32_t day) {
  double sum = 0;
  for (int32_t back = 1; back <= kBaselineDays; ++back) sum += group_usage_on(model, group, day - back);
  return sum / kBaselineDays;
}

// What one group's buyers do over the years: whether it is covered at all, its coverage, and the rate at
// which the population a purchase was sized on has gone since (migrations, decommissions): the model only
// holds today's members, so the purchase-day population that has since gone is drawn, as the share
// 1 - exp(-rate x years since the purchase).
struct GroupPlan {
  bool covered = false;
  double coverage = 0.6, gone_rate_per_year = 0.2;
  int32_t first_start = 0;
  uint64_t key = 0;
};

GroupPlan plan_group(const World& world, const AccountModel& model, const Programme& programme, const CoveredGroup& group) {
  GroupPlan plan;
  plan.key = entity_key(model.account->index, "commitment_group", name_hash(group.scope));
  Rng rng(world.seed(), "commitment_group", plan.key);
  plan.covered = programme.buys && rng.chance(0.75);
  plan.coverage = std::clamp(programme.coverage * rng.uniform(0.85, 1.15), 0.3, 0.9);
  plan.gone_rate_per_year = rng.lognormal(0.35, 1.1);
  plan.first_start = std::max(programme.first_day, first_member_day(model, group) + static_cast<int32_t>(rng.lognormal(45, 0.7)));
  return plan;
}

// One purchase of a chain: its draws, taken up front whatever the branches.
struct LinkDraws {
  double three_year = 0, reserved = 0, created_lag = 0, renew = 0, queued = 0, renew_gap = 0, restart = 0, restart_gap = 0;
};

LinkDraws draw_link(Rng& rng) {
  LinkDraws draws;
  draws.three_year = rng.unit();
  draws.reserved = rng.unit();
  draws.created_lag = rng.unit();
  draws.renew = rng.unit();
  draws.queued = rng.unit();
  draws.renew_gap = rng.lognormal(12, 1.0);
  draws.restart = rng.unit();
  draws.restart_gap = rng.lognormal(120, 0.8);
  return draws;
}

// next_start: renewed at expiry (queued: the next term starts the day after), renewed after a lapse of a
// few days or weeks, bought again months later, or never again (kNever-like: past any as_of).
int32_t next_start(const LinkDraws& draws, int32_t end_date) {
  if (draws.renew < 0.75) return end_date + 1 + (draws.queued < 0.7 ? 0 : static_cast<int32_t>(draws.renew_gap));
  if (draws.restart < 0.4) return end_date + 1 + static_cast<int32_t>(draws.restart_gap);
  return std::numeric_limits<int32_t>::max();
}

Commitment make_commitment(const World& world, const AccountModel& model, const Programme& programme,
                           const GroupPlan& plan, const CoveredGroup& group, uint64_t key, const LinkDraws& draws,
                           int32_t start, double baseline) {
  Commitment commitment;
  commitment.id = Uuid::from_key(world.seed(), "commitments", key);
  commitment.resource_id = uuid_text(commitment.id);
  commitment.key = key;
  commitment.scope = group.scope;
  commitment.commitment_type =
      group.scope.starts_with("ec2:") && draws.reserved >= programme.reserved_share ? "savings_plan" : "reserved_instance";
  commitment.term_months = draws.three_year < programme.three_year_share ? 36 : 12;
  commitment.start_date = start;
  commitment.end_date = start + kDaysPerYear * commitment.term_months / 12;
  commitment.created_at = std::max(model.account->created_at + kSecondsPerDay,
                                   static_cast<int64_t>(start) * kSecondsPerDay -
                                       static_cast<int64_t>(draws.created_lag * 14 * kSecondsPerDay));
  commitment.savings_rate =
      world.catalog->unit_price(commitment.term_months == 36 ? "savings.three_year" : "savings.one_year");
  // Sized once, for the shrink the buyers expect by the calibration anchor: a commitment's amount does not
  // change with the day the estate is observed at.
  const double years_since = std::max(0, world.anchor_day() - start) / static_cast<double>(kDaysPerYear);
  const double gone = 1.0 - std::exp(-plan.gone_rate_per_year * years_since);
  const double capacity = plan.coverage * baseline / std::max(0.05, 1.0 - gone);
  commitment.hourly_commitment_amount = std::max(0.001, round4(capacity * (1.0 - commitment.savings_rate)));
  commitment.capacity_on_demand = on_demand_equivalent_hourly(commitment);
  return commitment;
}

void build_chain(const World& world, AccountModel& model, const Programme& programme, size_t group_index) {
  const CoveredGroup& group = model.commitments.groups[group_index];
  const GroupPlan plan = plan_group(world, model, programme, group);
  if (!plan.covered) return;
  int32_t start = plan.first_start;
  for (int link = 0; link < kMaxLinks && start <= world.as_of_day();) {
    const uint64_t key = entity_key(model.account->index, "commitment", plan.key * 64 + static_cast<uint64_t>(link));
    Rng rng(world.seed(), "commitments", key);
    const LinkDraws draws = draw_link(rng);
    const double baseline = baseline_before(model, group, start);
    Commitment commitment = make_commitment(world, model, programme, plan, group, key, draws, start, baseline);
    commitment.group = group_index;
    // Nothing ran in the week before: nothing is bought, and the buyers look again at their next
    // quarterly review.
    if (baseline <= 0) {
      start += kReviewDays;
      continue;
    }
    if (commitment.end_date >= world.as_of_day() - kHistoryDays) model.commitments.commitments.push_back(commitment);
    start = next_start(draws, commitment.end_date);
    ++link;
  }
}

}  // namespace

void build_commitment_list(const World& world, AccountModel& model) {
  model.commitments.groups = collect_groups(model);
  const Programme programme = draw_programme(world, *model.account);
  if (!programme.buys) return;
  for (size_t group = 0; group < model.commitments.groups.size(); ++group) build_chain(world, model, programme, group);
}

void build_commitments(const World& world, AccountModel& model) {
  build_commitment_list(world, model);
  evaluate_commitment_rules(world, model);
  build_api_clients(world, model);
  build_optimization_actions(world, model);
}

}  // namespace seedgen

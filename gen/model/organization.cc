// organization.cc: plans the company's accounts: how many of each organizational unit, their names,
// sizes (a Zipf law over teams, with OU weights), resource mixes, regions, environments and ages.
#include "model/organization.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/calendar.h"
#include "model/organization_vocabulary.h"
#include "rng/rng.h"

namespace seedgen {
namespace {

// The largest account seedgen builds (expected resources). Real estates split far earlier; this bounds
// the memory of one account's model.
constexpr double kMaxAccountResources = 40000;

// Relative size of an account per OU; workload accounts get their team's Zipf weight on top.
constexpr double kManagementWeight = 0.002, kSecurityWeight = 0.02, kSharedWeight = 0.035;
constexpr double kNonProdShare = 0.3, kSandboxWeight = 0.004;

struct UnitCounts {
  int security = 0, shared = 0, sandboxes = 0, teams = 0, non_prod = 0;
};

UnitCounts count_units(int accounts) {
  UnitCounts counts;
  counts.security = accounts >= 12 ? 2 : (accounts >= 4 ? 1 : 0);
  counts.shared = accounts >= 6 ? (accounts >= 15 ? 2 : 1) + (accounts >= 40 ? 1 : 0) : 0;
  counts.sandboxes = accounts >= 8 ? static_cast<int>(std::lround(0.12 * accounts)) : 0;
  const int workloads = std::max(1, accounts - 1 - counts.security - counts.shared - counts.sandboxes);
  counts.teams = std::max(1, static_cast<int>(std::ceil(workloads / 2.2)));
  counts.non_prod = workloads - counts.teams;
  return counts;
}

std::vector<std::string_view> non_prod_envs(const Profile& profile) {
  std::vector<std::string_view> envs;
  for (const auto& env : profile.envs) {
    if (env.name != "prod") envs.push_back(env.name);
  }
  return envs;
}

double profile_env_weight(const Profile& profile, std::string_view name) {
  for (const auto& env : profile.envs) {
    if (env.name == name) return env.weight;
  }
  return 0;
}

// assign_envs: prod-like OUs run prod; a team's first non-prod account leans to staging and test, a
// second one to dev; sandboxes run dev (the profile's non-prod env names and weights shape both).
void assign_envs(const Profile& profile, AccountPlan& account, int non_prod_ordinal) {
  const auto prod = std::find_if(profile.envs.begin(), profile.envs.end(), [](const auto& env) { return env.name == "prod"; });
  const std::string_view prod_name = prod != profile.envs.end() ? std::string_view(prod->name) : std::string_view("prod");
  if (account.unit != OrgUnit::kNonProd && account.unit != OrgUnit::kSandbox) {
    account.envs = {{prod_name, 1.0}};
    return;
  }
  for (std::string_view env : non_prod_envs(profile)) {
    double weight = profile_env_weight(profile, env);
    const bool dev_like = env == "dev";
    if (account.unit == OrgUnit::kSandbox) weight = dev_like ? 1.0 : 0.0;
    else if (non_prod_ordinal == 0) weight *= dev_like ? 0.5 : 1.5;
    else weight *= dev_like ? 2.0 : 0.3;
    if (weight > 0) account.envs.emplace_back(env, weight);
  }
  if (account.envs.empty()) account.envs = {{profile.envs.front().name, 1.0}};
}

std::string_view draw_profile_region(Rng& rng, const Profile& profile) {
  std::vector<double> weights;
  for (const auto& region : profile.regions) weights.push_back(region.weight);
  return profile.regions[rng.weighted(weights)].name;
}

// assign_regions: a home region (usually the company's primary one) and, for larger and shared
// accounts, one or two more, each used by a smaller share of the account's resources.
void assign_regions(Rng& rng, const Profile& profile, std::string_view primary, AccountPlan& account) {
  const std::string_view home = rng.chance(0.65) ? primary : draw_profile_region(rng, profile);
  account.regions = {home};
  double second = 0, third = 0;
  switch (account.unit) {
    case OrgUnit::kProd: second = 0.55, third = 0.25; break;
    case OrgUnit::kSharedServices: second = 0.6, third = 0.3; break;
    case OrgUnit::kSecurity: second = 0.3; break;
    case OrgUnit::kNonProd: second = 0.15; break;
    default: break;
  }
  const double draw_second = rng.unit(), draw_third = rng.unit();
  for (int extra = 0; extra < 2; ++extra) {
    const bool wanted = extra == 0 ? draw_second < second : (account.regions.size() == 2 && draw_third < third);
    const std::string_view candidate = draw_profile_region(rng, profile);
    if (wanted && std::find(account.regions.begin(), account.regions.end(), candidate) == account.regions.end()) {
      account.regions.push_back(candidate);
    }
  }
  static constexpr double kShares[3][3] = {{1, 0, 0}, {0.8, 0.2, 0}, {0.7, 0.2, 0.1}};
  account.region_weights.assign(kShares[account.regions.size() - 1], kShares[account.regions.size() - 1] + account.regions.size());
}

// account_number: 12 digits, unique per index by construction (a keyed bijection of 39 bits).
std::string account_number(uint64_t seed, uint32_t index) {
  constexpr uint64_t kMask = (uint64_t{1} << 39) - 1;
  uint64_t value = (index ^ mix64(seed)) & kMask;
  value = (value * 0x9e3779b97f4a7c15ULL) & kMask;
  value ^= value >> 19;
  value = (value * 0xbf58476d1ce4e5b9ULL) & kMask;
  return std::to_string(100000000000ULL + value);
}

int64_t draw_created_at(Rng& rng, const Profile& profile, OrgUnit unit, int64_t management_created) {
  const int32_t anchor = profile.as_of_day;
  const double skew = rng.unit();
  int64_t day = 0;
  switch (unit) {
    case OrgUnit::kManagement: day = anchor - static_cast<int64_t>(rng.between(2400, 3000)); break;
    case OrgUnit::kSecurity:
    case OrgUnit::kSharedServices: day = management_created / kSecondsPerDay + rng.between(1, 120); break;
    case OrgUnit::kSandbox: day = anchor - static_cast<int64_t>(20 + 780 * skew); break;
    default: day = anchor - static_cast<int64_t>(400 + 1900 * skew * skew); break;
  }
  day = std::max(day, management_created / kSecondsPerDay + 1);
  return day * kSecondsPerDay + rng.between(9 * 3600, 18 * 3600);
}

// cap_sizes: no account above `cap`; the excess goes to the others in proportion to their sizes.
void cap_sizes(std::vector<double>& sizes, double cap) {
  for (int round = 0; round < 64; ++round) {
    double excess = 0, open = 0;
    for (double& size : sizes) {
      if (size > cap) excess += size - cap, size = cap;
      else if (size < cap) open += size;
    }
    if (excess <= 1e-9 || open <= 0) return;
    for (double& size : sizes) {
      if (size < cap) size += excess * size / open;
    }
  }
}

void assign_mix(const Profile& profile, AccountPlan& account) {
  std::array<double, kResourceTypeCount> mix{};
  double total = 0;
  for (const auto& [type, weight] : profile.resource_mix) {
    mix[static_cast<size_t>(type)] = weight * ou_type_multiplier(account.unit, type);
    total += mix[static_cast<size_t>(type)];
  }
  for (size_t type = 0; type < mix.size(); ++type) {
    account.expected[type] = total > 0 ? account.size * mix[type] / total : 0;
    account.counts[type] = std::llround(account.expected[type]);
  }
}

}  // namespace

std::string_view org_unit_name(OrgUnit unit) {
  switch (unit) {
    case OrgUnit::kManagement: return "management";
    case OrgUnit::kSecurity: return "security";
    case OrgUnit::kSharedServices: return "shared-services";
    case OrgUnit::kProd: return "prod";
    case OrgUnit::kNonProd: return "non-prod";
    case OrgUnit::kSandbox: return "sandbox";
  }
  return "prod";
}

int64_t AccountPlan::total_resources() const { return std::accumulate(counts.begin(), counts.end(), int64_t{0}); }

bool AccountPlan::is_prod_account() const { return unit != OrgUnit::kNonProd && unit != OrgUnit::kSandbox; }

Organization plan_organization(const Profile& profile, const Catalog& catalog) {
  (void)catalog;
  Organization organization;
  Rng rng(profile.seed, "organization", 0);
  organization.company = std::string(draw_company(rng));
  const UnitCounts counts = count_units(profile.accounts);
  const std::vector<std::string> teams = draw_teams(rng, counts.teams);
  const std::vector<std::string> users = draw_sandbox_users(rng, counts.sandboxes);
  const std::string_view primary = draw_profile_region(rng, profile);

  std::vector<AccountPlan> accounts;
  std::vector<double> weights;
  std::vector<int> non_prod_ordinals;   // 0 for a team's first non-prod account, 1 for its second, ...
  auto add = [&](OrgUnit unit, std::string team, std::string name, double weight, int non_prod_ordinal = 0) {
    non_prod_ordinals.push_back(non_prod_ordinal);
    AccountPlan account;
    account.unit = unit;
    account.team = std::move(team);
    account.name = organization.company + "-" + name;
    accounts.push_back(std::move(account));
    weights.push_back(weight);
  };
  add(OrgUnit::kManagement, "platform", "management", kManagementWeight);
  static constexpr const char* kSecurityNames[] = {"log-archive", "security-audit"};
  for (int index = 0; index < counts.security; ++index) add(OrgUnit::kSecurity, "security", kSecurityNames[index], kSecurityWeight);
  static constexpr const char* kSharedNames[] = {"shared-network", "shared-services", "ci-cd"};
  for (int index = 0; index < counts.shared; ++index) add(OrgUnit::kSharedServices, "platform", kSharedNames[index], kSharedWeight);
  std::vector<int> non_prod_per_team(static_cast<size_t>(counts.teams), 0);
  for (int index = 0; index < counts.non_prod; ++index) ++non_prod_per_team[static_cast<size_t>(index % counts.teams)];
  for (int team = 0; team < counts.teams; ++team) {
    const double zipf = 1.0 / std::pow(team + 1.0, profile.account_skew);
    const std::string& name = teams[static_cast<size_t>(team)];
    add(OrgUnit::kProd, name, name + "-prod", zipf);
    static constexpr const char* kNonProdSuffixes[] = {"-staging", "-dev"};
    for (int ordinal = 0; ordinal < non_prod_per_team[static_cast<size_t>(team)]; ++ordinal) {
      add(OrgUnit::kNonProd, name, name + kNonProdSuffixes[std::min(ordinal, 1)] + (ordinal > 1 ? std::to_string(ordinal) : ""),
          kNonProdShare * zipf, ordinal);
    }
  }
  for (const std::string& user : users) add(OrgUnit::kSandbox, user, "sandbox-" + user, kSandboxWeight);

  const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<double> sizes;
  for (double weight : weights) sizes.push_back(static_cast<double>(profile.resources) * weight / weight_sum);
  cap_sizes(sizes, std::max(kMaxAccountResources, static_cast<double>(profile.resources) / profile.accounts));

  int64_t management_created = 0;
  for (uint32_t index = 0; index < accounts.size(); ++index) {
    AccountPlan& account = accounts[index];
    Rng account_rng(profile.seed, "cloud_accounts", index);
    account.index = index;
    account.id = Uuid::from_key(profile.seed, "cloud_accounts", index);
    account.number = account_number(profile.seed, index);
    account.size = sizes[index];
    account.created_at = draw_created_at(account_rng, profile, account.unit, management_created);
    if (index == 0) management_created = account.created_at;
    assign_envs(profile, account, non_prod_ordinals[index]);
    assign_regions(account_rng, profile, primary, account);
    assign_mix(profile, account);
  }
  organization.accounts = std::move(accounts);
  return organization;
}

}  // namespace seedgen

#include "model/world.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/calendar.h"
#include "rng/rng.h"

namespace seedgen {
namespace {

constexpr const char* kCompanies[] = {"acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne",
                                      "wonka", "tyrell", "cyberdyne", "soylent", "vandelay", "aperture", "oscorp"};
constexpr const char* kUnits[] = {"payments", "search", "platform", "data", "ml", "retail", "identity",
                                  "growth", "core", "analytics", "mobile", "billing", "media", "logistics"};
constexpr const char* kStages[] = {"prod", "staging", "dev", "sandbox", "shared"};

// The largest account seedgen builds (resources). Real estates split far earlier; this bounds memory.
constexpr int64_t kMaxAccountResources = 40000;

// split_exactly: integer parts of total × weights that sum to total (largest remainders win, ties by index).
std::vector<int64_t> split_exactly(int64_t total, const std::vector<double>& weights) {
  const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<int64_t> parts(weights.size());
  std::vector<std::pair<double, size_t>> remainders;
  int64_t assigned = 0;
  for (size_t index = 0; index < weights.size(); ++index) {
    const double exact = static_cast<double>(total) * weights[index] / weight_sum;
    parts[index] = static_cast<int64_t>(std::floor(exact));
    assigned += parts[index];
    remainders.emplace_back(exact - std::floor(exact), index);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t index = 0; assigned < total; ++index, ++assigned) ++parts[remainders[index % remainders.size()].second];
  return parts;
}

// cap_account_sizes: no account above `cap` resources; the excess goes to the others in proportion to
// their weights (water-filling), so totals stay exact and the order of sizes is kept.
void cap_account_sizes(std::vector<int64_t>& sizes, const std::vector<double>& weights, int64_t cap) {
  for (int round = 0; round < 64; ++round) {
    int64_t excess = 0;
    std::vector<double> open_weights(weights.size(), 0.0);
    for (size_t index = 0; index < sizes.size(); ++index) {
      if (sizes[index] > cap) {
        excess += sizes[index] - cap;
        sizes[index] = cap;
      } else if (sizes[index] < cap) {
        open_weights[index] = weights[index];
      }
    }
    if (excess == 0) return;
    const auto extra = split_exactly(excess, open_weights);
    for (size_t index = 0; index < sizes.size(); ++index) sizes[index] += extra[index];
  }
}

AccountPlan plan_account(const Profile& profile, uint32_t index, int64_t size) {
  Rng rng(profile.seed, "cloud_accounts", index);
  AccountPlan account;
  account.index = index;
  account.id = Uuid::from_key(profile.seed, "cloud_accounts", index);
  account.name = std::string(kCompanies[rng.below(std::size(kCompanies))]) + "-" + kUnits[rng.below(std::size(kUnits))] +
                 "-" + kStages[rng.below(std::size(kStages))] + "-" + std::to_string(index + 1);
  account.number = std::to_string(100000000000ULL + (static_cast<uint64_t>(rng.next()) << 8 | rng.below(256)) % 900000000000ULL);
  account.created_at = static_cast<int64_t>(profile.as_of_day - rng.between(400, 2400)) * kSecondsPerDay + rng.below(86400);
  std::vector<double> mix(kResourceTypeCount, 0.0);
  for (const auto& [type, weight] : profile.resource_mix) mix[static_cast<size_t>(type)] = weight;
  const auto counts = split_exactly(size, mix);
  std::copy(counts.begin(), counts.end(), account.counts.begin());
  return account;
}

}  // namespace

int64_t AccountPlan::total_resources() const { return std::accumulate(counts.begin(), counts.end(), int64_t{0}); }

int64_t World::as_of_seconds() const { return static_cast<int64_t>(profile->as_of_day) * kSecondsPerDay; }

World plan_world(const Profile& profile, const Catalog& catalog) {
  World world;
  world.profile = &profile;
  world.catalog = &catalog;
  std::vector<double> weights(static_cast<size_t>(profile.accounts));
  for (size_t index = 0; index < weights.size(); ++index) {
    weights[index] = 1.0 / std::pow(static_cast<double>(index + 1), profile.account_skew);
  }
  auto sizes = split_exactly(profile.resources, weights);
  // One account's model is held in memory while it is encoded; the cap bounds peak memory at any scale.
  const int64_t per_account = (profile.resources + profile.accounts - 1) / profile.accounts;
  cap_account_sizes(sizes, weights, std::max(kMaxAccountResources, per_account));
  for (uint32_t index = 0; index < sizes.size(); ++index) {
    world.accounts.push_back(plan_account(profile, index, sizes[index]));
  }
  return world;
}

}  // namespace seedgen

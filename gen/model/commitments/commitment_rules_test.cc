// The commitments domain's planted rules, checked on the stored rows by predicates written from the doc
// (docs/data/commitments.md), not from the generator: a commitment satisfies a rule iff it is planted with
// it; near misses exist; savings follow the documented formulas; the EC2 coverage contract holds.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "commitment_support.h"

namespace seedgen {
namespace {

using testing::hand_built_model;
using testing::recent_mean;
using testing::StoredCommitment;
using testing::stored_commitments;
using testing::tiny_world;

constexpr uint64_t kSeeds[] = {1, 7, 42, 1234};

bool active_on(const StoredCommitment& commitment, int32_t day) {
  return commitment.start <= day && day <= commitment.end;
}

// commitment_expiring: as_of - 30 <= end_date <= as_of + 30.
bool expiring_rule(const StoredCommitment& commitment, int32_t as_of) {
  return as_of - 30 <= commitment.end && commitment.end <= as_of + 30;
}

// commitment_underutilized: start_date <= as_of, end_date > as_of + 30, and the mean utilization_percent of
// its rows dated in [as_of - 29, as_of] is below 80.
bool underutilized_rule(const StoredCommitment& commitment, int32_t as_of) {
  bool has_rows = false;
  const double mean = recent_mean(commitment, as_of, &has_rows);
  return commitment.start <= as_of && commitment.end > as_of + 30 && has_rows && mean < 80.0;
}

const Commitment& entity_of(const AccountModel& model, const std::string& id) {
  for (const Commitment& commitment : model.commitments.commitments) {
    if (commitment.resource_id == id) return commitment;
  }
  throw std::runtime_error("no commitment " + id);
}

// planted_pattern_of: the answer key's pattern for the commitment, which must agree with the entity's mark.
std::string planted_pattern_of(const AccountModel& model, const std::string& id) {
  const auto& mark = entity_of(model, id).planted_pattern;
  const std::string marked = mark ? std::string(pattern_id(*mark)) : std::string();
  std::string recorded;
  for (const PlantedWaste& waste : model.planted) {
    if (waste.resource_id == id) recorded = std::string(pattern_id(waste.pattern));
  }
  EXPECT_EQ(recorded, marked) << id;
  return marked;
}

struct Tally {
  int expiring = 0, underutilized = 0, near_expiring = 0, near_underutilized = 0, total = 0;
};

void check_rules(const World& world, const AccountModel& model, Tally& tally) {
  const int32_t as_of = world.as_of_day();
  for (const StoredCommitment& commitment : stored_commitments(world, model)) {
    const std::string pattern = planted_pattern_of(model, commitment.id);
    const bool expiring = expiring_rule(commitment, as_of);
    const bool underutilized = underutilized_rule(commitment, as_of);
    EXPECT_FALSE(expiring && underutilized) << "rules overlap for " << commitment.id;
    EXPECT_EQ(expiring, pattern == "commitment_expiring") << commitment.id;
    EXPECT_EQ(underutilized, pattern == "commitment_underutilized") << commitment.id;
    const int32_t distance = std::abs(commitment.end - as_of);
    const double mean = recent_mean(commitment, as_of);
    tally.total += 1;
    tally.expiring += expiring;
    tally.underutilized += underutilized;
    tally.near_expiring += distance >= 31 && distance <= 40;
    tally.near_underutilized += active_on(commitment, as_of) && mean >= 80.0 && mean <= 82.0;
  }
}

TEST(CommitmentRules, RuleHoldsIffPlantedOnHandBuiltAccounts) {
  Tally tally;
  for (uint64_t seed : kSeeds) {
    const auto owned = tiny_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      check_rules(owned->world, hand_built_model(owned->world, account, 400, 4), tally);
    }
  }
  EXPECT_GT(tally.expiring, 0);
  EXPECT_GT(tally.underutilized, 0);
  EXPECT_GT(tally.near_expiring, 0);
  EXPECT_GT(tally.near_underutilized, 0);
  EXPECT_LT(tally.underutilized, tally.total / 4);
}

TEST(CommitmentRules, RuleHoldsIffPlantedOnRealAccounts) {
  Tally tally;
  for (uint64_t seed : kSeeds) {
    const auto owned = tiny_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      check_rules(owned->world, build_account_model(owned->world, account), tally);
    }
  }
}

TEST(CommitmentRules, SavingsFollowTheDocumentedFormulas) {
  const auto owned = tiny_world(42);
  const World& world = owned->world;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = hand_built_model(world, account, 400, 4);
    for (const StoredCommitment& stored : stored_commitments(world, model)) {
      const Commitment& commitment = entity_of(model, stored.id);
      const char* rate_key = stored.term_months == 36 ? "savings.three_year" : "savings.one_year";
      const double rate = world.catalog->unit_price(rate_key);
      if (commitment.planted_pattern == Pattern::kCommitmentExpiring) {
        EXPECT_NEAR(commitment.planted_savings, rate * stored.amount / (1 - rate) * 730, 1e-6);
      } else if (commitment.planted_pattern == Pattern::kCommitmentUnderutilized) {
        const double unused = 1 - recent_mean(stored, world.as_of_day()) / 100;
        EXPECT_NEAR(commitment.planted_savings, unused * stored.amount * 730, 1e-6);
      }
    }
  }
}

// check_coverage: each covered group has exactly one active 'ec2:' commitment with its scope, no other
// 'ec2:' commitment is active, and no ended one names a covered group.
void check_coverage(const World& world, const AccountModel& model) {
  std::set<std::string> covered;
  for (const auto& [family, region] : model.ec2.covered_groups) covered.insert("ec2:" + family + ":" + region);
  std::multiset<std::string> active_ec2;
  for (const StoredCommitment& commitment : stored_commitments(world, model)) {
    if (commitment.scope.rfind("ec2:", 0) != 0) continue;
    if (active_on(commitment, world.as_of_day())) {
      active_ec2.insert(commitment.scope);
    } else {
      EXPECT_EQ(covered.count(commitment.scope), 0u) << "ended commitment on a covered group";
    }
  }
  EXPECT_EQ(std::set<std::string>(active_ec2.begin(), active_ec2.end()), covered);
  EXPECT_EQ(active_ec2.size(), covered.size()) << "a covered group has two active commitments";
}

TEST(CommitmentRules, EachCoveredGroupHasExactlyOneActiveEc2Commitment) {
  for (uint64_t seed : kSeeds) {
    const auto owned = tiny_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      check_coverage(owned->world, hand_built_model(owned->world, account, 120, 4));
      check_coverage(owned->world, build_account_model(owned->world, account));
    }
  }
}

}  // namespace
}  // namespace seedgen

// The commitments domain's rules, checked on the stored rows by predicates written from the doc
// (docs/data/commitments.md), not from the generator: the key lists a commitment with a pattern iff its
// rows satisfy the rule; savings follow the documented formulas; prevalence is in range over many seeds;
// no band around a threshold is empty or spiked; commitments are bought after their account and against a
// group of the account; one chain per scope, so at most one commitment of a scope is active on a day.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <set>

#include "commitment_support.h"
#include "tests/support/threshold_bands.h"

namespace seedgen {
namespace {

using testing::real_model;
using testing::recent_mean;
using testing::StoredCommitment;
using testing::stored_commitments;
using testing::tiny_world;

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

struct Tally {
  int commitments = 0, active = 0, expiring = 0, underutilized = 0;
  std::vector<double> active_means;      // 30-day means of the commitments the underutilised rule can reach
  std::vector<double> end_distance;      // |end_date - as_of| in days
};

Tally check_seeds(uint64_t first, uint64_t last) {
  Tally tally;
  for (uint64_t seed = first; seed <= last; ++seed) {
    const auto owned = tiny_world(seed);
    const World& world = owned->world;
    const int32_t as_of = world.as_of_day();
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = real_model(world, account);
      const auto expiring = testing::planted_savings(model, "commitment_expiring");
      const auto underused = testing::planted_savings(model, "commitment_underutilized");
      for (const StoredCommitment& commitment : stored_commitments(world, model)) {
        const double rate = commitment.term_months == 36 ? 0.5 : 0.3;   // savings.* of prices.toml
        ++tally.commitments;
        tally.active += commitment.start <= as_of && as_of <= commitment.end;
        tally.end_distance.push_back(std::abs(commitment.end - as_of));
        EXPECT_EQ(expiring_rule(commitment, as_of), expiring.count(commitment.id) == 1) << commitment.id;
        EXPECT_EQ(underutilized_rule(commitment, as_of), underused.count(commitment.id) == 1) << commitment.id;
        if (expiring.count(commitment.id) == 1) {
          ++tally.expiring;
          EXPECT_NEAR(expiring.at(commitment.id), rate / (1 - rate) * commitment.amount * 730, 1e-3);
        }
        if (commitment.start <= as_of && commitment.end > as_of + 30) tally.active_means.push_back(recent_mean(commitment, as_of));
        if (underused.count(commitment.id) == 1) {
          ++tally.underutilized;
          EXPECT_NEAR(underused.at(commitment.id), (1 - recent_mean(commitment, as_of) / 100) * commitment.amount * 730, 1e-3);
        }
      }
    }
  }
  return tally;
}

TEST(CommitmentRules, KeyEqualsTheRulesOnStoredRowsAndPrevalenceIsInRange) {
  const Tally tally = check_seeds(1, 10);
  ASSERT_GT(tally.commitments, 50);
  const double expiring = static_cast<double>(tally.expiring) / tally.commitments;
  const double underused = static_cast<double>(tally.underutilized) / tally.commitments;
  std::printf("commitments %d (active %d): expiring %.3f, underutilized %.3f\n", tally.commitments, tally.active,
              expiring, underused);
  // Catalog: commitment_expiring 8 % (our choice), commitment_underutilized 12.5 %; renewals make a term's
  // end (and its successor's start) common, so expiring runs higher than the catalog's guess.
  EXPECT_GE(expiring, 0.04);
  EXPECT_LE(expiring, 0.20);
  EXPECT_GE(underused, 0.06);
  EXPECT_LE(underused, 0.20);
}

TEST(CommitmentRules, NoBandAroundAThresholdIsEmptyOrSpiked) {
  const Tally tally = check_seeds(1, 60);
  const struct {
    const char* name;
    const std::vector<double>& values;
    double threshold;
  } lines[] = {{"commitment_underutilized: 30-day mean utilisation", tally.active_means, 80},
               {"commitment_expiring: days between end_date and as_of", tally.end_distance, 30}};
  for (const auto& line : lines) {
    const testing::ThresholdBands bands = testing::threshold_bands(line.values, line.threshold);
    std::printf("%s around %g: %s\n", line.name, line.threshold, bands.describe().c_str());
    EXPECT_TRUE(testing::smooth_at_threshold(bands)) << line.name << ": " << bands.describe();
  }
}

TEST(CommitmentRules, BoughtAfterTheAccountAgainstItsOwnGroupsOneChainPerScope) {
  for (uint64_t seed : {1, 2, 3, 7}) {
    const auto owned = tiny_world(seed);
    const World& world = owned->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = real_model(world, account);
      const AccountPlan& plan = world.accounts[account];
      std::set<std::string> scopes;
      for (const Instance& instance : model.ec2.instances) {
        scopes.insert("ec2:" + instance.instance_type.substr(0, instance.instance_type.find('.')) + ":" +
                      std::string(instance.core.region));
      }
      for (const RdsInstance& rds : model.platform.rds_instances) scopes.insert("rds:" + rds.instance_class + ":" + std::string(rds.core.region));
      for (const CacheCluster& cache : model.platform.cache_clusters) {
        scopes.insert("elasticache:" + cache.node_type + ":" + std::string(cache.core.region));
      }
      const auto stored = stored_commitments(world, model);
      if (plan.unit == OrgUnit::kSandbox) {
        EXPECT_TRUE(stored.empty()) << plan.name;
      }
      std::map<std::string, std::vector<std::pair<int32_t, int32_t>>> terms;
      for (const StoredCommitment& commitment : stored) {
        EXPECT_GT(commitment.created_at, plan.created_at) << commitment.id;
        EXPECT_GE(static_cast<int64_t>(commitment.start) * kSecondsPerDay, plan.created_at) << commitment.id;
        EXPECT_LE(commitment.start, world.as_of_day()) << commitment.id;
        EXPECT_EQ(scopes.count(commitment.scope), 1u) << commitment.scope;
        terms[commitment.scope].push_back({commitment.start, commitment.end});
      }
      for (auto& [scope, list] : terms) {
        std::sort(list.begin(), list.end());
        for (size_t index = 1; index < list.size(); ++index) EXPECT_GT(list[index].first, list[index - 1].second) << scope;
      }
    }
  }
}

}  // namespace
}  // namespace seedgen

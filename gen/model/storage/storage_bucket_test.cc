// S3 buckets: the key lists s3_cold_no_lifecycle for exactly the buckets whose stored rows satisfy the rule
// (a predicate over s3_buckets and s3_bucket_usage_daily rows written from docs/data/storage.md); its
// prevalence is in the catalog's range; near misses exist on both sides of the request line and no band
// around it is empty or spiked; buckets are lives of their account; names are unique and DNS-compatible;
// usage rows and the metrics payload agree and their costs follow the catalog.
#include <gtest/gtest.h>

#include <regex>

#include "storage_support.h"
#include "tests/support/threshold_bands.h"

namespace seedgen {
namespace {

using namespace storage_test;

struct UsageRow {
  int32_t day = 0;
  double standard = 0, ia = 0, glacier = 0, storage_cost = 0, request_cost = 0;
  int64_t requests = 0;
};

struct BucketRows {
  std::string name, env, region, lifecycle;
  int64_t created_at = 0;
  std::vector<UsageRow> usage;
};

std::vector<BucketRows> bucket_rows(const World& world, const AccountModel& model) {
  std::vector<BucketRows> buckets;
  std::map<std::string, size_t> by_id;
  for (const Row& row : emitted(world, model, emit_s3_buckets)) {
    by_id[row.at(0)] = buckets.size();
    buckets.push_back(BucketRows{row.at(2), row.at(3), row.at(4), row.at(5), parse_timestamp(row.at(7)), {}});
  }
  for (const Row& row : emitted(world, model, emit_s3_bucket_usage_daily)) {
    EXPECT_TRUE(by_id.count(row.at(1))) << row.at(1);
    buckets[by_id[row.at(1)]].usage.push_back(UsageRow{parse_date(row.at(2)), std::stod(row.at(3)), std::stod(row.at(4)),
                                                       std::stod(row.at(5)), std::stod(row.at(7)), std::stod(row.at(8)),
                                                       std::stoll(row.at(6))});
  }
  return buckets;
}

int64_t requests_last_30_days(const World& world, const BucketRows& bucket) {
  int64_t sum = 0;
  for (const UsageRow& usage : bucket.usage) {
    if (usage.day >= world.as_of_day() - 29) sum += usage.requests;
  }
  return sum;
}

double standard_on_as_of(const World& world, const BucketRows& bucket) {
  for (const UsageRow& usage : bucket.usage) {
    if (usage.day == world.as_of_day()) return usage.standard;
  }
  return 0;
}

// manages_current_data: some rule of the policy transitions or expires current objects (its JSON has
// transition_days or expiration_days); abort-multipart and noncurrent-version rules do not.
bool manages_current_data(const std::string& policy) {
  const nlohmann::json parsed = nlohmann::json::parse(policy);
  if (!parsed.contains("rules")) return false;
  for (const auto& rule : parsed.at("rules")) {
    if (rule.contains("transition_days") || rule.contains("expiration_days")) return true;
  }
  return false;
}

// s3_cold_no_lifecycle: no rule managing current data, sum(requests_count) over the rows dated
// [as_of - 29, as_of] < 1000, and storage_gb_standard on as_of > 0.
bool cold_rule(const World& world, const BucketRows& bucket) {
  return !manages_current_data(bucket.lifecycle) && requests_last_30_days(world, bucket) < 1000 &&
         standard_on_as_of(world, bucket) > 0;
}

struct BucketTally {
  int buckets = 0, found = 0, unmanaged = 0, cold = 0, cold_managed = 0, abort_only_found = 0;
  int just_above = 0, just_below = 0, empty_standard_unmanaged_cold = 0;
  std::vector<double> window_sums;   // request sums of buckets with 30 rows in the window
};

BucketTally tally_buckets(uint64_t first_seed, uint64_t last_seed) {
  BucketTally tally;
  for (uint64_t seed = first_seed; seed <= last_seed; ++seed) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = build_default(world, account);
      const auto ids = planted_ids(model, "s3_cold_no_lifecycle");
      for (const BucketRows& bucket : bucket_rows(world, model)) {
        EXPECT_EQ(cold_rule(world, bucket), ids.count(bucket.name) == 1) << bucket.name;
        const bool managed = manages_current_data(bucket.lifecycle);
        const int64_t requests = requests_last_30_days(world, bucket);
        ++tally.buckets;
        tally.found += cold_rule(world, bucket);
        tally.unmanaged += !managed;
        tally.cold += requests < 1000;
        tally.cold_managed += managed && requests < 1000;
        tally.abort_only_found += cold_rule(world, bucket) && bucket.lifecycle != "{}";
        tally.just_above += !managed && requests >= 1000 && requests < 1300;
        tally.just_below += !managed && requests >= 700 && requests < 1000;
        tally.empty_standard_unmanaged_cold += !managed && requests < 1000 && standard_on_as_of(world, bucket) <= 0;
        if (bucket.usage.size() >= 30) tally.window_sums.push_back(static_cast<double>(requests));
      }
    }
  }
  return tally;
}

TEST(StorageBuckets, ColdRuleKeyEqualsTheRuleOnStoredRows) {
  const BucketTally tally = tally_buckets(1, 10);
  ASSERT_GT(tally.buckets, 200);
  const double share = static_cast<double>(tally.found) / tally.buckets;
  std::printf("buckets %d, found %.3f, unmanaged %.3f, cold %.3f\n", tally.buckets, share,
              static_cast<double>(tally.unmanaged) / tally.buckets, static_cast<double>(tally.cold) / tally.buckets);
  // The catalog's 15 % (60 % without lifecycle x 25 % cold), within sampling and seed spread.
  EXPECT_GE(share, 0.08);
  EXPECT_LE(share, 0.22);
  EXPECT_GT(tally.cold_managed, 0);         // cold but managed: a trap for a query that ignores the policy
  EXPECT_GT(tally.abort_only_found, 0);     // abort-multipart-only policies do not manage cold data
  EXPECT_GT(tally.just_above, 0);           // unmanaged, 1,000-1,299 requests: near misses above the line
  EXPECT_GT(tally.just_below, 0);
}

TEST(StorageBuckets, NoBandAroundTheRequestLineIsEmptyOrSpiked) {
  const BucketTally tally = tally_buckets(1, 40);
  const testing::ThresholdBands bands = testing::threshold_bands(tally.window_sums, 1000);
  std::printf("s3_cold_no_lifecycle: 30-day requests around 1000: %s\n", bands.describe().c_str());
  EXPECT_TRUE(testing::smooth_at_threshold(bands)) << bands.describe();
}

TEST(StorageBuckets, BucketsAreLivesOfTheirAccount) {
  for (uint64_t seed : kSeeds) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    double smallest = 1e18, largest = 0;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = build_default(world, account);
      for (const BucketRows& bucket : bucket_rows(world, model)) {
        EXPECT_GT(bucket.created_at, world.accounts[account].created_at) << bucket.name;
        EXPECT_LT(bucket.created_at, world.as_of_seconds() + kSecondsPerDay) << bucket.name;
        const UsageRow& today = bucket.usage.back();
        const double total = today.standard + today.ia + today.glacier;
        if (total > 0) smallest = std::min(smallest, total), largest = std::max(largest, total);
      }
    }
    EXPECT_GT(largest / smallest, 1e4) << "seed " << seed << ": bucket sizes should span many orders of magnitude";
  }
}

TEST(StorageBuckets, NamesAreUniqueAndDnsCompatible) {
  const std::regex dns("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");
  std::set<std::string> names;
  size_t total = 0;
  for (uint64_t seed : kSeeds) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      for (const Row& row : emitted(world, build_default(world, account), emit_s3_buckets)) {
        EXPECT_TRUE(std::regex_match(row.at(2), dns)) << row.at(2);
        EXPECT_EQ(row.at(2).find("--"), std::string::npos) << row.at(2);
        names.insert(row.at(2));
        ++total;
      }
    }
  }
  EXPECT_EQ(names.size(), total);
}

TEST(StorageBuckets, UsageRowsMetricsAndCostsAgree) {
  const auto test_world = make_world(42);
  const World& world = test_world->world;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = build_default(world, account);
    const auto metrics = metrics_by_resource(world, model, "s3_bucket");
    for (const BucketRows& bucket : bucket_rows(world, model)) {
      const double multiplier = service_multiplier(world, bucket.region, "s3");
      ASSERT_FALSE(bucket.usage.empty());
      EXPECT_EQ(bucket.usage.back().day, world.as_of_day());
      const int32_t first = std::max(world.as_of_day() - world.profile->usage_days + 1,
                                     static_cast<int32_t>(bucket.created_at / kSecondsPerDay));
      EXPECT_EQ(bucket.usage.front().day, first);
      EXPECT_EQ(bucket.usage.size(), static_cast<size_t>(world.as_of_day() - first + 1));
      for (const UsageRow& usage : bucket.usage) {
        const double expected = (usage.standard * 0.023 + usage.ia * 0.0125 + usage.glacier * 0.004) / 30 * multiplier;
        EXPECT_NEAR(usage.storage_cost, expected, 1e-4);
        const auto day = metrics.at(bucket.name).find(usage.day);
        if (day == metrics.at(bucket.name).end()) continue;
        EXPECT_NEAR(day->second.at("storage_gb").get<double>(), usage.standard + usage.ia + usage.glacier, 2e-4);
        EXPECT_EQ(day->second.at("requests").get<int64_t>(), usage.requests);
        EXPECT_EQ(day->second.at("get_requests").get<int64_t>() + day->second.at("put_requests").get<int64_t>(),
                  usage.requests);
      }
      // Only a transition rule moves bytes to Glacier IR (uploaders write straight to Standard-IA at most).
      if (bucket.lifecycle.find("transition_days") == std::string::npos) {
        EXPECT_EQ(bucket.usage.back().glacier, 0);
      }
    }
  }
}

}  // namespace
}  // namespace seedgen

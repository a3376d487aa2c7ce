// S3 buckets: s3_cold_no_lifecycle holds exactly for planted buckets (a predicate over s3_buckets and
// s3_bucket_usage_daily rows); both kinds of near miss exist; names are unique and DNS-compatible; usage
// rows and the metrics payload agree and their costs follow the catalog.
#include <gtest/gtest.h>

#include <regex>

#include "storage_support.h"

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

// s3_cold_no_lifecycle: lifecycle_policy = '{}', sum(requests_count) over [as_of - 29, as_of] < 1000 and
// storage_gb_standard on as_of > 0.
bool cold_rule(const World& world, const BucketRows& bucket) {
  return nlohmann::json::parse(bucket.lifecycle).empty() && requests_last_30_days(world, bucket) < 1000 &&
         standard_on_as_of(world, bucket) > 0;
}

TEST(StorageBuckets, ColdRuleHoldsExactlyForPlantedBuckets) {
  int buckets = 0, planted = 0, no_lifecycle = 0, cold = 0, near_with_lifecycle = 0, near_just_above = 0;
  for (uint64_t seed : kSeeds) {
    const auto test_world = make_world(seed);
    const World& world = test_world->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = build_default(world, account);
      const auto ids = planted_ids(model, "s3_cold_no_lifecycle");
      for (const BucketRows& bucket : bucket_rows(world, model)) {
        EXPECT_EQ(cold_rule(world, bucket), ids.count(bucket.name) == 1) << bucket.name;
        const bool without = nlohmann::json::parse(bucket.lifecycle).empty();
        const int64_t requests = requests_last_30_days(world, bucket);
        ++buckets;
        planted += cold_rule(world, bucket);
        no_lifecycle += without;
        cold += requests < 1000;
        near_with_lifecycle += !without && requests < 1000;
        near_just_above += without && requests >= 1000 && requests < 2000;
      }
    }
  }
  ASSERT_GT(buckets, 200);
  EXPECT_NEAR(static_cast<double>(planted) / buckets, 0.15, 0.06);
  EXPECT_NEAR(static_cast<double>(no_lifecycle) / buckets, 0.60, 0.10);
  EXPECT_NEAR(static_cast<double>(cold) / buckets, 0.25, 0.07);
  EXPECT_GT(near_with_lifecycle, 0);
  EXPECT_GT(near_just_above, 0);
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
  const Catalog& catalog = *world.catalog;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = build_default(world, account);
    const auto metrics = metrics_by_resource(world, model, "s3_bucket");
    for (const BucketRows& bucket : bucket_rows(world, model)) {
      const double multiplier = catalog.region(bucket.region).price_multiplier;
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
      if (nlohmann::json::parse(bucket.lifecycle).empty()) {
        EXPECT_EQ(bucket.usage.back().ia + bucket.usage.back().glacier, 0);
      }
    }
  }
}

}  // namespace
}  // namespace seedgen

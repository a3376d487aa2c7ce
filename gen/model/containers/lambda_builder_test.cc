// Lambda functions: invocations_7d and avg_duration_ms_7d from the last 7 metrics days, costs from the
// catalog's Lambda unit prices, realistic memory/timeout/duration, and the metrics payload, on emitted rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>
#include <set>
#include <string>

#include "container_lambda_support.h"

namespace seedgen {
namespace {

using namespace seedgen::testing;

// Functions are lives of their account: the population alive at as_of follows the plan's expectation
// over several seeds, none is older than its account, and traffic is heavy-tailed (Datadog's State of
// Serverless: most functions are rarely invoked, a few carry most of the calls).
TEST(LambdaBuilder, PopulationFollowsThePlanNothingPredatesItsAccountAndTrafficIsHeavyTailed) {
  double expected = 0, functions = 0;
  std::vector<int64_t> weekly;
  for (uint64_t seed : kSeeds) {
    const auto owned = container_world(seed);
    for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
      const AccountModel model = container_model(owned->world, account);
      expected += model.account->expected[static_cast<size_t>(ResourceType::kLambdaFunction)];
      const int64_t account_created = model.account->created_at;
      for (const Row& function : emitted(owned->world, model, "lambda_functions")) {
        EXPECT_GE(parse_timestamp(function[11]), account_created) << function[0];
        weekly.push_back(std::stoll(function[8]));
        functions += 1;
      }
    }
  }
  EXPECT_GT(functions / expected, 0.8);
  EXPECT_LT(functions / expected, 1.25);
  std::sort(weekly.begin(), weekly.end());
  double total = 0, top = 0;
  for (size_t index = 0; index < weekly.size(); ++index) {
    total += static_cast<double>(weekly[index]);
    if (index >= weekly.size() * 9 / 10) top += static_cast<double>(weekly[index]);
  }
  EXPECT_GT(top / total, 0.7) << "the busiest tenth of functions carries most calls";
  EXPECT_LT(static_cast<double>(weekly[weekly.size() / 2]), total / static_cast<double>(weekly.size()) / 5) << "median far below mean";
}

TEST(LambdaBuilder, SevenDayColumnsComeFromTheLastSevenMetricsDays) {
  for (uint64_t seed : {7ULL, 42ULL}) {
    const auto owned = container_world(seed);
    const World& world = owned->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = container_model(world, account);
      const auto week = last_week(world, emitted_metrics(world, model), "lambda_function");
      for (const Row& function : emitted(world, model, "lambda_functions")) {
        const auto& days = week.at(function[0]);
        const int32_t born = parse_date(function[11]);
        ASSERT_EQ(days.size(), static_cast<size_t>(std::min(7, world.as_of_day() - born + 1))) << "rows from its creation day";
        // numeric's round(sum(invocations x avg_duration_ms) / sum(invocations), 2), half up, in hundredths.
        int64_t invocations = 0, weighted = 0;
        for (const auto& payload : days) {
          const int64_t daily = payload.at("invocations").get<int64_t>();
          invocations += daily;
          weighted += daily * std::llround(payload.at("avg_duration_ms").get<double>() * 100.0);
        }
        EXPECT_EQ(std::stoll(function[8]), invocations);
        const int64_t hundredths = invocations == 0 ? 0 : (2 * weighted + invocations) / (2 * invocations);
        EXPECT_NEAR(std::stod(function[9]), static_cast<double>(hundredths) / 100.0, 0.0001) << function[0];
      }
    }
  }
}

TEST(LambdaBuilder, MonthlyCostFollowsTheUnitPrices) {
  const auto owned = container_world(42);
  const World& world = owned->world;
  const Catalog& catalog = *world.catalog;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = container_model(world, account);
    for (const Row& function : emitted(world, model, "lambda_functions")) {
      const double gb = std::stod(function[5]) / 1024.0;
      const double monthly_invocations = std::stod(function[8]) * 730.0 / (7 * 24);
      const double usd = monthly_invocations / 1e6 * catalog.unit_price("lambda.request_per_1m") +
                         monthly_invocations * std::stod(function[9]) / 1000.0 * gb * catalog.unit_price("lambda.gb_second") +
                         std::stoi(function[7]) * gb * 2628000.0 * catalog.unit_price("lambda.provisioned_gb_second");
      EXPECT_NEAR(std::stod(function[10]), usd * catalog.region(function[4]).price_multiplier, 0.0002) << function[0];
    }
  }
}

TEST(LambdaBuilder, ConfigurationsAreRealisticAndDurationsStayUnderTheTimeout) {
  const std::set<int> memory_sizes = {128, 256, 512, 1024, 1536, 2048, 3008, 4096, 10240};
  const auto owned = container_world(1234);
  const World& world = owned->world;
  int functions = 0, far_below_timeout = 0;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = container_model(world, account);
    std::map<std::string, int> timeouts;
    for (const Row& function : emitted(world, model, "lambda_functions")) {
      EXPECT_TRUE(memory_sizes.count(std::stoi(function[5]))) << function[5];
      const int timeout = std::stoi(function[6]);
      EXPECT_GE(timeout, 1);
      EXPECT_LE(timeout, 900);
      EXPECT_GE(std::stoi(function[7]), 0);
      timeouts[function[0]] = timeout;
      functions++;
      far_below_timeout += std::stod(function[9]) < timeout * 1000.0 * 0.1;
    }
    for (const MetricsRow& row : emitted_metrics(world, model)) {
      if (row.type != "lambda_function") continue;
      for (const char* key : {"invocations", "avg_duration_ms", "errors", "throttles", "provisioned_concurrency_utilization"}) {
        EXPECT_TRUE(row.payload.contains(key)) << key;
      }
      EXPECT_LT(row.payload.at("avg_duration_ms").get<double>(), timeouts.at(row.resource_id) * 1000.0);
      EXPECT_LE(row.payload.at("errors").get<int64_t>(), row.payload.at("invocations").get<int64_t>());
      EXPECT_LE(row.payload.at("provisioned_concurrency_utilization").get<double>(), 100.0);
      EXPECT_GE(row.cost, 0.0);
    }
  }
  EXPECT_GT(far_below_timeout, functions / 2) << "Thrifty: timeouts sit far above average durations";
}

}  // namespace
}  // namespace seedgen

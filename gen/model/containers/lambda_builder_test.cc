// Lambda functions: invocations_7d and avg_duration_ms_7d from the last 7 metrics days, costs from the
// catalog's Lambda unit prices, realistic memory/timeout/duration, and the metrics payload, on emitted rows.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "container_lambda_support.h"

namespace seedgen {
namespace {

using namespace seedgen::testing;

TEST(LambdaBuilder, CountMatchesThePlan) {
  const auto owned = container_world(1, 1);
  for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
    const AccountModel model = container_model(owned->world, account);
    EXPECT_EQ(static_cast<int64_t>(model.containers.lambda_functions.size()),
              model.account->counts[static_cast<size_t>(ResourceType::kLambdaFunction)]);
  }
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
        ASSERT_EQ(days.size(), 7u);
        int64_t invocations = 0;
        double weighted = 0;
        for (const auto& payload : days) {
          const int64_t daily = payload.at("invocations").get<int64_t>();
          invocations += daily;
          weighted += static_cast<double>(daily) * payload.at("avg_duration_ms").get<double>();
        }
        EXPECT_EQ(std::stoll(function[8]), invocations);
        const double mean = invocations == 0 ? 0.0 : std::round(weighted / invocations * 100.0) / 100.0;
        EXPECT_NEAR(std::stod(function[9]), mean, 0.0051) << function[0];
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

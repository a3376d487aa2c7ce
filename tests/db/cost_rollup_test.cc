// The cost roll-up prices the estate as the generator does. For every account of a loaded fleet, the
// lines of cost_rollup_monthly that belong to the compute, storage and commitment domains equal the
// generator's own monthly cost of those domains (its add_monthly_cost sums, rebuilt here in-process) to
// the cent; the platform lines stay within the documented gap: six services priced by the generator at
// unrounded hourly rates, and log ingestion priced at a level the tables do not keep. Load balancers'
// capacity-unit charges are in the generator's figure and in metrics_daily, not in the roll-up (which
// prices a balancer at hourly_cost x 730, docs/data/platform.md): they are taken out before comparing.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "core/uuid.h"
#include "db/connection.h"
#include "model/account_model.h"
#include "model/resource_core.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::TestDatabase;

enum Domain { kCompute, kStorage, kPlatform, kCommitments, kDomainCount };

Domain domain_of(const std::string& service) {
  static const std::map<std::string, Domain> kDomains = {
      {"instance", kCompute},          {"container_cluster", kCompute}, {"container_node", kCompute},
      {"lambda_function", kCompute},   {"volume", kStorage},            {"snapshot", kStorage},
      {"s3_bucket", kStorage},         {"rds_instance", kPlatform},     {"cache_cluster", kPlatform},
      {"load_balancer", kPlatform},    {"elastic_ip", kPlatform},       {"data_transfer", kPlatform},
      {"managed_service", kPlatform},  {"streaming_cluster", kPlatform}, {"log_group", kPlatform},
      {"commitment", kCommitments}};
  return kDomains.at(service);
}

struct AccountCosts {
  double domain[kDomainCount] = {};
  double log_groups = 0;
  int64_t hourly_priced = 0;   // resources the generator prices at an unrounded hourly rate
  double capacity_units = 0;   // load balancers' capacity-unit charges, taken out of domain[kPlatform]
};

// generator_costs: each account's monthly cost per domain, as the generator adds it up while building
// the account (the same calls in the same order as build_account_model).
std::map<std::string, AccountCosts> generator_costs(const World& world) {
  std::map<std::string, AccountCosts> costs;
  for (uint32_t index = 0; index < world.accounts.size(); ++index) {
    AccountModel model;
    model.account = &world.accounts[index];
    AccountCosts& account = costs[uuid_text(model.account->id)];
    double before = model.monthly_cost;
    const auto step = [&](Domain domain, void (*build)(const World&, AccountModel&)) {
      build(world, model);
      account.domain[domain] = model.monthly_cost - before;
      before = model.monthly_cost;
    };
    step(kCompute, [](const World& world, AccountModel& model) {
      build_ec2(world, model);
      build_containers_and_lambda(world, model);
    });
    step(kStorage, build_storage);
    step(kPlatform, build_platform);
    step(kCommitments, build_commitments);
    const PlatformModel& platform = model.platform;
    for (const LoadBalancer& lb : platform.load_balancers) account.capacity_units += lb.monthly_cost - lb.hourly_cost * kHoursPerMonth;
    account.domain[kPlatform] -= account.capacity_units;
    account.hourly_priced = static_cast<int64_t>(platform.rds_instances.size() + platform.cache_clusters.size() +
                                                 platform.load_balancers.size() + platform.elastic_ips.size() +
                                                 platform.managed_services.size() + platform.streaming_clusters.size());
  }
  return costs;
}

// rollup_costs: the same per account and domain, summed from the materialized view.
std::map<std::string, AccountCosts> rollup_costs(const TestDatabase& database) {
  std::map<std::string, AccountCosts> costs;
  Connection connection(database.url());
  pqxx::read_transaction transaction(connection.session());
  for (const auto& row : transaction.exec("select account_id::text, service, sum(monthly_cost)::float8 "
                                          "from cost_rollup_monthly group by 1, 2")) {
    AccountCosts& account = costs[row[0].as<std::string>()];
    account.domain[domain_of(row[1].as<std::string>())] += row[2].as<double>();
    if (row[1].as<std::string>() == "log_group") account.log_groups += row[2].as<double>();
  }
  return costs;
}

TEST(CostRollup, EveryDomainOfEveryAccountCostsWhatTheGeneratorSays) {
  for (uint64_t seed : {1u, 2u}) {
    TestDatabase database;
    std::string output;
    ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --quiet --seed " +
                                       std::to_string(seed) + " --db '" + database.url() + "'", &output), 0)
        << output;
    const Profile profile = load_profile("tiny", ProfileOverrides{.seed = seed, .accounts = {}, .scale = {}});
    const Catalog catalog = load_catalog(default_catalog_path());
    const World world = plan_world(profile, catalog);
    const auto expected = generator_costs(world);
    const auto actual = rollup_costs(database);
    // An account whose lives happen to hold nothing with a cost (a management account with no function
    // alive at as_of) has no rollup row; every account with one is a generator account.
    for (const auto& [id, account] : actual) ASSERT_TRUE(expected.count(id)) << "seed " << seed << ": " << id;
    // The domains rebuilt here (capacity units included) add up to the figure the load recorded.
    double generator_total = 0;
    for (const auto& [id, account] : expected) {
      for (double cost : account.domain) generator_total += cost;
      generator_total += account.capacity_units;
    }
    EXPECT_NEAR(generator_total, std::stod(database.query_value("select monthly_cost from seedgen.runs")), 0.00051);
    for (const auto& account : world.accounts) {
      const std::string id = uuid_text(account.id);
      const AccountCosts& want = expected.at(id);
      const AccountCosts none{};
      const AccountCosts& got = actual.count(id) ? actual.at(id) : none;
      EXPECT_NEAR(got.domain[kCompute], want.domain[kCompute], 0.005) << "compute, account " << id;
      EXPECT_NEAR(got.domain[kStorage], want.domain[kStorage], 0.005) << "storage, account " << id;
      EXPECT_NEAR(got.domain[kCommitments], want.domain[kCommitments], 0.005) << "commitments, account " << id;
      const double platform_gap = 730 * 0.00005 * static_cast<double>(want.hourly_priced) + got.log_groups / 10;
      EXPECT_NEAR(got.domain[kPlatform], want.domain[kPlatform], platform_gap) << "platform, account " << id << " log lines " << got.log_groups << " hourly priced " << want.hourly_priced;
      if (got.domain[kPlatform] > 0) {
        EXPECT_GT(want.domain[kPlatform], 0);
      }
    }
  }
}

}  // namespace
}  // namespace seedgen

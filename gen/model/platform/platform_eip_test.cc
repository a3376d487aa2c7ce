// Elastic IPs against hand-made instances: addresses sit on this account's running instances, stopped
// instances (planted: Trusted Advisor counts them as unassociated) or NLBs, never on terminated instances,
// and an account with no instances still gets a consistent answer key.
#include <gtest/gtest.h>

#include <map>

#include "platform_support.h"

namespace seedgen::platform_test {
namespace {

// world_with_many_eips: the tiny world with the first account holding `eips` Elastic IPs.
std::unique_ptr<TestWorld> world_with_many_eips(uint64_t seed, int64_t eips) {
  auto test_world = make_world(seed, 1);
  test_world->world.accounts[0].counts[static_cast<size_t>(ResourceType::kElasticIp)] = eips;
  test_world->world.accounts[0].expected[static_cast<size_t>(ResourceType::kElasticIp)] = static_cast<double>(eips);
  return test_world;
}

TEST(PlatformEipTest, AddressesAttachToExistingInstancesAndNetworkLoadBalancersOfTheAccount) {
  auto test_world = world_with_many_eips(5, 300);
  const World& world = test_world->world;
  const AccountModel model = build_platform_model(world, 0, make_instances(world, 0, 400));
  std::map<std::string, std::string> states;
  for (const Instance& instance : model.ec2.instances) states[instance.core.resource_id] = instance.state;
  std::map<std::string, std::string> lb_types;
  for (const Row& row : emitted("load_balancers", world, model, emit_load_balancers)) lb_types[row.at("lb_arn")] = row.at("type");
  std::map<std::string, int> per_instance;
  int on_stopped = 0, on_running = 0, on_lb = 0, unassociated = 0;
  for (const Row& row : emitted("elastic_ips", world, model, emit_elastic_ips)) {
    const std::string& instance = row.at("associated_instance_id");
    const std::string& lb = row.at("associated_lb_arn");
    EXPECT_EQ(row.at("state") == "associated", instance != kNull || lb != kNull);
    EXPECT_FALSE(instance != kNull && lb != kNull);
    if (instance != kNull) {
      ASSERT_TRUE(states.count(instance)) << instance;
      EXPECT_NE(states[instance], "terminated");
      EXPECT_EQ(++per_instance[instance], 1) << "two addresses on " << instance;
      (states[instance] == "running" ? on_running : on_stopped)++;
    }
    if (lb != kNull) {
      EXPECT_EQ(lb_types.at(lb), "network") << lb;
      ++on_lb;
    }
    if (row.at("state") == "unassociated") ++unassociated;
    EXPECT_EQ(number(row.at("hourly_cost")), 0.005);   // AWS charges $0.005 an hour in every region
  }
  EXPECT_GT(on_stopped, 0);
  EXPECT_GT(on_running, 0);
  EXPECT_GT(unassociated, 0);
  EXPECT_EQ(on_stopped + unassociated, static_cast<int>(planted_ids(model, "eip_unassociated").size()));
  bool has_network_lb = false;
  for (const auto& [arn, type] : lb_types) has_network_lb = has_network_lb || type == "network";
  if (has_network_lb) {
    EXPECT_GT(on_lb, 0);
  }
}

TEST(PlatformEipTest, AnAccountWithoutInstancesPlantsEveryAddressNotOnALoadBalancer) {
  auto test_world = world_with_many_eips(9, 60);
  const World& world = test_world->world;
  const AccountModel model = build_platform_model(world, 0, {});
  const auto planted = planted_ids(model, "eip_unassociated");
  for (const Row& row : emitted("elastic_ips", world, model, emit_elastic_ips)) {
    EXPECT_EQ(row.at("associated_instance_id"), kNull);
    EXPECT_EQ(planted.count(row.at("allocation_id")) > 0, row.at("state") == "unassociated");
  }
}

}  // namespace
}  // namespace seedgen::platform_test

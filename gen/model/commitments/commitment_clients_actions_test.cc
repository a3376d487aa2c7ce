// API clients and optimization actions: key formats and run-wide uniqueness, hashed secrets, last-use
// categories (including the "unused for 90 days" hygiene answer and its near misses), and actions that
// aim at real resources of the account, name its own clients, and respect the schema's CHECK lists and
// timestamp order.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "commitment_support.h"

namespace seedgen {
namespace {

using testing::emitted;
using testing::real_model;
using testing::parse_rows;
using testing::parse_timestamp;
using testing::tiny_world;

constexpr const char* kNull = "\\N";

TEST(CommitmentApiClients, KeysAreUniqueAndSecretsHashed) {
  const std::regex key_shape("AKSY[A-Z2-7]{16}");
  // gitleaks' default aws-access-token rule (config/gitleaks.toml): no generated key may trip it.
  const std::regex gitleaks_aws("(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}");
  const std::regex hash_shape("sha256\\$[0-9a-f]{64}");
  int stale = 0, nearly_stale = 0, never = 0, total = 0;
  for (uint64_t seed : {1u, 42u, 7u, 99u}) {
    const auto owned = tiny_world(seed);
    const World& world = owned->world;
    std::set<std::string> keys;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = build_account_model(world, account);
      const auto rows = parse_rows(emitted(world, model, emit_api_clients));
      EXPECT_GE(rows.size(), 2u);
      for (const auto& row : rows) {
        EXPECT_TRUE(std::regex_match(row[3], key_shape)) << row[3];
        EXPECT_FALSE(std::regex_search(row[3], gitleaks_aws)) << row[3];
        EXPECT_TRUE(keys.insert(row[3]).second) << "duplicate key " << row[3];
        EXPECT_TRUE(std::regex_match(row[4], hash_shape)) << row[4];
        EXPECT_EQ(row[5].front(), '[');
        const int64_t created = parse_timestamp(row[6]);
        EXPECT_GT(created, world.accounts[account].created_at);
        EXPECT_LE(created, world.as_of_seconds());
        ++total;
        if (row[7] == kNull) {
          ++never;
          continue;
        }
        const int64_t last_used = parse_timestamp(row[7]);
        EXPECT_GE(last_used, created);
        EXPECT_LE(last_used, world.as_of_seconds());
        const int64_t idle_days = (world.as_of_seconds() - last_used) / kSecondsPerDay;
        stale += idle_days > 90;
        nearly_stale += idle_days >= 75 && idle_days < 90;
      }
    }
  }
  EXPECT_GT(stale, 0);
  EXPECT_GT(nearly_stale, 0);
  EXPECT_GT(never, 0);
  EXPECT_LT(stale + never, total / 2);
}

std::set<std::string> resource_ids_of(const AccountModel& model) {
  std::set<std::string> ids;
  for (const auto& instance : model.ec2.instances) ids.insert("instance/" + instance.core.resource_id);
  for (const auto& volume : model.storage.volumes) ids.insert("volume/" + volume.core.resource_id);
  for (const auto& waste : model.planted) {
    ids.insert(std::string(resource_type_name(waste.resource_type)) + "/" + waste.resource_id);
  }
  return ids;
}

TEST(CommitmentActions, ActionsAreHistoryOnRealHealthyResourcesAndOwnClients) {
  const std::set<std::string> action_types = {"resize", "modify_volume_type"};
  const std::set<std::string> statuses = {"completed", "rolled_back", "failed"};
  int actions = 0, with_client = 0, mistakes = 0;
  for (uint64_t seed : {1u, 42u}) {
    const auto owned = tiny_world(seed);
    const World& world = owned->world;
    for (uint32_t account = 0; account < world.accounts.size(); ++account) {
      const AccountModel model = real_model(world, account);
      std::set<std::string> clients;
      for (const auto& row : parse_rows(emitted(world, model, emit_api_clients))) clients.insert(row[0]);
      const auto targets = resource_ids_of(model);
      std::set<std::string> planted;
      for (const auto& waste : model.planted) planted.insert(waste.resource_id);
      for (const auto& row : parse_rows(emitted(world, model, emit_optimization_actions))) {
        ++actions;
        EXPECT_EQ(targets.count(row[2] + "/" + row[3]), 1u) << row[2] << " " << row[3];
        EXPECT_EQ(planted.count(row[3]), 0u) << "no action names planted waste (the answer key): " << row[3];
        EXPECT_EQ(action_types.count(row[4]), 1u) << row[4];
        EXPECT_EQ(statuses.count(row[5]), 1u) << row[5];
        EXPECT_GT(std::stod(row[6]), 0.0);
        const bool applied = row[5] == "completed" || row[5] == "rolled_back";
        EXPECT_EQ(row[12] != kNull, applied) << "applied_at only once applied";
        if (row[5] == "completed") {
          EXPECT_GT(std::stod(row[7]), 0.0) << "a completed action realised a saving";
        } else {
          ++mistakes;
          EXPECT_EQ(std::stod(row[7]), 0.0) << "a rolled-back or failed action saved nothing";
          EXPECT_NE(row[9].find("\"error\""), std::string::npos) << row[9];
        }
        if (row[8] != kNull) {
          ++with_client;
          EXPECT_EQ(clients.count(row[8]), 1u);
        }
        EXPECT_EQ(row[9].front(), '{');
        const int64_t created = parse_timestamp(row[10]), updated = parse_timestamp(row[11]);
        EXPECT_LE(created, updated);
        EXPECT_LT(updated, world.as_of_seconds()) << "history ended before as_of";
        if (applied) {
          const int64_t applied_at = parse_timestamp(row[12]);
          EXPECT_LE(created, applied_at);
          EXPECT_LE(applied_at, updated);
        }
      }
    }
  }
  EXPECT_GT(mistakes, 0) << "some of the history is mistakes";
  EXPECT_GT(actions, 0);
  EXPECT_GT(with_client, 0);
}

}  // namespace
}  // namespace seedgen

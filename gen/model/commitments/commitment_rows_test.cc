// The commitments domain's rows: field counts match the COPY column lists, building twice gives identical
// bytes, and stored values satisfy the schema's CHECKs and the domain's invariants (dates, utilisation).
#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>

#include "commitment_support.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

using testing::emitted;
using testing::real_model;
using testing::parse_rows;
using testing::StoredCommitment;
using testing::stored_commitments;
using testing::tiny_world;

size_t column_count(const std::string& table) {
  const TableSpec* spec = find_table(table);
  EXPECT_NE(spec, nullptr) << table;
  if (spec == nullptr) return 0;
  const std::string_view columns(spec->columns);
  return static_cast<size_t>(std::count(columns.begin(), columns.end(), ',')) + 1;
}

std::string all_rows(const World& world, const AccountModel& model) {
  return emitted(world, model, emit_commitments) + emitted(world, model, emit_commitment_utilization_daily) +
         emitted(world, model, emit_api_clients) + emitted(world, model, emit_optimization_actions);
}

TEST(CommitmentRows, FieldCountsMatchTheColumnLists) {
  const auto owned = tiny_world(42);
  const World& world = owned->world;
  // The largest account: it runs the most and buys commitments (management and sandboxes may have none).
  uint32_t largest = 0;
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    if (world.accounts[account].size > world.accounts[largest].size) largest = account;
  }
  const AccountModel model = real_model(world, largest);
  const std::pair<std::string, void (*)(const World&, const AccountModel&, RowWriter&)> tables[] = {
      {"commitments", emit_commitments},
      {"commitment_utilization_daily", emit_commitment_utilization_daily},
      {"api_clients", emit_api_clients},
      {"optimization_actions", emit_optimization_actions},
  };
  for (const auto& [table, emit] : tables) {
    const auto rows = parse_rows(emitted(world, model, emit));
    EXPECT_FALSE(rows.empty()) << table;
    for (const auto& row : rows) EXPECT_EQ(row.size(), column_count(table)) << table;
  }
}

TEST(CommitmentRows, BuildingTwiceGivesIdenticalBytes) {
  for (uint64_t seed : {3u, 42u}) {
    const auto first = tiny_world(seed);
    const auto second = tiny_world(seed);
    for (uint32_t account = 0; account < first->world.accounts.size(); ++account) {
      EXPECT_EQ(all_rows(first->world, real_model(first->world, account)),
                all_rows(second->world, real_model(second->world, account)));
      EXPECT_EQ(all_rows(first->world, build_account_model(first->world, account)),
                all_rows(second->world, build_account_model(second->world, account)));
    }
  }
}

TEST(CommitmentRows, CommitmentsSatisfyTheSchemaAndTheirTerms) {
  const auto owned = tiny_world(7);
  const World& world = owned->world;
  const int32_t as_of = world.as_of_day();
  for (uint32_t account = 0; account < world.accounts.size(); ++account) {
    const AccountModel model = real_model(world, account);
    const int64_t account_created = world.accounts[account].created_at;
    for (const StoredCommitment& commitment : stored_commitments(world, model)) {
      EXPECT_TRUE(commitment.type == "reserved_instance" || commitment.type == "savings_plan");
      EXPECT_TRUE(commitment.term_months == 12 || commitment.term_months == 36);
      EXPECT_EQ(commitment.end - commitment.start, 365 * commitment.term_months / 12);
      EXPECT_GT(commitment.amount, 0);
      EXPECT_LE(commitment.amount, 999999.9999);
      EXPECT_LE(commitment.created_at, static_cast<int64_t>(commitment.start) * kSecondsPerDay);
      EXPECT_GT(commitment.created_at, account_created);
      EXPECT_LT(commitment.start, as_of);
      for (const auto& [date, percent] : commitment.utilization) {
        EXPECT_GE(date, as_of - world.profile->usage_days + 1);
        EXPECT_LE(date, as_of);
        EXPECT_TRUE(commitment.start <= date && date <= commitment.end);
        EXPECT_GE(percent, 0.0);
        EXPECT_LE(percent, 100.0);
      }
      const int32_t first = std::max(commitment.start, as_of - world.profile->usage_days + 1);
      const int32_t last = std::min(commitment.end, as_of);
      EXPECT_EQ(commitment.utilization.size(), static_cast<size_t>(std::max(0, last - first + 1)));
    }
  }
}

TEST(CommitmentRows, UtilisationIsMostlyHigh) {
  const auto owned = tiny_world(42);
  int high = 0, total = 0;
  for (uint32_t account = 0; account < owned->world.accounts.size(); ++account) {
    const AccountModel model = real_model(owned->world, account);
    for (const StoredCommitment& commitment : stored_commitments(owned->world, model)) {
      for (const auto& [date, percent] : commitment.utilization) {
        high += percent >= 85.0;
        ++total;
      }
    }
  }
  ASSERT_GT(total, 0);
  EXPECT_GT(high, total * 6 / 10);
}

TEST(CommitmentRows, UtilisationRowsCarryUsageAndSavings) {
  const auto owned = tiny_world(42);
  const AccountModel model = real_model(owned->world, 0);
  std::map<std::string, double> amount_of;
  for (const auto& row : parse_rows(emitted(owned->world, model, emit_commitments))) {
    amount_of[row[0]] = std::stod(row[5]);
  }
  for (const auto& row : parse_rows(emitted(owned->world, model, emit_commitment_utilization_daily))) {
    const double amount = amount_of.at(row[1]);
    EXPECT_NEAR(std::stod(row[3]), amount * std::stod(row[4]) / 100.0, 1e-4);
    EXPECT_GE(std::stod(row[5]), 0.0);
  }
}

}  // namespace
}  // namespace seedgen

// The cross-tenant reference checks of migration 018 admit everything the generator writes: every
// tenant of a loaded fleet can rewrite each of its rows that holds a reference (a no-op UPDATE, checked
// by the same WITH CHECK clauses as a real change), so agents acting as tenants are never refused on
// their own data. pgtap/014_cross_tenant_references.sql tests what the checks refuse.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/connection.h"
#include "test_database.h"

namespace seedgen {
namespace {

// The tables with a restrictive reference check, and a column each to rewrite with itself.
const std::vector<std::pair<std::string, std::string>> kCheckedTables = {
    {"instances", "autoscaling_group_id"}, {"volumes", "attached_instance_id"},
    {"snapshots", "source_volume_id"},     {"elastic_ips", "associated_instance_id"},
    {"resource_tags", "resource_id"},      {"metrics_daily", "resource_id"},
    {"optimization_actions", "requested_by_client_id"}};

TEST(TenantReferences, EveryTenantCanRewriteEveryGeneratedRowThatHoldsAReference) {
  testing::TestDatabase database;
  std::string output;
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --seed 4 --quiet --db '" +
                                     database.url() + "'", &output), 0) << output;
  const int accounts = std::stoi(database.query_value("select count(*) from cloud_accounts"));
  ASSERT_GE(accounts, 5);
  Connection connection(database.url());
  for (int account = 0; account < accounts; ++account) {
    const std::string id = database.query_value("select id from cloud_accounts order by id offset " + std::to_string(account));
    pqxx::work transaction(connection.session());
    transaction.exec("set local role authenticated");
    transaction.exec("select set_config('request.jwt.claims', '{\"account_id\": \"" + id + "\"}', true)");
    for (const auto& [table, column] : kCheckedTables) {
      SCOPED_TRACE(table + " of account " + id);
      // All seven tables carry account_id; counted as the superuser, without RLS.
      const auto expected = database.query_value("select count(*) from " + table + " where account_id = '" + id + "'");
      try {
        const auto result = transaction.exec("update " + table + " set " + column + " = " + column);
        EXPECT_EQ(std::to_string(result.affected_rows()), expected);
      } catch (const pqxx::sql_error& error) {
        ADD_FAILURE() << error.what();
        break;
      }
    }
    transaction.abort();
  }
  // The fleet really has the references worth checking: orphaned snapshot sources among them.
  EXPECT_NE(database.query_value("select count(*) from snapshots s where source_volume_id is not null and not exists "
                                 "(select 1 from volumes v where v.volume_id = s.source_volume_id)"), "0");
  EXPECT_NE(database.query_value("select count(*) from instances where autoscaling_group_id is not null"), "0");
}

}  // namespace
}  // namespace seedgen

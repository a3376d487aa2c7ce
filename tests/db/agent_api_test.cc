// The agent API (migration 020) on a loaded fleet: every tenant can report every finding of its own
// answer key through report_waste_finding (so an agent that finds everything can say so), every key
// resource that an action applies to can be the target of a request, and a fleet with findings and
// requested actions can be replaced by a reload (waste_findings holds no foreign key a load would refuse).
// pgtap/015_agent_api.sql tests the refusals.
#include <gtest/gtest.h>

#include <string>

#include "db/connection.h"
#include "test_database.h"

namespace seedgen {
namespace {

// as_agent: the statements that make `transaction` an agent of `account` acting through `client`.
void as_agent(pqxx::work& transaction, const std::string& account, const std::string& client) {
  transaction.exec("set local role authenticated");
  transaction.exec("select set_config('request.jwt.claims', '{\"account_id\": \"" + account + "\", \"client_id\": \"" +
                   client + "\"}', true)");
}

// value: the first column of the one row `sql` returns, as text.
std::string value(pqxx::work& transaction, const std::string& sql) { return transaction.exec1(sql)[0].as<std::string>(); }

TEST(AgentApi, EveryTenantCanReportItsWholeAnswerKeyAndActOnItsResources) {
  testing::TestDatabase database;
  std::string output;
  const std::string load = std::string(SEEDGEN_BINARY) + " --profile tiny --seed 5 --quiet --db '" + database.url() + "'";
  ASSERT_EQ(testing::run_command(load, &output), 0) << output;
  // One client per account gets the API's scopes (as the operator would, with service_role).
  database.query_value("update api_clients c set scopes = scopes || '[\"findings:write\", \"actions:request\"]' "
                       "where id = (select min(d.id::text)::uuid from api_clients d where d.account_id = c.account_id)");
  const int accounts = std::stoi(database.query_value("select count(*) from cloud_accounts"));
  ASSERT_GE(accounts, 5);
  Connection connection(database.url());
  for (int index = 0; index < accounts; ++index) {
    const std::string account = database.query_value("select id from cloud_accounts order by id offset " + std::to_string(index));
    const std::string client = database.query_value("select min(id::text) from api_clients where account_id = '" + account + "'");
    ASSERT_FALSE(client.empty()) << account;
    const std::string key = "from seedgen.planted_waste where account_id = '" + account + "'";
    const std::string expected = database.query_value("select count(*) " + key);
    pqxx::work transaction(connection.session());
    // The key is not readable by tenants: copy this account's part where the agent can read it.
    transaction.exec("create temp table agent_key on commit drop as select resource_type, resource_id, pattern, "
                     "estimated_monthly_savings " + key);
    transaction.exec("grant select on agent_key to authenticated");
    // The key's resources that an action applies to, one request each (the fitting action of its type).
    transaction.exec("create temp table agent_targets on commit drop as select distinct on (k.resource_type, k.resource_id) "
                     "k.resource_type, k.resource_id, t.action_type from agent_key k join seedgen.agent_action_types t "
                     "using (resource_type) order by k.resource_type, k.resource_id, t.action_type");
    transaction.exec("grant select on agent_targets to authenticated");
    const std::string targets = value(transaction, "select count(*) from agent_targets");
    as_agent(transaction, account, client);
    SCOPED_TRACE("account " + account);
    EXPECT_EQ(value(transaction, "select count(report_waste_finding(resource_type, resource_id, pattern, "
                                 "estimated_monthly_savings)) from agent_key"), expected);
    EXPECT_EQ(value(transaction, "select count(request_optimization_action(resource_type, resource_id, action_type)) "
                                 "from agent_targets"), targets);
    EXPECT_EQ(value(transaction, "select count(*) from waste_findings"), expected);
    transaction.exec("reset role");
    transaction.commit();
  }
  // The tiny key has findings for the action types worth acting on.
  EXPECT_NE(database.query_value("select count(*) from optimization_actions where status = 'pending'"), "0");
  EXPECT_EQ(database.query_value("select count(*) from waste_findings"),
            database.query_value("select count(*) from seedgen.planted_waste"));
  // Findings and requests do not stop the fleet from being replaced.
  ASSERT_EQ(testing::run_command(load + " --reset", &output), 0) << output;
  EXPECT_EQ(database.query_value("select count(*) from optimization_actions where status = 'pending'"), "0");
}

}  // namespace
}  // namespace seedgen

// seedgen act (docs/AGENTS.md, "Execution"): approved optimization actions are carried out at the end of
// the estate's day with their effects, AWS's refusals and incidents; the findings they clear leave the key
// (and stay true for the scorer); every later drift day keeps them carried out; a day that fails takes its
// actions with it. Expected values are computed here from the tables and the price list, not by seedgen.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::TestDatabase;

std::string day_after(const std::string& day) { return iso_date(*parse_iso_date(day) + 1); }

class Act : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string output;
    ASSERT_EQ(testing::run_seedgen("--profile tiny --seed 1 --quiet" + testing::db_argument(db_), &output), 0) << output;
    as_of_ = db_.query_value("select as_of::text from seedgen.runs where status = 'completed'");
    idle_ = first("select resource_id from seedgen.planted_waste where pattern = 'ec2_idle' order by resource_id limit 1");
    gp2_ = first("select resource_id from seedgen.planted_waste where pattern = 'ebs_gp2' order by resource_id limit 1");
    in_use_ = first("select volume_id from volumes where state = 'in-use' order by volume_id limit 1");
    busy_ = first("select instance_id from instances i where env = 'prod' and state = 'running' and avg_cpu_7d > 30 "
                  "and not exists (select from seedgen.planted_waste w where w.resource_id = i.instance_id) "
                  "order by instance_id limit 1");
    logs_ = first("select resource_id from seedgen.planted_waste where pattern = 'logs_no_retention' order by resource_id limit 1");
    idle_volumes_ = db_.query_value("select count(*) from volumes where attached_instance_id = '" + idle_ + "'");
    request("instance", idle_, "terminate", "{\"snapshot_first\": true}");
    request("volume", gp2_, "modify_volume_type", "{\"volume_type\": \"gp3\"}");
    request("volume", in_use_, "delete_volume", "{}");
    request("instance", busy_, "terminate", "{}");
    request("log_group", logs_, "set_log_retention", "{\"retention_days\": 30}");
    request("log_group", logs_, "set_log_retention", "{\"retention_days\": 8}");
  }

  std::string first(const std::string& sql) {
    const std::string value = db_.query_value(sql);
    EXPECT_FALSE(value.empty()) << "tiny seed 1 has no row for: " << sql;
    return value;
  }

  // request: a pending action, as request_optimization_action leaves it (the API is tested in agent_api_test.cc).
  void request(const std::string& type, const std::string& id, const std::string& action, const std::string& params) {
    db_.query_value("insert into optimization_actions (account_id, resource_type, resource_id, action_type, status, params) "
                    "select account_id, '" + type + "', '" + id + "', '" + action + "', 'pending', '" + params + "' "
                    "from " + (type == "instance" ? "instances where instance_id" : type == "volume" ? "volumes where volume_id"
                                                                                   : "log_groups where id::text") +
                    " = '" + id + "'");
  }

  std::string status_of(const std::string& id, const std::string& action) {
    return db_.query_value("select status || coalesce(' ' || split_part(error, ':', 1), '') from optimization_actions "
                           "where resource_id = '" + id + "' and action_type = '" + action + "' order by params::text limit 1");
  }

  int act(const std::string& arguments, std::string* output) {
    return testing::run_seedgen("act " + arguments + testing::db_argument(db_), output);
  }

  TestDatabase db_;
  std::string as_of_, idle_, gp2_, in_use_, busy_, logs_, idle_volumes_;
};

TEST_F(Act, CarriesOutApprovedActionsWithTheirEffectsRefusalsAndIncidents) {
  std::string output;
  ASSERT_EQ(act("", &output), 0) << output;
  EXPECT_NE(output.find("no approved action"), std::string::npos) << output;   // pending ones wait for approval
  EXPECT_EQ(db_.query_value("select count(*) from optimization_actions where status = 'pending'"), "6");

  ASSERT_EQ(act("--approve-pending", &output), 0) << output;
  EXPECT_NE(output.find("6 actions carried out: 4 completed, 2 failed"), std::string::npos) << output;
  EXPECT_EQ(status_of(idle_, "terminate"), "completed");
  EXPECT_EQ(status_of(in_use_, "delete_volume"), "failed VolumeInUse");
  EXPECT_EQ(db_.query_value("select count(*) from volumes where volume_id = '" + in_use_ + "'"), "1");
  EXPECT_EQ(db_.query_value("select string_agg(status || coalesce(' ' || split_part(error, ':', 1), ''), ', ' order by "
                            "params->>'retention_days') from optimization_actions where resource_id = '" + logs_ + "'"),
            "completed, failed InvalidParameterException");
  EXPECT_EQ(db_.query_value("select retention_days from log_groups where id::text = '" + logs_ + "'"), "30");

  // The estate's clock: the end of as_of, whatever the wall clock says.
  const std::string end_of_day = day_after(as_of_) + " 00:00:00+00";
  EXPECT_EQ(db_.query_value("select count(*) from optimization_actions where status in ('completed', 'failed') and "
                            "approved_at = '" + end_of_day + "' and completed_at = '" + end_of_day + "'"), "6");

  // Effects: the instance is terminated and its volumes are gone; the volume is gp3 at gp3's list price.
  EXPECT_EQ(db_.query_value("select state from instances where instance_id = '" + idle_ + "'"), "terminated");
  EXPECT_EQ(db_.query_value("select count(*) from volumes where attached_instance_id = '" + idle_ + "'"), "0");
  ASSERT_NE(idle_volumes_, "0");
  EXPECT_EQ(db_.query_value("select count(*) from snapshots s join optimization_actions a on s.tags->>'action_id' = a.id::text "
                            "where a.resource_id = '" + idle_ + "' and s.created_at = '" + end_of_day + "'"), idle_volumes_);
  EXPECT_EQ(db_.query_value("select volume_type || ' ' || (monthly_cost = round(size_gib * p.usd, 4)) from volumes v "
                            "join seedgen.prices p on p.sku = 'ebs.gp3.gb_month' and p.region = v.region "
                            "where volume_id = '" + gp2_ + "'"), "gp3 true");

  // The key: what the actions fixed left it, and is kept as resolved; nothing else moved.
  EXPECT_EQ(db_.query_value("select count(*) from seedgen.planted_waste where resource_id in ('" + idle_ + "', '" + gp2_ +
                            "') or (resource_id = '" + logs_ + "' and pattern = 'logs_no_retention')"), "0");
  EXPECT_EQ(db_.query_value("select string_agg(pattern, ',' order by pattern) from seedgen.resolved_findings "
                            "where resource_id in ('" + idle_ + "', '" + gp2_ + "', '" + logs_ + "') and pattern in "
                            "('ec2_idle', 'ebs_gp2', 'logs_no_retention')"), "ebs_gp2,ec2_idle,logs_no_retention");

  // Incidents: only the busy production instance, an outage at the production price.
  EXPECT_EQ(db_.query_value("select string_agg(kind || ' ' || resource_id || ' ' || estimated_cost, ', ') from seedgen.incidents"),
            "outage " + busy_ + " 5000.00");
  // Saving at execution: what resource_monthly_costs gave before, 0 after, for the terminated idle instance.
  EXPECT_EQ(db_.query_value("select realized_monthly_savings = round(hourly_cost * 730, 4) from optimization_actions a "
                            "join instances i on i.instance_id = a.resource_id where a.resource_id = '" + idle_ + "'"), "t");
}

TEST_F(Act, DriftDaysKeepEveryActionCarriedOutAndRealiseItsSaving) {
  std::string output;
  ASSERT_EQ(act("--approve-pending --quiet", &output), 0) << output;
  const std::string monthly = db_.query_value(
      "select sum(monthly_cost_before - monthly_cost_after) from seedgen.executed_actions where outcome = 'completed'");
  ASSERT_EQ(testing::run_seedgen("drift --days 2 --quiet" + testing::db_argument(db_), &output), 0) << output;
  ASSERT_EQ(testing::run_seedgen("drift --follow --days 1 --day-seconds 1 --quiet" + testing::db_argument(db_), &output), 0)
      << output;

  EXPECT_EQ(db_.query_value("select state from instances where instance_id = '" + idle_ + "'"), "terminated");
  EXPECT_EQ(db_.query_value("select count(*) from metrics_daily where resource_id = '" + idle_ + "' and date > '" + as_of_ + "'"), "0");
  EXPECT_EQ(db_.query_value("select volume_type from volumes where volume_id = '" + gp2_ + "'"), "gp3");
  EXPECT_EQ(db_.query_value("select retention_days from log_groups where id::text = '" + logs_ + "'"), "30");
  EXPECT_EQ(db_.query_value("select count(*) from seedgen.planted_waste where resource_id in ('" + idle_ + "', '" + gp2_ + "')"), "0");
  // The event log tells what the estate became: no day shows the model bringing an acted resource back.
  EXPECT_EQ(db_.query_value("select count(*) from seedgen.drift_events where day > '" + as_of_ + "' and resource_id in ('" +
                            idle_ + "', '" + gp2_ + "', '" + busy_ + "') and event in ('state_changed', 'resized')"), "0");
  EXPECT_EQ(db_.query_value("select count(*) from seedgen.drift_events where event = 'action_completed'"), "4");

  // Three drifted days of each completed action's saving, 24/730 of a month each.
  EXPECT_EQ(db_.query_value("select count(*) from seedgen.action_savings_daily"), "12");
  const std::string expected = db_.query_value("select round(sum(round((monthly_cost_before - monthly_cost_after) * 24 / 730, 4)) * 3, 2) "
                                               "from seedgen.executed_actions where outcome = 'completed'");
  db_.query_value("insert into waste_findings (account_id, resource_type, resource_id, pattern) "
                  "select account_id, resource_type, resource_id, pattern from seedgen.resolved_findings");
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " score --json -" + testing::db_argument(db_), &output), 0) << output;
  const auto report = nlohmann::json::parse(output);
  const auto& execution = report["execution"];
  EXPECT_EQ(execution["actions_completed"], 4);
  EXPECT_EQ(execution["actions_failed"], 2);
  EXPECT_EQ(execution["drifted_days"], 3);
  EXPECT_DOUBLE_EQ(execution["realised_savings"].get<double>(), std::stod(expected));
  EXPECT_DOUBLE_EQ(execution["monthly_savings"].get<double>(), std::stod(db_.query_value("select round(" + monthly + ", 2)")));
  EXPECT_EQ(execution["incidents"], 1);
  EXPECT_DOUBLE_EQ(execution["incident_cost"].get<double>(), 5000.0);
  // Findings an action cleared are true, though the key no longer holds them.
  EXPECT_EQ(report["overall"]["false_positives"], 0);
  EXPECT_GE(report["overall"]["true_positives"].get<int>(), 3);
}

TEST_F(Act, ADriftDayThatFailsTakesItsActionsWithIt) {
  db_.query_value("update optimization_actions set status = 'approved' where status = 'pending'");
  db_.query_value("create or replace function seedgen.test_refuse_day() returns trigger language plpgsql as "
                  "$$ begin raise exception 'refused by the test'; end $$");
  db_.query_value("create trigger test_refuse_day before insert on seedgen.drift_days for each row "
                  "execute function seedgen.test_refuse_day()");
  std::string output;
  EXPECT_EQ(testing::run_seedgen("drift --days 1" + testing::db_argument(db_), &output), 7) << output;
  EXPECT_EQ(db_.query_value("select count(*) from optimization_actions where status = 'approved'"), "6");
  EXPECT_EQ(db_.query_value("select state from instances where instance_id = '" + idle_ + "'"), "running");
  EXPECT_EQ(db_.query_value("select count(*) from seedgen.executed_actions"), "0");

  db_.query_value("drop trigger test_refuse_day on seedgen.drift_days");
  ASSERT_EQ(testing::run_seedgen("drift --days 1 --quiet" + testing::db_argument(db_), &output), 0) << output;
  EXPECT_EQ(db_.query_value("select count(*) from optimization_actions where status = 'approved'"), "0");
  EXPECT_EQ(db_.query_value("select state from instances where instance_id = '" + idle_ + "'"), "terminated");
  // Carried out at the end of the day before the drifted one, before its own changes.
  EXPECT_EQ(db_.query_value("select distinct day::text from seedgen.executed_actions"), as_of_);
}

// Time to detect is counted on the estate's clock: a finding the key held since the load and reported two
// drifted days later took 2 days; one that appeared on the second day and was reported then took 0.
TEST(ActTimeToDetect, CountsEstateDaysFromTheKeysFirstDayToTheReport) {
  TestDatabase db;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --seed 1 --quiet" + testing::db_argument(db), &output), 0) << output;
  db.query_value("create table loaded_key as select account_id, resource_type, resource_id, pattern from seedgen.planted_waste");
  ASSERT_EQ(testing::run_seedgen("drift --days 1 --quiet" + testing::db_argument(db), &output), 0) << output;
  db.query_value("create table day_one_key as select account_id, resource_type, resource_id, pattern from seedgen.planted_waste");
  ASSERT_EQ(testing::run_seedgen("drift --days 1 --quiet" + testing::db_argument(db), &output), 0) << output;
  const std::string old_finding = "select * from loaded_key intersect select account_id, resource_type, resource_id, pattern "
                                  "from seedgen.planted_waste order by 1, 2, 3, 4 limit 1";
  const std::string new_finding = "select account_id, resource_type, resource_id, pattern from seedgen.planted_waste except "
                                  "(select * from loaded_key union select * from day_one_key) order by 1, 2, 3, 4 limit 1";
  ASSERT_NE(db.query_value("select count(*) from (" + new_finding + ") n"), "0") << "no finding appeared on day 2";
  db.query_value("insert into waste_findings (account_id, resource_type, resource_id, pattern) " + old_finding);
  db.query_value("insert into waste_findings (account_id, resource_type, resource_id, pattern) " + new_finding);
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " score --json -" + testing::db_argument(db), &output), 0) << output;
  const auto detection = nlohmann::json::parse(output)["execution"]["time_to_detect"];
  EXPECT_EQ(detection["findings"], 2);
  EXPECT_EQ(detection["mean_days"], 1.0);
  EXPECT_EQ(detection["max_days"], 2);
}

TEST(ActWithoutALoad, IsExitFiveInOneLine) {
  TestDatabase db;
  std::string output;
  EXPECT_EQ(testing::run_seedgen("act" + testing::db_argument(db), &output), 5) << output;
  EXPECT_NE(output.find("no completed seedgen load"), std::string::npos) << output;
}

}  // namespace
}  // namespace seedgen

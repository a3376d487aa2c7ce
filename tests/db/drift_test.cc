// seedgen drift (docs/DRIFT.md): an estate loaded at day D and drifted k days holds exactly what a direct
// load at D + k holds, every table, the answer key and the cost roll-ups included (compared by an
// order-independent digest the server computes, not by seedgen's own checksums); the ledger and status say
// where the estate stands; bad input is one line, a documented code and no change; a killed day leaves
// the day before it and the next run resumes; readers never wait and the catalog does not move.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "catalog_fingerprint.h"
#include "core/calendar.h"
#include "db/connection.h"
#include "tables/table_registry.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TestDatabase;

// fleet_digest: per table (and roll-up view), the md5 of its rows' md5s in sorted order: equal exactly
// when two databases hold the same rows, whatever their physical order.
std::string fleet_digest(const TestDatabase& database) {
  std::string sql = "select string_agg(name || '=' || digest, E'\\n' order by name) from (";
  std::vector<std::string> relations;
  for (const auto& spec : table_specs()) relations.push_back(spec.qualified_name());
  relations.push_back("public.cost_rollup_monthly");
  relations.push_back("public.resource_cost_monthly");
  for (size_t i = 0; i < relations.size(); ++i) {
    if (i > 0) sql += " union all ";
    sql += "select '" + relations[i] + "' as name, (select md5(coalesce(string_agg(h, '' order by h), '')) from "
           "(select md5(t::text) as h from " + relations[i] + " t) s) as digest";
  }
  return database.query_value(sql + ") d");
}

std::string as_of(const TestDatabase& database) {
  return database.query_value("select coalesce((select max(day)::text from seedgen.drift_days), "
                              "(select as_of::text from seedgen.runs where status = 'completed' order by run_id desc limit 1))");
}

std::string day_after(const std::string& day, int days) { return iso_date(*parse_iso_date(day) + days); }

void load(const TestDatabase& database, const std::string& arguments) {
  std::string output;
  ASSERT_EQ(testing::run_seedgen(arguments + " --quiet" + testing::db_argument(database), &output), 0) << output;
}

void drift(const TestDatabase& database, const std::string& arguments) {
  std::string output;
  ASSERT_EQ(testing::run_seedgen("drift --quiet " + arguments + testing::db_argument(database), &output), 0) << output;
}

class DriftInvariant : public ::testing::TestWithParam<int> {};

TEST_P(DriftInvariant, DriftedDaysEqualDirectLoadsOfTheSameDay) {
  const std::string profile = "--profile tiny --seed " + std::to_string(GetParam());
  TestDatabase drifted;
  load(drifted, profile);
  const std::string loaded_at = as_of(drifted);
  int days = 0;
  for (int k : {1, 3, 7}) {
    SCOPED_TRACE("k = " + std::to_string(k));
    drift(drifted, "--days " + std::to_string(k - days));
    days = k;
    ASSERT_EQ(as_of(drifted), day_after(loaded_at, k));
    TestDatabase direct;
    load(direct, profile + " --as-of " + day_after(loaded_at, k));
    EXPECT_EQ(fleet_digest(drifted), fleet_digest(direct));
    // The ledger keeps the day's checksums as a load keeps its own: the same figures.
    EXPECT_EQ(drifted.query_value("select checksums from seedgen.drift_days order by day desc limit 1"),
              direct.query_value("select checksums from seedgen.runs"));
  }
  // Every day moved something, and the key's history spans the days.
  EXPECT_EQ(drifted.query_value("select count(*) from seedgen.drift_days where rows_inserted <> '{}'"), "7");
  EXPECT_EQ(drifted.query_value("select min(first_seen)::text || ' ' || max(last_seen)::text from seedgen.finding_history"),
            loaded_at + " " + day_after(loaded_at, 7));
  EXPECT_EQ(drifted.query_value("select count(*) from seedgen.planted_waste"),
            drifted.query_value("select count(*) from seedgen.finding_history where last_seen = (select max(day) from seedgen.drift_days)"));
}

INSTANTIATE_TEST_SUITE_P(Seeds, DriftInvariant, ::testing::Values(1, 2, 3));

TEST(Drift, StatusSaysWhereTheEstateStands) {
  TestDatabase database;
  std::string output;
  EXPECT_EQ(testing::run_seedgen("status" + testing::db_argument(database), &output), 5) << output;
  load(database, "--profile tiny --seed 5");
  ASSERT_EQ(testing::run_seedgen("status" + testing::db_argument(database), &output), 0) << output;
  EXPECT_NE(output.find("profile tiny seed 5"), std::string::npos) << output;
  EXPECT_NE(output.find("loaded at 2025-01-15; now at 2025-01-15; 0 day(s) drifted"), std::string::npos) << output;
  drift(database, "--until 2025-01-17");
  ASSERT_EQ(testing::run_seedgen("status --json -" + testing::db_argument(database), &output), 0) << output;
  EXPECT_NE(output.find("\"as_of\": \"2025-01-17\""), std::string::npos) << output;
  EXPECT_NE(output.find("\"days_drifted\": 2"), std::string::npos) << output;
  EXPECT_NE(output.find("\"first_as_of\": \"2025-01-15\""), std::string::npos) << output;
  // Drifting to the day it is at does nothing.
  ASSERT_EQ(testing::run_seedgen("drift --until 2025-01-17" + testing::db_argument(database), &output), 0) << output;
  EXPECT_NE(output.find("already at 2025-01-17"), std::string::npos) << output;
  EXPECT_EQ(database.query_value("select count(*) from seedgen.drift_days"), "2");
}

TEST(Drift, BadInputIsOneLineWithItsCodeAndChangesNothing) {
  TestDatabase database;
  std::string output;
  EXPECT_EQ(testing::run_seedgen("drift" + testing::db_argument(database), &output), 5) << output;
  EXPECT_NE(output.find("no completed seedgen load"), std::string::npos) << output;
  load(database, "--profile tiny --seed 6");
  const std::string before = fleet_digest(database);
  const struct {
    const char* arguments;
    int code;
    const char* says;
  } cases[] = {
      {"--days 0", 2, "--days"},
      {"--days x", 2, "--days"},
      {"--until 2025-01-14", 2, "cannot be reversed"},
      {"--until 2025-02-30", 2, "--until must be a date"},
      {"--days 1 --until 2025-01-20", 2, "exclude each other"},
      {"--days 3651", 2, "--days"},
      {"--json /nonexistent/dir/report.json", 8, "/nonexistent/dir"},
      {"--day-seconds 5", 2, "--day-seconds needs --follow"},
      {"--follow --day-seconds 0", 2, "--day-seconds"},
      {"--follow --out /tmp/x", 2, "exclude each other"},
      {"--out /proc/seedgen-drift", 8, "/proc/seedgen-drift"},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.arguments);
    EXPECT_EQ(testing::run_seedgen(std::string("drift ") + bad.arguments + testing::db_argument(database), &output), bad.code);
    EXPECT_NE(output.find(bad.says), std::string::npos) << output;
    EXPECT_EQ(std::count(output.begin(), output.end(), '\n'), 1) << output;
  }
  database.query_value("update seedgen.runs set seedgen_version = '0.0.1'");
  EXPECT_EQ(testing::run_seedgen("drift" + testing::db_argument(database), &output), 5) << output;
  EXPECT_NE(output.find("loaded by seedgen 0.0.1"), std::string::npos) << output;
  database.query_value("update seedgen.runs set seedgen_version = '" SEEDGEN_VERSION "', seed = 7");
  EXPECT_EQ(testing::run_seedgen("drift" + testing::db_argument(database), &output), 5) << output;
  EXPECT_NE(output.find("is not what profile tiny seed 7 gives"), std::string::npos) << output;
  EXPECT_EQ(fleet_digest(database), before);
  EXPECT_EQ(database.query_value("select count(*) from seedgen.drift_days"), "0");
}

// spawn_seedgen: starts seedgen with `arguments` against `database` in a child process (output discarded).
pid_t spawn_seedgen(const TestDatabase& database, const std::string& arguments) {
  const pid_t child = fork();
  if (child == 0) {
    const std::string command = std::string("exec ") + SEEDGEN_BINARY + " " + arguments + " --db '" + database.url() +
                                "' >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return child;
}

TEST(Drift, AKilledDayLeavesTheDayBeforeAndTheNextRunResumes) {
  TestDatabase database;
  load(database, "--profile small --seed 3");
  const std::string before = fleet_digest(database);
  const std::string catalog = database.query_value(testing::kCatalogFingerprintSql);
  const pid_t child = spawn_seedgen(database, "drift --quiet --days 2");
  // Killed while the first day's transaction writes rows.
  Connection watcher(database.url());
  bool writing = false;
  for (int poll = 0; poll < 60000 && !writing; ++poll) {
    writing = pqxx::nontransaction(watcher.session())
                  .exec("select count(*) from pg_stat_activity where datname = current_database() and "
                        "application_name = 'seedgen: drift' and state = 'active' and query ~* '^(copy|insert|update|delete)'")[0][0]
                  .as<int>() > 0;
    if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(writing) << "the drift never started writing";
  // The server ends the dead client's transaction; wait for its backend to go.
  for (int poll = 0; poll < 500; ++poll) {
    if (database.query_value("select count(*) from pg_stat_activity where datname = current_database() and "
                             "application_name = 'seedgen: drift'") == "0") {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(database.query_value("select count(*) from seedgen.drift_days"), "0");
  EXPECT_EQ(fleet_digest(database), before);
  EXPECT_EQ(database.query_value(testing::kCatalogFingerprintSql), catalog);
  drift(database, "--days 1");
  EXPECT_EQ(as_of(database), "2025-01-16");
  EXPECT_EQ(database.query_value(testing::kCatalogFingerprintSql), catalog);
}

TEST(Drift, AFollowKilledMidDayIsResumedAndEndsAsADirectLoad) {
  TestDatabase database;
  load(database, "--profile tiny --seed 8");
  const std::string loaded_at = as_of(database);
  const pid_t child = spawn_seedgen(database, "drift --quiet --follow --day-seconds 6 --days 2");
  // Killed once a few of the first day's steps are written, each in its own transaction.
  bool some_written = false;
  for (int poll = 0; poll < 30000 && !some_written; ++poll) {
    some_written = database.query_value("select count(*) from pg_tables where schemaname = 'seedgen' and tablename = 'drift_steps'") == "1" &&
                   std::stoi(database.query_value("select count(*) from seedgen.drift_steps")) >= 3;
    if (!some_written) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(some_written) << "the trickled drift never wrote three steps";
  // Spread over the day's seconds: the first day is unfinished, its steps are a part of the whole.
  EXPECT_EQ(database.query_value("select count(*) from seedgen.drift_days"), "0");
  const int written = std::stoi(database.query_value("select count(*) from seedgen.drift_steps"));
  const int steps = std::stoi(database.query_value("select max(steps) from seedgen.drift_steps"));
  EXPECT_LT(written, steps);
  std::string output;
  ASSERT_EQ(testing::run_seedgen("status" + testing::db_argument(database), &output), 0) << output;
  EXPECT_NE(output.find(day_after(loaded_at, 1) + " partly written: " + std::to_string(written) + " of " +
                        std::to_string(steps) + " steps"), std::string::npos) << output;
  // A plain drift finishes the day from the next step and goes on; the result is the direct load's.
  ASSERT_EQ(testing::run_seedgen("drift --days 2" + testing::db_argument(database), &output), 0) << output;
  EXPECT_NE(output.find(std::to_string(written) + " written before"), std::string::npos) << output;
  EXPECT_EQ(as_of(database), day_after(loaded_at, 2));
  EXPECT_EQ(database.query_value("select count(*) from seedgen.drift_steps"), "0");
  TestDatabase direct;
  load(direct, "--profile tiny --seed 8 --as-of " + day_after(loaded_at, 2));
  EXPECT_EQ(fleet_digest(database), fleet_digest(direct));
  // A trickled day that runs to its end is the same day too.
  drift(database, "--follow --day-seconds 0.5 --days 1");
  TestDatabase direct_next;
  load(direct_next, "--profile tiny --seed 8 --as-of " + day_after(loaded_at, 3));
  EXPECT_EQ(fleet_digest(database), fleet_digest(direct_next));
}

TEST(Drift, EventsNameEveryResourceAndFindingThatCameOrWent) {
  TestDatabase database;
  load(database, "--profile tiny --seed 9");
  const std::string loaded_at = as_of(database);
  database.query_value("create table before_instances as select instance_id from instances");
  database.query_value("create table before_key as select account_id, resource_type, resource_id, pattern from seedgen.planted_waste");
  drift(database, "--days 3");
  const auto count = [&](const std::string& sql) { return database.query_value("select count(*) from (" + sql + ") s"); };
  // The instances that came and went, from the tables themselves, each with its event (and nothing else).
  const std::string created = "select instance_id from instances except select instance_id from before_instances";
  const std::string deleted = "select instance_id from before_instances except select instance_id from instances";
  EXPECT_NE(count(created), "0");
  EXPECT_NE(count(deleted), "0");
  EXPECT_EQ(count(created + " except select resource_id from seedgen.drift_events where resource_type = 'instance' and event = 'created'"), "0");
  EXPECT_EQ(count(deleted + " except select resource_id from seedgen.drift_events where resource_type = 'instance' and event = 'deleted'"), "0");
  // Every finding of the key now that was not in the load's key appeared on some day; the reverse cleared.
  const std::string now_key = "select account_id, resource_type, resource_id, pattern from seedgen.planted_waste";
  const std::string appeared = "select account_id, resource_type, resource_id, details->>'pattern' from seedgen.drift_events "
                               "where event = 'finding_appeared'";
  const std::string cleared = "select account_id, resource_type, resource_id, details->>'pattern' from seedgen.drift_events "
                              "where event = 'finding_cleared'";
  EXPECT_NE(count(now_key + " except select * from before_key"), "0");
  EXPECT_EQ(count("(" + now_key + " except select * from before_key) except (" + appeared + ")"), "0");
  EXPECT_EQ(count("(select * from before_key except " + now_key + ") except (" + cleared + ")"), "0");
  // Each finding first seen after the load appeared in the log on that very day.
  const std::string later = "select * from seedgen.finding_history h where h.first_seen > '" + loaded_at + "'";
  EXPECT_NE(count(later), "0");
  EXPECT_EQ(count(later + " and not exists (select from seedgen.drift_events e where e.event = 'finding_appeared' and "
                  "e.day = h.first_seen and (e.account_id, e.resource_type, e.resource_id, e.details->>'pattern') = "
                  "(h.account_id, h.resource_type, h.resource_id, h.pattern))"),
            "0");
  EXPECT_EQ(database.query_value("select min(day)::text || ' ' || max(day)::text from seedgen.drift_events"),
            day_after(loaded_at, 1) + " " + day_after(loaded_at, 3));
  // service_role reads the log; the tenants' roles do not.
  EXPECT_EQ(database.query_value("select has_table_privilege('service_role', 'seedgen.drift_events', 'select')::text || "
                                 "has_table_privilege('authenticated', 'seedgen.drift_events', 'select')::text || "
                                 "has_table_privilege('anon', 'seedgen.drift_events', 'select')::text"),
            "truefalsefalse");
}

// bookkeeping_digest: the day-by-day bookkeeping of the latest run (events, key history), without run ids.
std::string bookkeeping_digest(const TestDatabase& database) {
  return database.query_value(
      "select md5(string_agg(r, E'\\n' order by r)) from ("
      "select concat_ws('|', day, account_id, resource_type, resource_id, event, details) as r from seedgen.drift_events "
      "union all select concat_ws('|', account_id, resource_type, resource_id, pattern, first_seen, last_seen) "
      "from seedgen.finding_history) s");
}

TEST(Drift, ChangeSetsAppliedWithPsqlEqualSeedgenDrift) {
  TestDatabase files, drifted;
  load(files, "--profile tiny --seed 12");
  load(drifted, "--profile tiny --seed 12");
  const std::string loaded_at = as_of(files), before = fleet_digest(files);
  testing::TempFolder folder;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("drift --days 2 --out " + folder.path().string() + testing::db_argument(files), &output), 0)
      << output;
  // Writing the change sets changes nothing.
  EXPECT_EQ(fleet_digest(files), before);
  EXPECT_EQ(files.query_value("select count(*) from seedgen.drift_days"), "0");
  const auto apply = [&](int day) {
    return testing::run_command("cd '" + (folder.path() / day_after(loaded_at, day)).string() +
                                "' && psql -X -q -v ON_ERROR_STOP=1 -f apply.sql '" + files.url() + "'", &output);
  };
  ASSERT_EQ(apply(1), 0) << output;
  ASSERT_EQ(apply(2), 0) << output;
  drift(drifted, "--days 2");
  EXPECT_EQ(fleet_digest(files), fleet_digest(drifted));
  EXPECT_EQ(bookkeeping_digest(files), bookkeeping_digest(drifted));
  EXPECT_EQ(files.query_value("select string_agg(day::text || ' ' || checksums::text, ', ' order by day) from seedgen.drift_days"),
            drifted.query_value("select string_agg(day::text || ' ' || checksums::text, ', ' order by day) from seedgen.drift_days"));
  // A change set applies once, where it belongs: again, it fails naming the day and changes nothing.
  const std::string after = fleet_digest(files);
  EXPECT_EQ(apply(1), 3);
  EXPECT_NE(output.find("the estate is at " + day_after(loaded_at, 2)), std::string::npos) << output;
  EXPECT_EQ(fleet_digest(files), after);
}

TEST(Drift, ReadersNeverWaitASecondWhileDaysApply) {
  TestDatabase database;
  load(database, "--profile small --seed 4");
  std::atomic<bool> done{false};
  double longest = 0;
  int reads = 0;
  std::thread reader([&] {
    Connection connection(database.url());
    while (!done.load()) {
      const auto started = std::chrono::steady_clock::now();
      pqxx::nontransaction(connection.session())
          .exec("select count(*), sum(monthly_cost) from cost_rollup_monthly union all "
                "select count(*), sum(hourly_cost) from instances");
      longest = std::max(longest, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      ++reads;
    }
  });
  std::string output;
  const int code = testing::run_seedgen("drift --days 2 --quiet" + testing::db_argument(database), &output);
  done = true;
  reader.join();
  EXPECT_EQ(code, 0) << output;
  EXPECT_GT(reads, 10);
  EXPECT_LT(longest, 1.0);
  EXPECT_EQ(as_of(database), "2025-01-17");
}

}  // namespace
}  // namespace seedgen

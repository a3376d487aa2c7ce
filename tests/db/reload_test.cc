// Reloading a live fleet: every catalog fact a user or Supabase may add survives a load, a --reset and a
// bundle load; readers keep reading throughout and only ever see whole fleets; a session holding the
// fleet's tables makes a load give up naming it (exit 10) or wait (--wait) without stalling other readers;
// an object outside the fleet that depends on it makes a load refuse (exit 5).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "catalog_fingerprint.h"
#include "db/connection.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TestDatabase;

std::string fingerprint(const TestDatabase& database) { return database.query_value(testing::kCatalogFingerprintSql); }

// A role of this test only (roles are cluster-wide and tests run in parallel), dropped after its database.
class TestRole {
 public:
  explicit TestRole(const std::string& name) : name_(name) { admin("create role " + name_ + " nologin"); }
  ~TestRole() {
    try {
      admin("drop role if exists " + name_);
    } catch (const std::exception&) {
    }
  }
  const std::string& name() const { return name_; }

 private:
  static void admin(const std::string& sql) {
    Connection connection(testing::cluster_url("seedgen"));
    pqxx::nontransaction(connection.session()).exec(sql);
  }
  std::string name_;
};

TEST(Reload, EveryCatalogFactSurvivesALoadAResetAndABundle) {
  TestRole role("seedgen_t_reader_" + std::to_string(::getpid()));
  TestDatabase database;
  ASSERT_EQ(testing::run_seedgen("migrate" + testing::db_argument(database)), 0);
  // What a Supabase project or a user adds to the migrated schema, one of each kind a load must recreate.
  database.query_value(
      "alter table instances force row level security; "
      "alter table volumes set (fillfactor = 90, autovacuum_enabled = false); "
      "alter table snapshots replica identity full; "
      "alter table instances cluster on idx_instances_state; "
      "alter table metrics_daily alter column resource_id set statistics 500; "
      "alter table metrics_daily alter column account_id set (n_distinct = 200); "
      "alter table instances disable trigger update_instances_updated_at; "
      "comment on policy instances_tenant_all on instances is 'tenant rows only'; "
      "comment on trigger update_volumes_updated_at on volumes is 'touches updated_at'; "
      "comment on constraint instances_pkey on instances is 'the primary key'; "
      "comment on column cost_rollup_monthly.service is 'the resource type'; "
      "comment on index idx_instances_state is 'state lookups'; "
      "grant select on instances to " + role.name() + " with grant option; "
      "grant select (volume_id, size_gib) on volumes to " + role.name() + "; "
      "grant select on cost_rollup_monthly to " + role.name() + "; "
      "alter table autoscaling_groups owner to " + role.name() + "; "
      "create publication seedgen_t_realtime for table instances, volumes (id, volume_id, size_gib) "
      "where (size_gib > 0) with (publish = 'insert')");
  const std::string migrated = fingerprint(database);
  ASSERT_NE(migrated.find("publication seedgen_t_realtime public.volumes"), std::string::npos);
  ASSERT_NE(migrated.find("forced=t"), std::string::npos);

  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 3" + testing::db_argument(database), &output), 0) << output;
  EXPECT_EQ(testing::catalog_difference(migrated, fingerprint(database)), "") << "after a load";
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 4 --reset" + testing::db_argument(database), &output), 0) << output;
  EXPECT_EQ(testing::catalog_difference(migrated, fingerprint(database)), "") << "after --reset";
  testing::TempFolder bundle;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 5 --out " + bundle.path().string(), &output), 0) << output;
  ASSERT_EQ(testing::run_seedgen("load " + bundle.path().string() + " --quiet --reset" + testing::db_argument(database), &output), 0) << output;
  EXPECT_EQ(testing::catalog_difference(migrated, fingerprint(database)), "") << "after seedgen load DIR";
  // The policies point at the new tables: as a tenant, a child table is filtered through its new parent.
  EXPECT_NE(database.query_value("select count(*) from container_nodes"), "0");
}

// One observation of a reader: how long it waited and whether the counts it saw are those of the run record
// it saw in the same statement (one snapshot).
struct Observation {
  double seconds = 0;
  bool whole_fleet = false;
  std::string run;
};

TEST(Reload, ReadersNeverWaitASecondAndOnlySeeWholeFleets) {
  TestDatabase database;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile small --quiet --seed 1" + testing::db_argument(database), &output), 0) << output;
  std::atomic<bool> done{false};
  std::vector<Observation> seen;
  std::thread reader([&] {
    Connection connection(database.url());
    while (!done.load()) {
      const auto started = std::chrono::steady_clock::now();
      const auto row = pqxx::nontransaction(connection.session()).exec(
          "select r.run_id, (select count(*) from instances) = (r.row_counts->>'public.instances')::bigint "
          "and (select count(*) from metrics_daily) = (r.row_counts->>'public.metrics_daily')::bigint "
          "and (select count(*) from seedgen.planted_waste) = (r.row_counts->>'seedgen.planted_waste')::bigint "
          "and (select max(as_of) from cost_rollup_monthly) = r.as_of "
          "from seedgen.runs r where r.status = 'completed' order by r.run_id desc limit 1")[0];
      seen.push_back({std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(),
                      row[1].as<bool>(), row[0].as<std::string>()});
    }
  });
  const int code = testing::run_seedgen("--profile small --quiet --seed 2 --reset" + testing::db_argument(database), &output);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  done = true;
  reader.join();
  ASSERT_EQ(code, 0) << output;
  ASSERT_GT(seen.size(), 20u);
  double longest = 0;
  for (const auto& observation : seen) {
    longest = std::max(longest, observation.seconds);
    EXPECT_TRUE(observation.whole_fleet) << "run " << observation.run;
  }
  EXPECT_LT(longest, 1.0) << "the longest read took " << longest << " s";
  EXPECT_NE(seen.front().run, seen.back().run) << "the reader saw the old fleet, then the new one";
}

// Blocker: a session that read a fleet table in a transaction it keeps open.
class Blocker {
 public:
  explicit Blocker(const TestDatabase& database) : connection_(database.url()) {
    pqxx::nontransaction session(connection_.session());
    session.exec("set application_name = 'seedgen-test-blocker'");
    session.exec("begin");
    session.exec("select count(*) from instances");
  }
  void release() { pqxx::nontransaction(connection_.session()).exec("commit"); }
  int pid() { return connection_.session().backendpid(); }

 private:
  Connection connection_;
};

TEST(Reload, ALoadThatCannotGetItsLocksNamesTheSessionAndChangesNothing) {
  TestDatabase database;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet" + testing::db_argument(database), &output), 0) << output;
  const std::string before = database.query_value("select md5(string_agg(instance_id, ',' order by instance_id)) from instances");
  Blocker blocker(database);
  EXPECT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 8 --reset --lock-timeout 1500ms" + testing::db_argument(database), &output), 10) << output;
  EXPECT_EQ(std::count(output.begin(), output.end(), '\n'), 1) << output;
  for (const std::string& part : {"session " + std::to_string(blocker.pid()), std::string("seedgen-test-blocker"),
                                   std::string("idle in transaction"), std::string("--wait")}) {
    EXPECT_NE(output.find(part), std::string::npos) << part << " in: " << output;
  }
  blocker.release();
  EXPECT_EQ(database.query_value("select md5(string_agg(instance_id, ',' order by instance_id)) from instances"), before);
  EXPECT_EQ(database.query_value("select status from seedgen.runs order by run_id desc limit 1"), "failed");
  EXPECT_EQ(database.query_value("select count(*) from pg_namespace where nspname like 'seedgen\\_%\\_%'"), "0");
}

TEST(Reload, WaitOutlastsTheBlockerWhileOtherReadersKeepReading) {
  TestDatabase database;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet" + testing::db_argument(database), &output), 0) << output;
  Blocker blocker(database);
  int code = -1;
  std::thread load([&] { code = testing::run_seedgen("--profile tiny --quiet --seed 8 --reset --wait" + testing::db_argument(database), &output); });
  // While the load waits for the blocker, new readers are held back at most one attempt's wait at a time.
  Connection reader(database.url());
  double longest = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  while (std::chrono::steady_clock::now() < until) {
    const auto started = std::chrono::steady_clock::now();
    pqxx::nontransaction(reader.session()).exec("select count(*) from instances");
    longest = std::max(longest, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  EXPECT_EQ(database.query_value("select status from seedgen.runs order by run_id desc limit 1"), "loading");
  blocker.release();
  load.join();
  EXPECT_EQ(code, 0) << output;
  EXPECT_LT(longest, 1.0);
  EXPECT_EQ(database.query_value("select status || ' ' || seed from seedgen.runs order by run_id desc limit 1"), "completed 8");
}

TEST(Reload, AViewOnAFleetTableIsRefusedByName) {
  TestDatabase database;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet" + testing::db_argument(database), &output), 0) << output;
  database.query_value("create view my_instances as select instance_id from instances");
  const std::string runs = database.query_value("select count(*) from seedgen.runs");
  EXPECT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 8 --reset" + testing::db_argument(database), &output), 5) << output;
  EXPECT_NE(output.find("view my_instances"), std::string::npos) << output;
  EXPECT_EQ(database.query_value("select count(*) from seedgen.runs"), runs) << "refused before any run was recorded";
  EXPECT_EQ(database.query_value("select count(*) from my_instances"), database.query_value("select count(*) from instances"));
}

TEST(Reload, ASecondLoadWaitsForTheFirstOrNamesIt) {
  TestDatabase database;
  std::string first_output, output;
  int first = -1;
  std::thread load([&] { first = testing::run_seedgen("--profile small --quiet" + testing::db_argument(database), &first_output); });
  // Other tests load into other databases of the same server at the same time: only this database's
  // sessions say that the first load holds the lock.
  Connection watcher(database.url());
  bool copying = false;
  for (int poll = 0; poll < 12000 && !copying; ++poll) {
    copying = pqxx::nontransaction(watcher.session())
                  .exec("select count(*) from pg_stat_activity where datname = current_database() "
                        "and application_name = 'seedgen: generate+copy'")[0][0]
                  .as<int>() > 0;
    if (!copying) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!copying) {
    load.join();
    FAIL() << "the first load never reached generate+copy: " << first_output;
  }
  EXPECT_EQ(testing::run_seedgen("--profile tiny --quiet --reset --lock-timeout 1s" + testing::db_argument(database), &output), 10) << output;
  EXPECT_NE(output.find("holds the load lock: it is loading run "), std::string::npos) << output;
  // seedgen clean leaves the running load alone.
  EXPECT_EQ(testing::run_seedgen("clean" + testing::db_argument(database), &output), 0) << output;
  EXPECT_NE(output.find("0 schema(s) removed"), std::string::npos) << output;
  load.join();
  EXPECT_EQ(first, 0) << first_output;
  EXPECT_EQ(database.query_value("select profile || ' ' || status from seedgen.runs order by run_id desc limit 1"),
            "small completed");
}

}  // namespace
}  // namespace seedgen

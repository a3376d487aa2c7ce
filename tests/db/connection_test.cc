// Connection against a real server: destroying one ends its server session. libpqxx 6.4's
// connection_base has no virtual destructor, so a Connection that deleted its session through the base
// class never closed it: every Connection a process opened stayed on the server until the process exited
// (and ASan reported new-delete-type-mismatch).
#include "db/connection.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "test_database.h"

namespace seedgen {
namespace {

using testing::TestDatabase;

// sessions_with_pid: how many server sessions have this backend pid (0 once it has ended).
int sessions_with_pid(Connection& watcher, const std::string& pid) {
  return pqxx::nontransaction(watcher.session())
      .exec("select count(*) from pg_stat_activity where pid = " + pid)[0][0]
      .as<int>();
}

// session_ends: true once the backend `pid` is gone, polled for up to ten seconds (the server notices a
// closed socket at once; the poll only absorbs scheduling).
bool session_ends(Connection& watcher, const std::string& pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (sessions_with_pid(watcher, pid) == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TEST(Connection, DestroyingOneEndsItsServerSession) {
  TestDatabase database;
  Connection watcher(database.url());
  std::string pid;
  {
    Connection connection(database.url());
    pid = pqxx::nontransaction(connection.session()).exec("select pg_backend_pid()")[0][0].as<std::string>();
    ASSERT_EQ(sessions_with_pid(watcher, pid), 1) << "the session is visible while the Connection lives";
  }
  EXPECT_TRUE(session_ends(watcher, pid)) << "backend " << pid << " outlived its Connection";
}

TEST(Connection, ManyConnectionsLeaveNoSessionBehind) {
  TestDatabase database;
  Connection watcher(database.url());
  for (int round = 0; round < 5; ++round) Connection(database.url()).announce("round");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  int left = -1;
  while (std::chrono::steady_clock::now() < deadline) {
    left = pqxx::nontransaction(watcher.session())
               .exec("select count(*) from pg_stat_activity where datname = current_database() "
                     "and pid <> pg_backend_pid()")[0][0]
               .as<int>();
    if (left == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(left, 0) << "five destroyed connections must hold no server session";
}

}  // namespace
}  // namespace seedgen

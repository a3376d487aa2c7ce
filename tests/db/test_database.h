// test_database.h: a fresh database on the private test cluster for one test, dropped afterwards.
// The cluster is the one ctest's db_cluster fixture started (SEEDGEN_PG_DIR); nothing is mocked.
#pragma once

#include <string>

namespace seedgen::testing {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

  // query_value: the first column of the first row of `sql`, as text ("" for NULL or no row).
  std::string query_value(const std::string& sql) const;

 private:
  std::string name_;
  std::string url_;
};

// run_command: runs a shell command, returns its exit status and captures stdout+stderr into `output`.
int run_command(const std::string& command, std::string* output);

// run_seedgen: runs the seedgen under test (SEEDGEN_BINARY) with `arguments`, as run_command does.
int run_seedgen(const std::string& arguments, std::string* output = nullptr);

// db_argument: " --db '<url>'" naming `database`, to append to a command line.
std::string db_argument(const TestDatabase& database);

// cluster_url: the URL of database `database` on the test cluster.
std::string cluster_url(const std::string& database);

}  // namespace seedgen::testing

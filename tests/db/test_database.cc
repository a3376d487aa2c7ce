#include "test_database.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <stdexcept>

#include "db/connection.h"

namespace seedgen::testing {
namespace {

std::atomic<int> database_counter{0};

void admin_exec(const std::string& sql) {
  Connection admin(cluster_url("seedgen"));
  pqxx::nontransaction(admin.session()).exec(sql);
}

}  // namespace

int run_command(const std::string& command, std::string* output) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::array<char, 4096> buffer{};
  std::string captured;
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) captured += buffer.data();
  const int status = pclose(pipe);
  if (output != nullptr) *output = captured;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int run_seedgen(const std::string& arguments, std::string* output) {
  return run_command(std::string(SEEDGEN_BINARY) + " " + arguments, output);
}

std::string db_argument(const TestDatabase& database) { return " --db '" + database.url() + "'"; }

std::string cluster_url(const std::string& database) {
  std::string url;
  if (run_command(std::string("'") + SEEDGEN_SOURCE_DIR + "/scripts/pg' url --dbname " + database, &url) != 0) {
    throw std::runtime_error("scripts/pg url failed: " + url);
  }
  while (!url.empty() && url.back() == '\n') url.pop_back();
  return url;
}

TestDatabase::TestDatabase()
    : name_("seedgen_t_" + std::to_string(::getpid()) + "_" + std::to_string(database_counter++)) {
  admin_exec("drop database if exists " + name_ + " with (force)");
  admin_exec("create database " + name_);
  url_ = cluster_url(name_);
}

TestDatabase::~TestDatabase() {
  try {
    admin_exec("drop database if exists " + name_ + " with (force)");
  } catch (const std::exception&) {
    // A test that broke the cluster reports that itself; the cluster is thrown away afterwards.
  }
}

std::string TestDatabase::query_value(const std::string& sql) const {
  Connection connection(url_);
  const auto result = pqxx::nontransaction(connection.session()).exec(sql);
  if (result.empty() || result[0][0].is_null()) return "";
  return result[0][0].as<std::string>();
}

}  // namespace seedgen::testing

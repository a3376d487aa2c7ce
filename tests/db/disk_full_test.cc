// Disk full while staging: a database whose tablespace is a small filesystem (a 64 MB tmpfs) holds a tiny
// fleet and room to reload it, but not a small one. Loading small fails with exit 7 and a message naming the
// phase and the server's reason; the tiny fleet stays as it was, nothing staged is left, and the next load
// succeeds. Needs root to mount the tmpfs; skipped otherwise.
#include <gtest/gtest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "db/connection.h"
#include "test_database.h"

namespace seedgen {
namespace {

void admin(const std::string& sql) {
  Connection connection(testing::cluster_url("seedgen"));
  pqxx::nontransaction(connection.session()).exec(sql);
}

// SmallDisk: a tmpfs of `megabytes`, a tablespace on it and a database in that tablespace.
class SmallDisk {
 public:
  explicit SmallDisk(int megabytes)
      : folder_("/tmp/seedgen-full-" + std::to_string(::getpid())), name_("seedgen_full_" + std::to_string(::getpid())) {
    std::filesystem::create_directories(folder_);
    const std::string options = "size=" + std::to_string(megabytes) + "m,mode=0700";
    mounted_ = ::mount("tmpfs", folder_.c_str(), "tmpfs", 0, options.c_str()) == 0;
    if (!mounted_) return;
    testing::run_command("chown postgres " + folder_, nullptr);
    admin("create tablespace " + name_ + " location '" + folder_ + "'");
    admin("create database " + name_ + " tablespace " + name_);
    url_ = testing::cluster_url(name_);
  }
  ~SmallDisk() {
    if (mounted_) {
      try {
        admin("drop database if exists " + name_ + " with (force)");
        admin("drop tablespace if exists " + name_);
      } catch (const std::exception&) {
      }
      ::umount(folder_.c_str());
    }
    std::filesystem::remove(folder_);
  }
  bool mounted() const { return mounted_; }
  std::string db() const { return " --db '" + url_ + "'"; }
  std::string query(const std::string& sql) const {
    Connection connection(url_);
    return pqxx::nontransaction(connection.session()).exec(sql)[0][0].c_str();
  }

 private:
  std::string folder_, name_, url_;
  bool mounted_ = false;
};

TEST(DiskFull, AFullTablespaceFailsTheLoadNamingThePhaseAndKeepsTheFleet) {
  SmallDisk disk(64);
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 3" + disk.db(), &output), 0) << output;
  const std::string fleet = "select count(*) || ':' || md5(string_agg(instance_id, ',' order by instance_id)) from instances";
  const std::string before = disk.query(fleet);
  EXPECT_EQ(testing::run_seedgen("--profile small --quiet --reset" + disk.db(), &output), 7) << output;
  EXPECT_EQ(std::count(output.begin(), output.end(), '\n'), 1) << output;
  EXPECT_NE(output.find("load failed during "), std::string::npos) << output;
  EXPECT_NE(output.find("No space left on device"), std::string::npos) << output;
  EXPECT_NE(output.find("the live fleet is unchanged"), std::string::npos) << output;
  EXPECT_EQ(disk.query(fleet), before);
  EXPECT_EQ(disk.query("select status from seedgen.runs order by run_id desc limit 1"), "failed");
  EXPECT_EQ(disk.query("select count(*) from pg_namespace where nspname ~ '^seedgen_(stage|old)_'"), "0");
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 4 --reset" + disk.db(), &output), 0) << output;
  EXPECT_NE(disk.query(fleet), before);
}

}  // namespace
}  // namespace seedgen

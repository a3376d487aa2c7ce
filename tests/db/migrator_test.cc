// The migration runner against a real server: order, bookkeeping, idempotence, refusal of changed
// files, rollback of a failing file, and the CLI's exit codes.
#include "db/migrator.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "db/connection.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TempFolder;
using testing::TestDatabase;

std::vector<MigrationFile> three_step_folder(const TempFolder& folder) {
  folder.write("001_first.sql", "create table first (id int primary key);");
  folder.write("002_second.sql", "create table second (id int references first(id));");
  folder.write("003_third.sql", "insert into first values (1); insert into second values (1);");
  return load_migration_set(folder.path());
}

TEST(Migrator, AppliesInVersionOrderAndRecordsEachFile) {
  TestDatabase database;
  TempFolder folder;
  const auto migrations = three_step_folder(folder);
  Connection connection(database.url());
  const auto applied = apply_migrations(connection, migrations);
  ASSERT_EQ(applied, (std::vector<std::string>{"001_first.sql", "002_second.sql", "003_third.sql"}));
  EXPECT_EQ(database.query_value("select count(*) from second"), "1");
  EXPECT_EQ(database.query_value("select string_agg(name, ',' order by version) from seedgen.schema_migrations"),
            "001_first.sql,002_second.sql,003_third.sql");
  // The recorded checksum is the server's own sha256 of the file's text.
  EXPECT_EQ(database.query_value("select checksum from seedgen.schema_migrations where version = 2"),
            database.query_value("select encode(sha256(convert_to("
                                 "'create table second (id int references first(id));', 'UTF8')), 'hex')"));
}

TEST(Migrator, SecondRunIsANoOp) {
  TestDatabase database;
  TempFolder folder;
  const auto migrations = three_step_folder(folder);
  Connection connection(database.url());
  apply_migrations(connection, migrations);
  const std::string first_applied_at = database.query_value("select max(applied_at)::text from seedgen.schema_migrations");
  EXPECT_TRUE(apply_migrations(connection, migrations).empty());
  EXPECT_EQ(database.query_value("select count(*) from first"), "1");
  EXPECT_EQ(database.query_value("select max(applied_at)::text from seedgen.schema_migrations"), first_applied_at);
}

TEST(Migrator, AppliesOnlyTheNewFile) {
  TestDatabase database;
  TempFolder folder;
  auto migrations = three_step_folder(folder);
  Connection connection(database.url());
  apply_migrations(connection, migrations);
  folder.write("004_fourth.sql", "alter table first add column note text;");
  migrations = load_migration_set(folder.path());
  EXPECT_EQ(apply_migrations(connection, migrations), std::vector<std::string>{"004_fourth.sql"});
}

TEST(Migrator, RefusesAChangedFileAndNamesIt) {
  TestDatabase database;
  TempFolder folder;
  Connection connection(database.url());
  apply_migrations(connection, three_step_folder(folder));
  folder.write("002_second.sql", "create table second (id bigint);");
  folder.write("004_fourth.sql", "create table fourth (id int);");
  try {
    apply_migrations(connection, load_migration_set(folder.path()));
    FAIL() << "expected the changed file to be refused";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kTarget);
    EXPECT_NE(std::string(error.what()).find("002_second.sql"), std::string::npos) << error.what();
  }
  EXPECT_EQ(database.query_value("select to_regclass('fourth')"), "") << "nothing may run after a refusal";
}

TEST(Migrator, FailingFileRollsBackAloneAndReportsServerMessage) {
  TestDatabase database;
  TempFolder folder;
  folder.write("001_good.sql", "create table good (id int);");
  folder.write("002_bad.sql", "create table half (id int);\ncreate table broken (id no_such_type);");
  folder.write("003_later.sql", "create table later (id int);");
  Connection connection(database.url());
  try {
    apply_migrations(connection, load_migration_set(folder.path()));
    FAIL() << "expected the failing file to throw";
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.kind(), ErrorKind::kMigration);
    EXPECT_NE(message.find("002_bad.sql"), std::string::npos) << message;
    EXPECT_NE(message.find("no_such_type"), std::string::npos) << message;
    EXPECT_NE(message.find("42704"), std::string::npos) << message;
  }
  EXPECT_EQ(database.query_value("select to_regclass('good')"), "good");
  EXPECT_EQ(database.query_value("select to_regclass('half')"), "") << "the failing file must roll back whole";
  EXPECT_EQ(database.query_value("select to_regclass('later')"), "");
  EXPECT_EQ(database.query_value("select count(*) from seedgen.schema_migrations"), "1");
}

TEST(Migrator, StatusListsAppliedAndPending) {
  TestDatabase database;
  TempFolder folder;
  folder.write("001_a.sql", "create table a (id int);");
  Connection connection(database.url());
  EXPECT_EQ(migration_states(connection, load_migration_set(folder.path()))[0].applied, false);
  EXPECT_EQ(database.query_value("select to_regclass('seedgen.schema_migrations')"), "")
      << "--status must not change the database";
  apply_migrations(connection, load_migration_set(folder.path()));
  folder.write("002_b.sql", "create table b (id int);");
  const auto states = migration_states(connection, load_migration_set(folder.path()));
  ASSERT_EQ(states.size(), 2u);
  EXPECT_TRUE(states[0].applied);
  EXPECT_FALSE(states[0].applied_at.empty());
  EXPECT_FALSE(states[1].applied);
}

TEST(Migrator, UnreachableServerIsAConnectionError) {
  try {
    Connection connection("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
    FAIL() << "expected a connection error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kConnection);
  }
}

}  // namespace
}  // namespace seedgen

// The migration folder: version order, checksums, and refusal of malformed or duplicated names.
#include "migrate/migration_set.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/support/temp_folder.h"
#include "util/sha256.h"

namespace seedgen {
namespace {

using testing::TempFolder;

TEST(MigrationSet, SortsByNumericVersionNotByName) {
  TempFolder folder;
  folder.write("10_ten.sql", "select 10;");
  folder.write("002_two.sql", "select 2;");
  folder.write("1_one.sql", "select 1;");
  folder.write("README.md", "not a migration");
  const auto migrations = load_migration_set(folder.path());
  ASSERT_EQ(migrations.size(), 3u);
  EXPECT_EQ(migrations[0].name, "1_one.sql");
  EXPECT_EQ(migrations[1].name, "002_two.sql");
  EXPECT_EQ(migrations[2].name, "10_ten.sql");
  EXPECT_EQ(migrations[2].version, 10);
}

TEST(MigrationSet, ChecksumIsSha256OfTheFileBytes) {
  TempFolder folder;
  folder.write("001_a.sql", "abc");
  const auto migrations = load_migration_set(folder.path());
  ASSERT_EQ(migrations.size(), 1u);
  EXPECT_EQ(migrations[0].sql, "abc");
  EXPECT_EQ(migrations[0].checksum, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(MigrationSet, RefusesANameWithoutVersion) {
  TempFolder folder;
  folder.write("create_things.sql", "select 1;");
  try {
    load_migration_set(folder.path());
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kTarget);
    EXPECT_NE(std::string(error.what()).find("create_things.sql"), std::string::npos);
  }
}

TEST(MigrationSet, RefusesDuplicateVersions) {
  TempFolder folder;
  folder.write("003_a.sql", "select 1;");
  folder.write("3_b.sql", "select 2;");
  EXPECT_THROW(load_migration_set(folder.path()), Error);
}

TEST(MigrationSet, MissingFolderIsAnIoError) {
  try {
    load_migration_set("/nonexistent/seedgen/migrations");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kIo);
  }
}

TEST(MigrationSet, AFileWithANulByteIsRefusedNamingIt) {
  TempFolder folder;
  folder.write("001_a.sql", std::string("create table a (id int);") + '\0' + " create table b (id int);");
  try {
    load_migration_set(folder.path());
    FAIL() << "libpq would run only the text before the NUL";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kMigration);
    EXPECT_NE(std::string(error.what()).find("001_a.sql contains a NUL byte at offset 24"), std::string::npos)
        << error.what();
  }
}

TEST(MigrationSet, ProjectMigrationsAreContiguousFromOne) {
  const auto migrations = load_migration_set(default_migrations_folder());
  ASSERT_GE(migrations.size(), 12u);
  for (size_t index = 0; index < migrations.size(); ++index) {
    EXPECT_EQ(migrations[index].version, static_cast<int>(index) + 1) << migrations[index].name;
  }
}

}  // namespace
}  // namespace seedgen

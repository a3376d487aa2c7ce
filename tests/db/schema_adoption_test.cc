// A schema that another tool built from seedgen's migrations (psql here; supabase db push in
// tests/support/supabase-workflow) is recognised by its catalog: migrate records the migrations as
// adopted and runs none of them, and a load then works. A schema of seedgen's tables that differs is
// refused with exit 5 naming the first difference, and nothing changes. Before issue 11, both ended in
// exit 6, 'relation "cloud_accounts" already exists'.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "command_outcome.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/migrator.h"
#include "test_database.h"

namespace seedgen {
namespace {

using testing::Outcome;
using testing::TestDatabase;

const std::filesystem::path kMigrations = std::filesystem::path(SEEDGEN_SOURCE_DIR) / "sql" / "migrations";

// apply_with_psql: every shipped migration up to `last_version`, as a user of plain psql would, and
// nothing in seedgen's ledger.
void apply_with_psql(const TestDatabase& database, int last_version) {
  for (const MigrationFile& migration : load_migration_set(kMigrations)) {
    if (migration.version > last_version) break;
    std::string output;
    ASSERT_EQ(testing::run_command("PGOPTIONS='-c client_min_messages=warning' psql '" + database.url() +
                                       "' -Xq -v ON_ERROR_STOP=1 -f '" + (kMigrations / migration.name).string() + "'",
                                   &output), 0) << migration.name << ": " << output;
  }
}

Outcome seedgen(const std::string& arguments) { return testing::run_binary(SEEDGEN_BINARY, arguments); }

// kPublicCatalogRows: the version (xmin) of every catalog row of public's relations, functions and
// policies: any DDL, grant or comment on them writes a new row version, so equal texts mean nothing ran.
constexpr const char* kPublicCatalogRows =
    "select md5(string_agg(row_version, ',' order by row_version)) from ("
    "  select 'class ' || oid || ':' || xmin as row_version from pg_class where relnamespace = 'public'::regnamespace"
    "  union all select 'proc ' || oid || ':' || xmin from pg_proc where pronamespace = 'public'::regnamespace"
    "  union all select 'policy ' || oid || ':' || xmin from pg_policy"
    "    where polrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)"
    "  union all select 'trigger ' || oid || ':' || xmin from pg_trigger"
    "    where tgrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)"
    "  union all select 'description ' || objoid || ':' || xmin from pg_description"
    "    where objoid in (select oid from pg_class where relnamespace = 'public'::regnamespace"
    "                     union all select oid from pg_proc where pronamespace = 'public'::regnamespace)) versions";

TEST(SchemaAdoption, ASchemaBuiltByPsqlIsAdoptedNotRebuilt) {
  TestDatabase database;
  apply_with_psql(database, 999);
  const std::string catalog_before = database.query_value(kPublicCatalogRows);
  const size_t shipped = load_migration_set(kMigrations).size();

  Connection connection(database.url());
  const auto recorded = apply_migrations(connection, load_migration_set(kMigrations));
  ASSERT_EQ(recorded.size(), shipped);
  EXPECT_NE(recorded.front().find("already in the schema"), std::string::npos) << recorded.front();
  EXPECT_EQ(database.query_value("select count(*) from seedgen.schema_migrations where applied_by = 'adopted'"),
            std::to_string(shipped));
  EXPECT_EQ(database.query_value(kPublicCatalogRows), catalog_before) << "nothing ran in public";
  EXPECT_TRUE(apply_migrations(connection, load_migration_set(kMigrations)).empty()) << "a second migrate is a no-op";

  // migrate --status says which were adopted; a load works on the adopted schema.
  const auto states = migration_states(connection, load_migration_set(kMigrations));
  EXPECT_TRUE(states.back().applied && states.back().adopted);
  std::string output;
  ASSERT_EQ(testing::run_command(std::string(SEEDGEN_BINARY) + " --profile tiny --quiet --db '" + database.url() + "'",
                                 &output), 0) << output;
  EXPECT_EQ(database.query_value("select status from seedgen.runs"), "completed");
}

TEST(SchemaAdoption, ADifferentSchemaIsRefusedNamingTheFirstDifference) {
  TestDatabase database;
  apply_with_psql(database, 16);   // an older set: the cross-tenant checks of 018 are missing
  const std::string before = database.query_value(kPublicCatalogRows);
  const Outcome outcome = seedgen("migrate --db '" + database.url() + "'");
  EXPECT_EQ(outcome.code, 5) << outcome.output;
  testing::expect_one_line(outcome, "seedgen");
  EXPECT_NE(outcome.output.find("differ from its"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("missing: "), std::string::npos) << outcome.output;
  EXPECT_EQ(database.query_value("select count(*) from seedgen.schema_migrations"), "0") << "nothing recorded";
  EXPECT_EQ(database.query_value(kPublicCatalogRows), before) << "nothing applied";
}

TEST(SchemaAdoption, AnExtraColumnIsADifference) {
  TestDatabase database;
  apply_with_psql(database, 999);
  database.query_value("alter table instances add column owner_note text");
  const Outcome outcome = seedgen("migrate --db '" + database.url() + "'");
  EXPECT_EQ(outcome.code, 5) << outcome.output;
  EXPECT_NE(outcome.output.find("unexpected: instances: column owner_note text"), std::string::npos) << outcome.output;
}

TEST(SchemaAdoption, AProjectsOwnTablesAreIgnored) {
  TestDatabase database;
  database.query_value("create table public.profiles (id uuid primary key, name text)");
  apply_with_psql(database, 999);
  const Outcome outcome = seedgen("migrate --db '" + database.url() + "'");
  EXPECT_EQ(outcome.code, 0) << outcome.output;
  EXPECT_EQ(database.query_value("select count(*) from seedgen.schema_migrations where applied_by = 'adopted'"),
            std::to_string(load_migration_set(kMigrations).size()));
}

TEST(SchemaAdoption, AFreshDatabaseIsMigratedAsBefore) {
  TestDatabase database;
  database.query_value("create table public.profiles (id uuid primary key)");   // the project's, not ours
  Connection connection(database.url());
  const auto applied = apply_migrations(connection, load_migration_set(kMigrations));
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.front(), "001_create_cloud_accounts.sql");
  EXPECT_EQ(database.query_value("select count(*) from seedgen.schema_migrations where applied_by = 'seedgen'"),
            std::to_string(applied.size()));
}

// The failure that used to read "cannot read seedgen.schema_migrations": a role that may not create the
// bookkeeping schema is told exactly that.
TEST(SchemaAdoption, NoRightToCreateTheBookkeepingSchemaSaysSo) {
  TestDatabase database;
  const std::string role = "seedgen_t_no_create_" + database.name();
  database.query_value("drop role if exists " + role);
  database.query_value("create role " + role + " login");
  const std::string url = database.url().substr(0, database.url().find("user=")) + "user=" + role;
  const Outcome outcome = seedgen("migrate --db '" + url + "'");
  database.query_value("drop role " + role);
  EXPECT_EQ(outcome.code, 5) << outcome.output;
  testing::expect_one_line(outcome, "seedgen");
  EXPECT_NE(outcome.output.find("cannot create seedgen's bookkeeping schema"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("permission denied for database"), std::string::npos) << outcome.output;
}

}  // namespace
}  // namespace seedgen

#include "migrate/migrated_catalog.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace seedgen {
namespace {

constexpr std::string_view kCatalog =
    "# migration\t1\t001_a.sql\taaaa\n"
    "# migration\t2\t002_b.sql\tbbbb\n"
    "# any other comment\n"
    "\n"
    "a\trelation kind=r\n"
    "a\tcolumn id integer\n"
    "f\tfunction f() 1234\n";

MigrationFile file(int version, std::string name, std::string checksum) {
  MigrationFile migration;
  migration.version = version;
  migration.name = std::move(name);
  migration.checksum = std::move(checksum);
  return migration;
}

TEST(MigratedCatalog, ParsesStampsFactsAndObjects) {
  const MigratedCatalog catalog = parse_migrated_catalog(kCatalog);
  ASSERT_EQ(catalog.migrations.size(), 2u);
  EXPECT_EQ(catalog.migrations[1].version, 2);
  EXPECT_EQ(catalog.migrations[1].name, "002_b.sql");
  EXPECT_EQ(catalog.migrations[1].checksum, "bbbb");
  EXPECT_EQ(catalog.facts.size(), 3u);
  EXPECT_EQ(catalog.objects, (std::set<std::string>{"a", "f"}));
}

TEST(MigratedCatalog, MadeFromNeedsTheSameFilesInTheSameOrder) {
  const MigratedCatalog catalog = parse_migrated_catalog(kCatalog);
  EXPECT_TRUE(made_from(catalog, {file(1, "001_a.sql", "aaaa"), file(2, "002_b.sql", "bbbb")}));
  EXPECT_FALSE(made_from(catalog, {file(1, "001_a.sql", "aaaa")})) << "a migration fewer";
  EXPECT_FALSE(made_from(catalog, {file(1, "001_a.sql", "aaaa"), file(2, "002_b.sql", "cccc")})) << "a changed file";
  EXPECT_FALSE(made_from(catalog, {file(1, "001_a.sql", "aaaa"), file(2, "002_b.sql", "bbbb"), file(3, "003_c.sql", "c")}));
}

TEST(MigratedCatalog, ComparesOnlyTheCatalogsOwnObjects) {
  const MigratedCatalog catalog = parse_migrated_catalog(kCatalog);
  const std::vector<CatalogFact> database = {{"a", "column id integer"}, {"a", "relation kind=r"},
                                             {"f", "function f() 1234"}, {"profiles", "relation kind=r"}};
  const auto owned = owned_facts(catalog, database);
  EXPECT_EQ(owned.size(), 3u) << "the project's own table 'profiles' is not compared";
  EXPECT_EQ(first_difference(catalog, owned), std::nullopt);
}

TEST(MigratedCatalog, NamesTheFirstMissingThenTheFirstUnexpectedFact) {
  const MigratedCatalog catalog = parse_migrated_catalog(kCatalog);
  EXPECT_EQ(first_difference(catalog, owned_facts(catalog, {{"a", "relation kind=r"}, {"f", "function f() 1234"}})),
            "missing: a: column id integer");
  EXPECT_EQ(first_difference(catalog, owned_facts(catalog, {{"a", "column id integer"}, {"a", "column note text"},
                                                            {"a", "relation kind=r"}, {"f", "function f() 1234"}})),
            "unexpected: a: column note text");
}

TEST(MigratedCatalog, OnlyATableOrViewMakesADatabaseHoldTheSchema) {
  EXPECT_FALSE(holds_relations({{"public", "schema usage anon t"}, {"f", "function f() 1234"}}));
  EXPECT_TRUE(holds_relations({{"public", "schema usage anon t"}, {"a", "relation kind=r"}}));
}

TEST(MigratedCatalog, MalformedLinesAreRefusedWithTheirNumber) {
  try {
    parse_migrated_catalog("# migration\t1\t001_a.sql\taaaa\nno tab here\n");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kIo);
    EXPECT_NE(std::string(error.what()).find("migrated_catalog.tsv:2"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace seedgen

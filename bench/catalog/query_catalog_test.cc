// bench_catalog_test.cc: the psql-to-prepared rewrite of sql/queries files, the catalog selection by
// glob, and the parameter binding. Expected SQL is typed by hand from the psql rules it must follow.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bench/catalog/query_catalog.h"
#include "core/error.h"
#include "tests/support/temp_folder.h"

namespace seedgen::bench {
namespace {

constexpr const char* kIdleFile =
    "-- demo_idle: Which instances idle?\n"
    "-- Parameters: account_id, as_of; cpu (default 10), ratio (default 0.5).\n"
    "\\if :{?cpu} \\else \\set cpu 10 \\endif\n"
    "\\if :{?ratio} \\else \\set ratio 0.5 \\endif\n"
    "select i.id, 'a:b' as literal, i.x::text -- :not_a_variable in a comment\n"
    "from t i where i.account_id = :'account_id'::uuid and i.cpu <= :cpu\n"
    "  and i.day between :'as_of'::date - (:cpu - 1) and :'as_of'::date and i.r < :ratio * 2;\n";

TEST(BenchCatalog, RewritesPsqlVariablesIntoTypedPositionalParameters) {
  const CatalogQuery query = parse_query_file("demo_idle", kIdleFile);
  EXPECT_EQ(query.sql,
            "select i.id, 'a:b' as literal, i.x::text \n"
            "from t i where i.account_id = $1::uuid and i.cpu <= $3::int\n"
            "  and i.day between $2::date - ($3::int - 1) and $2::date and i.r < $4::numeric * 2");
  ASSERT_EQ(query.parameters.size(), 4u);
  EXPECT_EQ(query.parameters[0].name, "account_id");
  EXPECT_EQ(query.parameters[1].name, "as_of");
  EXPECT_EQ(query.parameters[2].name, "cpu");
  EXPECT_EQ(query.parameters[2].default_value, "10");
  EXPECT_EQ(query.parameters[3].default_value, "0.5");
  EXPECT_TRUE(query.account_scoped);
  EXPECT_EQ(query.question, "Which instances idle?");
}

TEST(BenchCatalog, BindsAccountAsOfAndDefaultsInParameterOrder) {
  const CatalogQuery query = parse_query_file("demo_idle", kIdleFile);
  EXPECT_EQ(bind_parameters(query, "acc-1", "2026-01-31"),
            (std::vector<std::string>{"acc-1", "2026-01-31", "10", "0.5"}));
}

TEST(BenchCatalog, AQueryWithoutAccountIsGlobal) {
  const CatalogQuery query = parse_query_file("demo_global", "select 1 from t where d <= :'as_of'::date");
  EXPECT_FALSE(query.account_scoped);
  EXPECT_EQ(query.sql, "select 1 from t where d <= $1::date");
}

TEST(BenchCatalog, SubjectsAreAccountScopedTextParametersBoundFromTheAccount) {
  const CatalogQuery query = parse_query_file(
      "adhoc/demo_history", "-- demo_history: What did one instance do?\n"
      "select d from m where m.resource_id = :'instance_id' and m.d <= :'as_of'::date and m.k = :'tag_key'");
  EXPECT_EQ(query.sql, "select d from m where m.resource_id = $2 and m.d <= $1::date and m.k = $3");
  EXPECT_TRUE(query.account_scoped);   // no account_id, but its subject belongs to one
  EXPECT_EQ(query.question, "What did one instance do?");
  EXPECT_EQ(bind_parameters(query, "acc-1", "2026-01-31", {{"instance_id", "i-42"}}),
            (std::vector<std::string>{"2026-01-31", "i-42", ""}));   // an absent subject matches nothing
}

TEST(BenchCatalog, RefusesAVariableWithoutDefaultNamingTheQuery) {
  try {
    parse_query_file("demo_bad", "select 1 where x > :threshold");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(error.what()).find("demo_bad"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find(":threshold"), std::string::npos);
  }
}

// A multi-line `\if :{?NAME}` block is kept only where NAME is set, as psql -v NAME=... would: the catalog's
// joins through the account_id only the citus layout has.
TEST(BenchCatalog, KeepsAnIfBlockOnlyWhereItsVariableIsSet) {
  const std::string text = "select 1 from t\nwhere a = 1\n\\if :{?citus}\n  and b = 2\n\\else\n  and c = 3\n\\endif\n;\n";
  EXPECT_EQ(parse_query_file("q", text).sql, "select 1 from t\nwhere a = 1\n  and c = 3");
  EXPECT_EQ(parse_query_file("q", text, {"citus"}).sql, "select 1 from t\nwhere a = 1\n  and b = 2");
  EXPECT_THROW(parse_query_file("q", "select 1\n\\if :{?citus}\n"), Error);
}

TEST(BenchCatalog, RefusesOtherPsqlCommands) {
  EXPECT_THROW(parse_query_file("demo_meta", "\\timing on\nselect 1"), Error);
}

TEST(BenchCatalog, SelectsByGlobAndRejectsAnUnknownName) {
  testing::TempFolder folder;
  for (const char* name : {"ec2_idle", "ec2_oversized", "lb_idle"}) {
    std::ofstream(folder.path() / (std::string(name) + ".sql")) << "select 1";
  }
  std::ofstream(folder.path() / "README.md") << "not a query";
  const auto all = load_query_catalog(folder.path().string(), {});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "ec2_idle");
  EXPECT_EQ(all[2].name, "lb_idle");
  const auto ec2 = load_query_catalog(folder.path().string(), {"ec2_*"});
  ASSERT_EQ(ec2.size(), 2u);
  EXPECT_EQ(ec2[1].name, "ec2_oversized");
  try {
    load_query_catalog(folder.path().string(), {"lb_idle", "nat_idle"});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(error.what()).find("unknown query 'nat_idle'"), std::string::npos);
  }
}

TEST(BenchCatalog, AdhocQuestionsComeFromTheirFolderAfterTheCatalog) {
  testing::TempFolder folder;
  std::filesystem::create_directory(folder.path() / "adhoc");
  std::ofstream(folder.path() / "lb_idle.sql") << "select 1";
  std::ofstream(folder.path() / "adhoc" / "a_trend.sql") << "-- a_trend: How did it go?\nselect 2";
  const auto all = load_query_catalog(folder.path().string(), {});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "lb_idle");
  EXPECT_FALSE(all[0].adhoc);
  EXPECT_EQ(all[1].name, "adhoc/a_trend");
  EXPECT_TRUE(all[1].adhoc);
  EXPECT_EQ(all[1].question, "How did it go?");
  const auto adhoc = load_query_catalog(folder.path().string(), {"adhoc/*"});
  ASSERT_EQ(adhoc.size(), 1u);
  EXPECT_EQ(adhoc[0].name, "adhoc/a_trend");
}

TEST(BenchCatalog, EveryShippedQueryParses) {
  const auto catalog = load_query_catalog(SEEDGEN_SOURCE_DIR "/sql/queries", {});
  ASSERT_GE(catalog.size(), 27u + 15u);
  EXPECT_GE(std::count_if(catalog.begin(), catalog.end(), [](const CatalogQuery& query) { return query.adhoc; }), 15);
  for (const auto& query : catalog) {
    EXPECT_FALSE(query.question.empty()) << query.name;
    EXPECT_EQ(query.sql.find(":'account_id'"), std::string::npos) << query.name;
    EXPECT_EQ(query.sql.find(":'as_of'"), std::string::npos) << query.name;
    EXPECT_EQ(query.sql.find('\\'), std::string::npos) << query.name;
  }
}

}  // namespace
}  // namespace seedgen::bench

// Layouts "partitioned" and "partitioned-monthly" (sql/layouts/partitioned*): the five daily tables are
// partitioned by day or by month; a load creates one partition per day (month) it loads and leaves the default
// partitions empty; the catalog keeps every other fact through loads, resets and bundles, and differs from the
// spec layout exactly where the docs say (docs/LOADING.md, "Layouts"), and the two partitioned layouts from
// each other only in seedgen.partition_bounds; the data is byte for byte the spec layout's.
#include <gtest/gtest.h>

#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "catalog_fingerprint.h"
#include "test_database.h"
#include "tests/support/temp_folder.h"

namespace seedgen {
namespace {

using testing::TestDatabase;

std::string fingerprint(const TestDatabase& database) { return database.query_value(testing::kCatalogFingerprintSql); }

const std::vector<std::string> kDailyTables = {"metrics_daily", "s3_bucket_usage_daily", "log_group_usage_daily",
                                               "data_transfer_daily", "commitment_utilization_daily"};

std::vector<std::string> lines_starting(const std::string& difference, char sign) {
  std::vector<std::string> lines;
  std::istringstream in(difference);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] == sign) lines.push_back(line);
  }
  return lines;
}

// PartitionUnit: a partitioned layout and the span of its partitions, as PostgreSQL's date_trunc names it and
// as the partition's name spells it.
struct PartitionUnit {
  const char* layout;
  const char* unit;          // date_trunc's field: day or month
  const char* name_format;   // to_char's format of the partition's suffix
};

// PrintTo: the layout's name where GoogleTest (and so ctest's test list) would print the struct's bytes.
void PrintTo(const PartitionUnit& unit, std::ostream* out) { *out << unit.layout; }

const PartitionUnit kDays = {"partitioned", "day", "YYYYMMDD"};
const PartitionUnit kMonths = {"partitioned-monthly", "month", "YYYYMM"};

class Partitioned : public ::testing::TestWithParam<PartitionUnit> {
 protected:
  void SetUp() override {
    ASSERT_EQ(testing::run_seedgen(std::string("migrate --layout ") + GetParam().layout + testing::db_argument(database_)), 0);
  }
  TestDatabase database_;
};

TEST_P(Partitioned, EachLoadedSpanHasItsPartitionAndTheCatalogStaysAsMigrated) {
  const std::string migrated = fingerprint(database_);
  const std::string unit = GetParam().unit, name_format = GetParam().name_format;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet" + testing::db_argument(database_), &output), 0) << output;
  for (const auto& table : kDailyTables) {
    EXPECT_EQ(database_.query_value("select relkind from pg_class where oid = 'public." + table + "'::regclass"), "p");
    EXPECT_EQ(database_.query_value("select count(*) from public." + table + "_default"), "0") << table;
    // Every day (month) with rows sits alone in a partition named after it, bounded by that day (month) and
    // the next, which holds no other.
    const std::string span = "date_trunc('" + unit + "', min)";
    EXPECT_EQ(database_.query_value(
                  "select count(*) from (select tableoid::regclass as part, min(date), max(date) from public." + table +
                  " group by 1) p join pg_class c on c.oid = p.part where c.relname <> '" + table + "_p' || to_char(min, '" +
                  name_format + "') or " + span + " <> date_trunc('" + unit + "', max) or pg_get_expr(c.relpartbound, c.oid) "
                  "<> format('FOR VALUES FROM (%L) TO (%L)', " + span + "::date, (" + span + " + interval '1 " + unit + "')::date)"),
              "0") << table;
    EXPECT_EQ(database_.query_value("select (select count(distinct date_trunc('" + unit + "', date)) from public." + table +
                                    ") <= (select count(*) from pg_inherits where inhparent = 'public." + table +
                                    "'::regclass) - 1"),
              "t") << table;
  }
  EXPECT_EQ(testing::catalog_difference(migrated, fingerprint(database_)), "") << "after a load";
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 2 --reset" + testing::db_argument(database_), &output), 0) << output;
  EXPECT_EQ(testing::catalog_difference(migrated, fingerprint(database_)), "") << "after --reset";
  testing::TempFolder bundle;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 3 --out " + bundle.path().string(), &output), 0) << output;
  ASSERT_EQ(testing::run_seedgen("load " + bundle.path().string() + " --quiet --reset" + testing::db_argument(database_), &output), 0) << output;
  EXPECT_EQ(testing::catalog_difference(migrated, fingerprint(database_)), "") << "after seedgen load DIR";
  EXPECT_EQ(database_.query_value("select count(*) from pg_namespace where nspname ~ '^seedgen_(stage|old)_'"), "0");
}

TEST_P(Partitioned, TheDataIsTheSpecLayoutsAndTheRunRecordTheSame) {
  TestDatabase spec;
  std::string output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 6" + testing::db_argument(spec), &output), 0) << output;
  ASSERT_EQ(testing::run_seedgen("--profile tiny --quiet --seed 6" + testing::db_argument(database_), &output), 0) << output;
  EXPECT_EQ(database_.query_value("select checksums from seedgen.runs"), spec.query_value("select checksums from seedgen.runs"));
  for (const auto& table : kDailyTables) {
    const std::string content = "select md5(string_agg(t::text, ',' order by t.id)) from public." + table + " t";
    EXPECT_EQ(database_.query_value(content), spec.query_value(content)) << table;
  }
  EXPECT_EQ(database_.query_value("select sum(monthly_cost) from cost_rollup_monthly"),
            spec.query_value("select sum(monthly_cost) from cost_rollup_monthly"));
}

TEST_P(Partitioned, TheLayoutsDifferExactlyInPartitioningAndPrimaryKeys) {
  TestDatabase spec;
  ASSERT_EQ(testing::run_seedgen("migrate" + testing::db_argument(spec)), 0);
  const std::string difference = testing::catalog_difference(fingerprint(spec), fingerprint(database_));
  const auto removed = lines_starting(difference, '-'), added = lines_starting(difference, '+');
  // Counted in the spec catalog, independently of the layout: per daily table its relation, its primary
  // key's constraint, and every index (whose definition gains ON ONLY, the key's also the date).
  const std::string list = "'public.metrics_daily', 'public.s3_bucket_usage_daily', 'public.log_group_usage_daily', "
                           "'public.data_transfer_daily', 'public.commitment_utilization_daily'";
  const int indexes = std::stoi(spec.query_value("select count(*) from pg_index where indrelid = any(array[" + list +
                                                 "]::regclass[])"));
  EXPECT_EQ(removed.size(), static_cast<size_t>(5 + 5 + indexes)) << difference;
  EXPECT_EQ(added.size(), removed.size() + 1) << "plus seedgen.partition_bounds: " << difference;
  for (const auto& line : removed) {
    const bool expected = line.find("_pkey PRIMARY KEY (id) ") != std::string::npos || line.rfind("- index ", 0) == 0 ||
                          line.find(" kind=r ") != std::string::npos;
    EXPECT_TRUE(expected) << line;
  }
  for (const auto& line : added) {
    const bool expected = line.find("_pkey PRIMARY KEY (id, date) ") != std::string::npos ||
                          line.find(" ON ONLY public.") != std::string::npos ||
                          line.find(" kind=p ") != std::string::npos ||
                          line.rfind("+ function seedgen.partition_bounds(", 0) == 0;
    EXPECT_TRUE(expected) << line;
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, Partitioned, ::testing::Values(kDays, kMonths),
                         [](const ::testing::TestParamInfo<PartitionUnit>& info) { return std::string(info.param.unit); });

TEST(PartitionedMonthly, DiffersFromPartitionedOnlyInThePartitionBounds) {
  TestDatabase daily, monthly;
  ASSERT_EQ(testing::run_seedgen("migrate --layout partitioned" + testing::db_argument(daily)), 0);
  ASSERT_EQ(testing::run_seedgen("migrate --layout partitioned-monthly" + testing::db_argument(monthly)), 0);
  const std::string difference = testing::catalog_difference(fingerprint(daily), fingerprint(monthly));
  const auto removed = lines_starting(difference, '-'), added = lines_starting(difference, '+');
  ASSERT_EQ(removed.size(), 1u) << difference;
  ASSERT_EQ(added.size(), 1u) << difference;
  EXPECT_EQ(removed[0].rfind("- function seedgen.partition_bounds(", 0), 0u) << difference;
  EXPECT_EQ(added[0].rfind("+ function seedgen.partition_bounds(", 0), 0u) << difference;
  // Whole months, from the month of the first day through the month of the last.
  EXPECT_EQ(monthly.query_value("select string_agg(suffix || ' ' || from_day || ' ' || to_day, ', ' order by from_day) "
                                "from seedgen.partition_bounds('metrics_daily', '2024-12-30', '2025-02-01')"),
            "202412 2024-12-01 2025-01-01, 202501 2025-01-01 2025-02-01, 202502 2025-02-01 2025-03-01");
}

}  // namespace
}  // namespace seedgen

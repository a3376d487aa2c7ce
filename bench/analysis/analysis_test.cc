// Checks seedbench's plan summary against real PostgreSQL 15 EXPLAIN output (bench/analysis/testdata,
// see its README for the queries) and the index verdict rules against hand-made reports. Every expected
// number was read off the fixture JSON by hand.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "bench/analysis/index_verdicts.h"
#include "bench/analysis/plan_summary.h"
#include "core/error.h"

namespace seedgen::bench {
namespace {

using Names = std::vector<std::string>;

std::string read_plan(const std::string& name) {
  const auto path = std::filesystem::path(SEEDGEN_SOURCE_DIR) / "bench/analysis/testdata" / (name + ".json");
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The fixture database's sizes (pg_class.reltuples after VACUUM ANALYZE).
const std::map<std::string, int64_t> kTableRows = {{"accounts", 50}, {"ec2_instances", 20000}, {"ebs_volumes", 30000}};

PlanSummary summarize_fixture(const std::string& name, int64_t seq_scan_min_rows = 1000) {
  return summarize_plan(read_plan(name), kTableRows, seq_scan_min_rows);
}

TEST(PlanSummary, SeqScanWithFilterReadsKeptPlusRemovedRows) {
  const PlanSummary plan = summarize_fixture("seq_scan_filter");
  ASSERT_EQ(plan.seq_scans.size(), 1u);
  EXPECT_EQ(plan.seq_scans[0].table, "ec2_instances");
  EXPECT_EQ(plan.seq_scans[0].table_rows, 20000);
  EXPECT_DOUBLE_EQ(plan.seq_scans[0].rows_read, 886 + 19114);
  EXPECT_TRUE(plan.indexes_used.empty());
  EXPECT_DOUBLE_EQ(plan.rows_read, 886 + 19114);
  EXPECT_DOUBLE_EQ(plan.rows_returned, 886);
  EXPECT_EQ(plan.shared_hit_blocks, 250);
  EXPECT_EQ(plan.shared_read_blocks, 0);
  EXPECT_DOUBLE_EQ(plan.planning_ms, 0.345);
  EXPECT_DOUBLE_EQ(plan.execution_ms, 1.961);
}

TEST(PlanSummary, SeqScanThresholdIsInclusiveAndOnlyFiltersTheList) {
  EXPECT_EQ(summarize_fixture("seq_scan_filter", 20000).seq_scans.size(), 1u);
  const PlanSummary plan = summarize_fixture("seq_scan_filter", 20001);
  EXPECT_TRUE(plan.seq_scans.empty());
  EXPECT_DOUBLE_EQ(plan.rows_read, 20000);
}

TEST(PlanSummary, TableWithoutRowCountCountsAsEmpty) {
  const std::string json = read_plan("seq_scan_filter");
  EXPECT_TRUE(summarize_plan(json, {}, 1).seq_scans.empty());
  const PlanSummary plan = summarize_plan(json, {}, 0);
  ASSERT_EQ(plan.seq_scans.size(), 1u);
  EXPECT_EQ(plan.seq_scans[0].table_rows, 0);
}

TEST(PlanSummary, IndexScan) {
  const PlanSummary plan = summarize_fixture("index_scan");
  EXPECT_EQ(plan.indexes_used, Names{"ec2_instances_pkey"});
  EXPECT_TRUE(plan.seq_scans.empty());
  EXPECT_DOUBLE_EQ(plan.rows_read, 1);
  EXPECT_DOUBLE_EQ(plan.rows_returned, 1);
  EXPECT_EQ(plan.shared_hit_blocks, 3);
  EXPECT_DOUBLE_EQ(plan.execution_ms, 0.064);
}

// Citus (layout citus, captured on a coordinator with two workers): a router query is one distributed scan
// of one task, whose worker plan is read like a local one; a question of the whole estate runs one task per
// shard (32). A plain server's plan has no distributed scan.
TEST(PlanSummary, CitusRouterQueryIsOneScanOfOneTaskReadOnItsWorker) {
  const PlanSummary plan = summarize_plan(read_plan("citus_router"), {}, 1000);
  EXPECT_EQ(plan.citus_scans, 1);
  EXPECT_EQ(plan.citus_max_tasks, 1);
  EXPECT_DOUBLE_EQ(plan.rows_read, 4 + 18);   // the worker's Seq Scan: 4 kept, 18 removed by its filter
}

TEST(PlanSummary, CitusQueryOfTheWholeEstateRunsATaskPerShard) {
  const PlanSummary plan = summarize_plan(read_plan("citus_multi_shard"), {}, 1000);
  EXPECT_EQ(plan.citus_scans, 1);
  EXPECT_EQ(plan.citus_max_tasks, 32);
  EXPECT_EQ(summarize_fixture("index_scan").citus_scans, 0);
}

TEST(PlanSummary, IndexOnlyScanWithBlocksRead) {
  const PlanSummary plan = summarize_fixture("index_only_scan");
  EXPECT_EQ(plan.indexes_used, Names{"ec2_instances_account_state_idx"});
  EXPECT_DOUBLE_EQ(plan.rows_read, 400);
  EXPECT_DOUBLE_EQ(plan.rows_returned, 400);
  EXPECT_EQ(plan.shared_hit_blocks, 2);
  EXPECT_EQ(plan.shared_read_blocks, 1);
  EXPECT_DOUBLE_EQ(plan.planning_ms, 0.403);
}

TEST(PlanSummary, BitmapIndexRowsAreNotAddedToTheirHeapScan) {
  const PlanSummary plan = summarize_fixture("bitmap_scan");
  EXPECT_EQ(plan.indexes_used, Names{"ebs_volumes_size_idx"});
  // Bitmap Heap Scan: 187 rows + 750 removed by filter; its Bitmap Index Scan's 937 are the same rows.
  EXPECT_DOUBLE_EQ(plan.rows_read, 187 + 750);
  EXPECT_DOUBLE_EQ(plan.rows_returned, 187);
  EXPECT_EQ(plan.shared_hit_blocks, 361);
}

TEST(PlanSummary, NestedLoopMultipliesInnerRowsByLoops) {
  const PlanSummary plan = summarize_fixture("nested_loop");
  EXPECT_EQ(plan.indexes_used, (Names{"ebs_volumes_instance_idx", "ec2_instances_account_state_idx"}));
  // Outer Bitmap Heap Scan: (133 + 267 removed) x 1; inner Index Scan: 1 row x 133 loops.
  EXPECT_DOUBLE_EQ(plan.rows_read, (133 + 267) + 1 * 133);
  EXPECT_DOUBLE_EQ(plan.rows_returned, 199);
  EXPECT_EQ(plan.shared_hit_blocks, 622);
  EXPECT_EQ(plan.shared_read_blocks, 95);
  EXPECT_DOUBLE_EQ(plan.planning_ms, 0.772);
  EXPECT_DOUBLE_EQ(plan.execution_ms, 2.26);
}

TEST(PlanSummary, InitPlanAndSubPlanNodesAreWalked) {
  const PlanSummary plan = summarize_fixture("init_plan", 50);
  EXPECT_EQ(plan.indexes_used, Names{"ec2_instances_account_state_idx"});   // only inside SubPlan 1
  ASSERT_EQ(plan.seq_scans.size(), 2u);   // the top scan of accounts, then the one in InitPlan 2
  EXPECT_EQ(plan.seq_scans[0].table, "accounts");
  EXPECT_DOUBLE_EQ(plan.seq_scans[0].rows_read, 17 + 33);
  EXPECT_EQ(plan.seq_scans[1].table, "accounts");
  EXPECT_DOUBLE_EQ(plan.seq_scans[1].rows_read, 11 + 39);
  EXPECT_EQ(plan.seq_scans[1].table_rows, 50);
  EXPECT_DOUBLE_EQ(plan.rows_read, (17 + 33) + (11 + 39) + 24 * 17);
  EXPECT_DOUBLE_EQ(plan.rows_returned, 17);
  EXPECT_EQ(plan.shared_hit_blocks, 33);
  EXPECT_EQ(plan.shared_read_blocks, 4);
}

TEST(PlanSummary, CteScanIsNotCountedTwice) {
  const PlanSummary plan = summarize_fixture("cte", 50);
  ASSERT_EQ(plan.seq_scans.size(), 2u);
  EXPECT_EQ(plan.seq_scans[0].table, "ebs_volumes");   // inside the CTE, listed first in the plan
  EXPECT_EQ(plan.seq_scans[0].table_rows, 30000);
  EXPECT_DOUBLE_EQ(plan.seq_scans[0].rows_read, 6000 + 24000);
  EXPECT_EQ(plan.seq_scans[1].table, "accounts");
  EXPECT_DOUBLE_EQ(plan.seq_scans[1].rows_read, 50);
  EXPECT_TRUE(plan.indexes_used.empty());
  EXPECT_DOUBLE_EQ(plan.rows_read, 30000 + 50);   // not the CTE Scan's 10
  EXPECT_DOUBLE_EQ(plan.rows_returned, 5);
  EXPECT_EQ(plan.shared_hit_blocks, 362);
  EXPECT_DOUBLE_EQ(plan.execution_ms, 3.382);
}

TEST(PlanSummary, VerboseSchemaQualifiesTheNameButNotTheLookup) {
  const std::string json = R"([{"Plan": {"Node Type": "Seq Scan", "Relation Name": "ec2_instances",
    "Schema": "public", "Actual Rows": 5, "Actual Loops": 2, "Rows Removed by Filter": 10}}])";
  const PlanSummary plan = summarize_plan(json, kTableRows, 1000);
  ASSERT_EQ(plan.seq_scans.size(), 1u);
  EXPECT_EQ(plan.seq_scans[0].table, "public.ec2_instances");
  EXPECT_EQ(plan.seq_scans[0].table_rows, 20000);
  EXPECT_DOUBLE_EQ(plan.seq_scans[0].rows_read, 30);
  EXPECT_DOUBLE_EQ(plan.rows_returned, 10);
}

TEST(PlanSummary, UnreadableOutputThrowsTargetError) {
  for (const std::string json : {"not json", "[{\"Plan\": ", "[]", "[{\"Execution Time\": 1.0}]", "[{\"Plan\": 3}]"}) {
    try {
      summarize_plan(json, kTableRows, 0);
      ADD_FAILURE() << "no error for " << json;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::kTarget) << json;
    }
  }
}

// --- index verdicts ---

IndexReport make_index(const std::string& name, const std::string& table, const Names& columns) {
  IndexReport index;
  index.name = name;
  index.table = table;
  index.columns = columns;
  index.definition = "CREATE INDEX " + name + " ON public." + table + " USING btree (...)";
  return index;
}

QueryAnalysis make_analysis(const std::string& query, const Names& indexes_used,
                            const std::vector<IndexSpeedup>& speedups = {}) {
  QueryAnalysis analysis;
  analysis.query = query;
  analysis.account_class = "largest";
  analysis.plan.indexes_used = indexes_used;
  analysis.index_speedups = speedups;
  return analysis;
}

const IndexReport& judged(const std::vector<IndexReport>& indexes, const std::string& name) {
  for (const auto& index : indexes) {
    if (index.name == name) return index;
  }
  throw std::logic_error("no index " + name);
}

TEST(IndexVerdictShare, PositiveNDistinctIsACount) {
  EXPECT_DOUBLE_EQ(share_per_value(20, 1000), 0.05);
  EXPECT_DOUBLE_EQ(share_per_value(4, -1), 0.25);   // a count needs no row estimate
  EXPECT_DOUBLE_EQ(share_per_value(0.5, 1000), 1.0);   // clamped
}

TEST(IndexVerdictShare, NegativeNDistinctIsAFractionOfRows) {
  EXPECT_DOUBLE_EQ(share_per_value(-1, 1000), 0.001);   // unique column
  EXPECT_DOUBLE_EQ(share_per_value(-0.5, 200), 0.01);
  EXPECT_DOUBLE_EQ(share_per_value(-0.5, 1), 1.0);   // clamped
}

TEST(IndexVerdictShare, UnknownIsMinusOne) {
  EXPECT_EQ(share_per_value(0, 1000), -1);
  EXPECT_EQ(share_per_value(-0.5, 0), -1);
  EXPECT_EQ(share_per_value(-0.5, -1), -1);   // never analysed
}

TEST(IndexVerdictPrefix, LeadingPrefixOnSameTableAndPredicate) {
  const IndexReport narrow = make_index("a_idx", "ec2_instances", {"account_id"});
  const IndexReport wide = make_index("b_idx", "ec2_instances", {"account_id", "state"});
  EXPECT_TRUE(is_prefix_duplicate(narrow, wide));
  EXPECT_FALSE(is_prefix_duplicate(wide, narrow));
  EXPECT_FALSE(is_prefix_duplicate(make_index("c_idx", "ec2_instances", {"state"}), wide));
  EXPECT_FALSE(is_prefix_duplicate(make_index("d_idx", "ebs_volumes", {"account_id"}), wide));
  EXPECT_FALSE(is_prefix_duplicate(narrow, narrow));

  IndexReport partial = narrow;
  partial.predicate = "(state = 'running'::text)";
  EXPECT_FALSE(is_prefix_duplicate(partial, wide));
  IndexReport gin = narrow;
  gin.definition = "CREATE INDEX a_idx ON public.ec2_instances USING gin (account_id)";
  EXPECT_FALSE(is_prefix_duplicate(gin, wide));
}

TEST(IndexVerdictPrefix, IndexesThatEnforceSomethingAreNeverDuplicates) {
  const IndexReport wide = make_index("b_idx", "ec2_instances", {"account_id", "state"});
  IndexReport unique = make_index("a_key", "ec2_instances", {"account_id"});
  unique.is_unique = true;
  EXPECT_FALSE(is_prefix_duplicate(unique, wide));
  IndexReport constraint = make_index("a_pkey", "ec2_instances", {"account_id"});
  constraint.backs_constraint = true;
  EXPECT_FALSE(is_prefix_duplicate(constraint, wide));
}

TEST(IndexVerdictPrefix, IdenticalIndexesOnlyTheLaterNameIsRedundant) {
  const IndexReport first = make_index("ec2_account_a", "ec2_instances", {"account_id"});
  const IndexReport second = make_index("ec2_account_b", "ec2_instances", {"account_id"});
  EXPECT_TRUE(is_prefix_duplicate(second, first));
  EXPECT_FALSE(is_prefix_duplicate(first, second));

  std::vector<IndexReport> indexes = {second, first};
  judge_indexes(indexes, {}, {});
  EXPECT_EQ(judged(indexes, "ec2_account_b").verdict, IndexVerdict::kRedundant);
  EXPECT_EQ(judged(indexes, "ec2_account_b").reason, "same columns (account_id) as ec2_account_a");
  EXPECT_EQ(judged(indexes, "ec2_account_a").verdict, IndexVerdict::kUnused);
}

TEST(IndexVerdictPrefix, PlainCopyOfAUniqueIndexIsRedundantWhateverItsName) {
  IndexReport unique = make_index("z_key", "accounts", {"account_id"});
  unique.is_unique = true;
  EXPECT_TRUE(is_prefix_duplicate(make_index("a_idx", "accounts", {"account_id"}), unique));
}

TEST(IndexVerdictRules, RedundantNamesTheCoveringIndexAndBeatsSpeedup) {
  std::vector<IndexReport> indexes = {make_index("ec2_account_idx", "ec2_instances", {"account_id"}),
                                      make_index("ec2_account_state_idx", "ec2_instances", {"account_id", "state"})};
  const std::vector<QueryAnalysis> analyses = {
      make_analysis("ec2_idle", {"ec2_account_idx"}, {{"ec2_account_idx", 1, 50, false}})};
  judge_indexes(indexes, analyses, {});
  const IndexReport& narrow = judged(indexes, "ec2_account_idx");
  EXPECT_EQ(narrow.verdict, IndexVerdict::kRedundant);
  EXPECT_EQ(narrow.reason, "(account_id) is a leading prefix of ec2_account_state_idx (account_id, state)");
  EXPECT_DOUBLE_EQ(narrow.best_speedup, 50);   // still measured and reported
  EXPECT_EQ(narrow.used_by, Names{"ec2_idle"});
}

TEST(IndexVerdictRules, EssentialBySpeedupNamesTheBestQuery) {
  std::vector<IndexReport> indexes = {make_index("ebs_instance_idx", "ebs_volumes", {"instance_id"})};
  const std::vector<QueryAnalysis> analyses = {
      make_analysis("ebs_orphans", {"ebs_instance_idx"}, {{"ebs_instance_idx", 10, 30, false}}),
      make_analysis("ec2_idle", {"ebs_instance_idx"}, {{"ebs_instance_idx", 2, 24.6, false}}),
      make_analysis("ec2_idle", {"ebs_instance_idx"}, {{"other_idx", 1, 900, false}})};
  judge_indexes(indexes, analyses, {});
  EXPECT_EQ(indexes[0].verdict, IndexVerdict::kEssential);
  EXPECT_NEAR(indexes[0].best_speedup, 12.3, 1e-9);
  EXPECT_EQ(indexes[0].reason, "ec2_idle is 12.3x slower without it");
  EXPECT_EQ(indexes[0].used_by, (Names{"ebs_orphans", "ec2_idle"}));   // sorted, ec2_idle once
}

TEST(IndexVerdictRules, SpeedupThresholdIsInclusiveAndConfigurable) {
  std::vector<IndexReport> indexes = {make_index("x_idx", "accounts", {"name"})};
  const std::vector<QueryAnalysis> analyses = {make_analysis("q", {"x_idx"}, {{"x_idx", 5, 10, false}})};
  judge_indexes(indexes, analyses, {});
  EXPECT_EQ(indexes[0].verdict, IndexVerdict::kEssential);
  judge_indexes(indexes, analyses, VerdictRules{2.5, 0.05});
  EXPECT_EQ(indexes[0].verdict, IndexVerdict::kHelpful);
  EXPECT_EQ(indexes[0].reason, "used by q, best speedup 2.0x");
}

TEST(IndexVerdictRules, TimedOutSpeedupCountsAsItsLowerBound) {
  std::vector<IndexReport> indexes = {make_index("x_idx", "ec2_instances", {"state"})};
  const std::vector<QueryAnalysis> analyses = {make_analysis("slow_q", {"x_idx"}, {{"x_idx", 10, 5000, true}})};
  judge_indexes(indexes, analyses, {});
  EXPECT_EQ(indexes[0].verdict, IndexVerdict::kEssential);
  EXPECT_DOUBLE_EQ(indexes[0].best_speedup, 500);
  EXPECT_EQ(indexes[0].reason, "slow_q is at least 500.0x slower without it (timed out)");
}

TEST(IndexVerdictRules, UnmeasuredSpeedupsAreSkipped) {
  std::vector<IndexReport> indexes = {make_index("x_idx", "ec2_instances", {"state"})};
  const std::vector<QueryAnalysis> analyses = {
      make_analysis("q", {"x_idx"}, {{"x_idx", 0, 5000, false}, {"x_idx", -1, 5000, false}, {"x_idx", 4, -1, false}})};
  judge_indexes(indexes, analyses, {});
  EXPECT_DOUBLE_EQ(indexes[0].best_speedup, 0);
  EXPECT_EQ(indexes[0].verdict, IndexVerdict::kHelpful);
  EXPECT_EQ(indexes[0].reason, "used by q");
}

TEST(IndexVerdictRules, ConstraintIndexIsEssentialAndNeverRedundant) {
  IndexReport pkey = make_index("accounts_pkey", "accounts", {"account_id"});
  pkey.backs_constraint = true;
  pkey.is_unique = true;
  IndexReport unused_pkey = pkey;
  unused_pkey.name = "z_pkey";
  std::vector<IndexReport> indexes = {pkey, make_index("accounts_id_name_idx", "accounts", {"account_id", "name"}),
                                      unused_pkey};
  const std::vector<QueryAnalysis> analyses = {
      make_analysis("q", {"accounts_pkey"}, {{"accounts_pkey", 10, 12, false}})};
  judge_indexes(indexes, analyses, {});
  EXPECT_EQ(judged(indexes, "accounts_pkey").verdict, IndexVerdict::kEssential);
  EXPECT_EQ(judged(indexes, "accounts_pkey").reason, "enforces a primary key/unique constraint; best catalog speedup 1.2x");
  EXPECT_EQ(judged(indexes, "z_pkey").verdict, IndexVerdict::kEssential);
  EXPECT_EQ(judged(indexes, "z_pkey").reason, "enforces a primary key/unique constraint; not used by the catalog");
}

TEST(IndexVerdictRules, SpeedupReasonWinsOverConstraintReason) {
  IndexReport pkey = make_index("accounts_pkey", "accounts", {"account_id"});
  pkey.backs_constraint = true;
  std::vector<IndexReport> indexes = {pkey};
  judge_indexes(indexes, {make_analysis("q", {"accounts_pkey"}, {{"accounts_pkey", 1, 3, false}})}, {});
  EXPECT_EQ(indexes[0].verdict, IndexVerdict::kEssential);
  EXPECT_EQ(indexes[0].reason, "q is 3.0x slower without it");
}

TEST(IndexVerdictRules, HelpfulFromScansAloneOrFromUsers) {
  IndexReport scanned = make_index("scanned_idx", "ec2_instances", {"region"});
  scanned.scans_gained = 12;
  IndexReport used = make_index("used_idx", "ec2_instances", {"launched_at"});
  used.scans_gained = 3;
  std::vector<IndexReport> indexes = {scanned, used};
  const std::vector<QueryAnalysis> analyses = {make_analysis("d", {"used_idx"}), make_analysis("c", {"used_idx"}),
                                               make_analysis("b", {"used_idx"}),
                                               make_analysis("a", {"used_idx"}, {{"used_idx", 2, 3, false}})};
  judge_indexes(indexes, analyses, {});
  EXPECT_EQ(judged(indexes, "scanned_idx").verdict, IndexVerdict::kHelpful);
  EXPECT_EQ(judged(indexes, "scanned_idx").reason, "no catalog query used it; 12 scans during the run");
  EXPECT_EQ(judged(indexes, "used_idx").verdict, IndexVerdict::kHelpful);
  EXPECT_EQ(judged(indexes, "used_idx").reason, "used by a, b, c and 1 more, best speedup 1.5x; 3 scans during the run");
}

TEST(IndexVerdictRules, UnusedWhenNothingUsedIt) {
  std::vector<IndexReport> indexes = {make_index("lonely_idx", "ebs_volumes", {"size_gib"})};
  judge_indexes(indexes, {make_analysis("q", {"other_idx"})}, {});
  EXPECT_EQ(indexes[0].verdict, IndexVerdict::kUnused);
  EXPECT_TRUE(indexes[0].used_by.empty());
  EXPECT_EQ(indexes[0].reason, "no catalog query used it; 0 scans during the run");
}

TEST(IndexVerdictRules, LowSelectivityAboveTheShareAndNeverForUniqueIndexes) {
  std::vector<IndexReport> indexes = {make_index("a", "t", {"x"}), make_index("b", "t2", {"x"}),
                                      make_index("c", "t3", {"x"}), make_index("d", "t4", {"x"})};
  indexes[0].leading_selectivity = 0.051;
  indexes[1].leading_selectivity = 0.05;   // exactly the share: 20 accounts, one index each is fine
  indexes[2].leading_selectivity = -1;     // unknown
  indexes[3].leading_selectivity = 0.5;    // a unique key on a two-row table is still selective
  indexes[3].is_unique = true;
  judge_indexes(indexes, {}, {});
  EXPECT_TRUE(indexes[0].low_selectivity);
  EXPECT_FALSE(indexes[1].low_selectivity);
  EXPECT_FALSE(indexes[2].low_selectivity);
  EXPECT_FALSE(indexes[3].low_selectivity);
}

}  // namespace
}  // namespace seedgen::bench

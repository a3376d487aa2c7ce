// candidate_indexes_test.cc: the advisor's candidates from a real PostgreSQL 15 EXPLAIN (VERBOSE, FORMAT
// JSON) of a three-table join (captured on small), and the condition splitter on nested text.
#include "bench/advisor/candidate_indexes.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace seedgen::bench {
namespace {

// volumes v joined to snapshots s (by source volume) and instances i (by attachment), for one account;
// the plan's nodes and conditions as PostgreSQL 15 printed them (other fields trimmed).
constexpr const char* kJoinPlan = R"json([{"Plan": {"Node Type": "Aggregate", "Plans": [
  {"Node Type": "Hash Join", "Hash Cond": "(i.instance_id = v.attached_instance_id)", "Plans": [
    {"Node Type": "Seq Scan", "Relation Name": "instances", "Schema": "public", "Alias": "i",
     "Filter": "(i.state = 'running'::text)"},
    {"Node Type": "Hash", "Plans": [
      {"Node Type": "Hash Join", "Hash Cond": "(s.source_volume_id = v.volume_id)", "Plans": [
        {"Node Type": "Index Scan", "Relation Name": "snapshots", "Schema": "public", "Alias": "s",
         "Index Name": "idx_snapshots_account_id",
         "Index Cond": "(s.account_id = '106c9fd9-4d7b-47b3-b468-6a07dbe76795'::uuid)"},
        {"Node Type": "Hash", "Plans": [
          {"Node Type": "Index Scan", "Relation Name": "volumes", "Schema": "public", "Alias": "v",
           "Index Name": "idx_volumes_account_id",
           "Filter": "((v.created_at < '2025-01-15'::date) AND (v.size_gib >= 10) AND (v.size_gib <= 100))",
           "Index Cond": "(v.account_id = '106c9fd9-4d7b-47b3-b468-6a07dbe76795'::uuid)"}]}]}]}]}]}}])json";

IndexFacts index(const std::string& table, std::vector<std::string> columns, const std::string& predicate = "") {
  IndexFacts facts;
  facts.table = table;
  facts.columns = std::move(columns);
  facts.predicate = predicate;
  return facts;
}

TEST(AdvisorCandidates, ReadsEqualityRangeAndJoinColumnsPerTable) {
  const auto uses = column_uses(kJoinPlan);
  ASSERT_EQ(uses.size(), 3u);
  const ColumnUse& volumes = uses.at("public.volumes");
  EXPECT_EQ(volumes.equality, std::vector<std::string>{"account_id"});
  EXPECT_EQ(volumes.range, (std::vector<std::string>{"created_at", "size_gib"}));
  EXPECT_EQ(volumes.join, (std::vector<std::string>{"attached_instance_id", "volume_id"}));
  EXPECT_EQ(uses.at("public.instances").equality, std::vector<std::string>{"state"});
  EXPECT_EQ(uses.at("public.instances").join, std::vector<std::string>{"instance_id"});
  EXPECT_EQ(uses.at("public.snapshots").join, std::vector<std::string>{"source_volume_id"});
}

TEST(AdvisorCandidates, ProposesWhatNoIndexAlreadyLeadsWith) {
  const std::vector<IndexFacts> existing{
      index("instances", {"instance_id"}), index("instances", {"state"}), index("volumes", {"account_id"}),
      index("volumes", {"volume_id"}), index("volumes", {"attached_instance_id"}, "attached_instance_id IS NOT NULL"),
      index("snapshots", {"account_id"}), index("snapshots", {"source_volume_id"}, "source_volume_id IS NOT NULL")};
  const std::map<std::string, int64_t> rows{{"instances", 50000}, {"volumes", 60000}, {"snapshots", 40000}};
  const auto candidates = propose_candidates(column_uses(kJoinPlan), existing, rows, 10000, 10);
  std::vector<std::string> statements;
  for (const auto& candidate : candidates) statements.push_back(candidate.statement);
  EXPECT_EQ(statements, (std::vector<std::string>{
                            "CREATE INDEX ON public.snapshots USING btree (source_volume_id)",   // the existing one is partial
                            "CREATE INDEX ON public.volumes USING btree (account_id, created_at)",
                            "CREATE INDEX ON public.volumes USING btree (account_id, size_gib)",
                            "CREATE INDEX ON public.volumes USING btree (attached_instance_id)"}));
  // Small tables get nothing; the limit holds.
  EXPECT_TRUE(propose_candidates(column_uses(kJoinPlan), existing, rows, 100000, 10).empty());
  EXPECT_EQ(propose_candidates(column_uses(kJoinPlan), existing, rows, 10000, 2).size(), 2u);
}

TEST(AdvisorCandidates, ExpressionsAndOtherOperatorsGiveNoColumns) {
  const std::string plan = R"json({"Plan": {"Node Type": "Seq Scan", "Relation Name": "metrics_daily", "Alias": "m",
    "Filter": "((((m.metric_payload ->> 'cpu_avg'::text))::numeric <= 10) AND (m.resource_id ~~ 'i-%'::text) AND (m.date = ANY ('{2025-01-01,2025-01-02}'::date[])) AND ((m.resource_type)::text = 'instance'::text))"}})json";
  const ColumnUse use = column_uses(plan).at("public.metrics_daily");
  EXPECT_EQ(use.equality, (std::vector<std::string>{"date", "resource_type"}));
  EXPECT_TRUE(use.range.empty());
}

TEST(AdvisorCandidates, SplitsOnlyTopLevelAnds) {
  EXPECT_EQ(split_conjuncts("((a.x = 1) AND ((b.y = 'x AND y'::text) OR (b.z > 2)) AND (c.w <= 3))"),
            (std::vector<std::string>{"a.x = 1", "(b.y = 'x AND y'::text) OR (b.z > 2)", "c.w <= 3"}));
  EXPECT_THROW(column_uses("not json"), Error);
}

}  // namespace
}  // namespace seedgen::bench

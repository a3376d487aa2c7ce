// index_advisor.h: seedbench --advise. For each query whose p95 exceeded a share of the target (at its
// largest account, or globally), the candidates its plan suggests (candidate_indexes.h) are estimated one by
// one as hypopg hypothetical indexes; the one that lowers the plan's total cost most (by at least
// min_cost_gain, and used by the plan) is the recommendation, or the best few together when they lower it by
// a fifth more. The recommendations with the largest estimated gain are then built for real, inside a
// rolled-back transaction, and measured: speedup (best EXPLAIN ANALYZE before and after), size, build time.
// A built index "would pay" when the plan uses it and the query is at least pay_speedup faster, "would not
// pay" otherwise. The write cost of a drift day is not measured yet.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/db/advisor_session.h"
#include "bench/db/index_catalog.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

struct AdvisorSettings {
  double share_of_target = 0.25;
  int build = 3;                  // build this many recommendations for real
  int timeout_ms = 30000;         // per statement of a real build or EXPLAIN ANALYZE
  int runs = 3;                   // EXPLAIN ANALYZE runs before and after; the fastest counts
  double min_cost_gain = 1.1;     // a candidate must divide the total cost by at least this
  double pay_speedup = 1.5;
  size_t candidates_per_query = 8;
  int64_t min_table_rows = 10000;
};

// AdvisedQuery: one query to advise, bound for one account class.
struct AdvisedQuery {
  const CatalogQuery* query = nullptr;
  AccountClass account;
  double p95_ms = 0;
};

// queries_to_advise: the queries of `catalog` whose p95 for their largest (or global) class exceeds
// share x target, from the single-client timings or, without them, the quiet concurrent run; slowest first.
std::vector<AdvisedQuery> queries_to_advise(const BenchReport& report, const std::vector<CatalogQuery>& catalog,
                                            const std::vector<AccountClass>& classes, double share);

// plan_costs: the top node's "Startup Cost" and "Total Cost" of an EXPLAIN (FORMAT JSON) plan.
std::pair<double, double> plan_costs(const std::string& plan_json);

// advise_indexes: the recommendations for `queries`, best estimated gain first.
AdvisorReport advise_indexes(AdvisorSession& session, const std::vector<AdvisedQuery>& queries, const std::string& as_of,
                             const std::vector<IndexFacts>& existing, const std::map<std::string, int64_t>& table_rows,
                             const AdvisorSettings& settings);

}  // namespace seedgen::bench

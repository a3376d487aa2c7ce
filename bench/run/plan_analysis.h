// plan_analysis.h: what each catalog query's plan is and what each of its indexes buys, measured with
// EXPLAIN (ANALYZE, BUFFERS) for the largest account (the worst case) or the global class: the plan as is,
// with index scans disabled, with each index it used hidden, and with the catalog migration's own indexes
// hidden (the "before"). Indexes are hidden inside rolled-back transactions; the catalog never changes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/model/bench_report.h"
#include "bench/db/query_session.h"

namespace seedgen::bench {

struct AnalysisOptions {
  int timeout_ms = 30000;          // cap on each slowed-down run; a hit is reported as a lower bound
  int baseline_runs = 3;           // the fastest of these is the "with" time
  int64_t seq_scan_min_rows = 10000;
  bool per_index = true;           // hide each used index in turn
};

// analyse_query: the analysis of one query for `account` (the largest or the global class).
// `catalog_indexes` are the indexes the query catalog's migration added; `public_indexes` every index of
// schema public, the only ones hidden one by one (a plan may also use seedgen's own, e.g. the price list's
// key, which are not the estate's to judge).
QueryAnalysis analyse_query(QuerySession& session, const CatalogQuery& query, const AccountClass& account,
                            const std::string& as_of, const std::map<std::string, int64_t>& table_rows,
                            const std::vector<std::string>& catalog_indexes,
                            const std::vector<std::string>& public_indexes, const AnalysisOptions& options);

}  // namespace seedgen::bench

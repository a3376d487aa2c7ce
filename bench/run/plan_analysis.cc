// plan_analysis.cc: the EXPLAIN variants of one query and their reading.
#include "bench/run/plan_analysis.h"

#include <algorithm>

#include "bench/analysis/plan_summary.h"

namespace seedgen::bench {
namespace {

struct Variant {
  double execution_ms = 0;
  bool timed_out = false;
};

class Explainer {
 public:
  Explainer(QuerySession& session, ExplainRequest base, const std::map<std::string, int64_t>& table_rows,
            const AnalysisOptions& options)
      : session_(session), base_(std::move(base)), table_rows_(table_rows), options_(options) {}

  PlanSummary baseline() {
    PlanSummary best;
    for (int run = 0; run < std::max(1, options_.baseline_runs); ++run) {
      const ExplainOutcome outcome = session_.explain(base_);
      PlanSummary plan = summarize_plan(outcome.plan_json, table_rows_, options_.seq_scan_min_rows);
      if (run == 0 || plan.execution_ms < best.execution_ms) best = std::move(plan);
    }
    return best;
  }

  Variant without(const std::vector<std::string>& hidden, bool disable_index_scans) {
    ExplainRequest request = base_;
    request.hidden_indexes = hidden;
    request.disable_index_scans = disable_index_scans;
    request.timeout_ms = options_.timeout_ms;
    const ExplainOutcome outcome = session_.explain(request);
    if (outcome.timed_out) return {static_cast<double>(options_.timeout_ms), true};
    return {summarize_plan(outcome.plan_json, table_rows_, options_.seq_scan_min_rows).execution_ms, false};
  }

 private:
  QuerySession& session_;
  ExplainRequest base_;
  const std::map<std::string, int64_t>& table_rows_;
  const AnalysisOptions& options_;
};

bool uses_any(const PlanSummary& plan, const std::vector<std::string>& indexes) {
  return std::any_of(plan.indexes_used.begin(), plan.indexes_used.end(), [&](const std::string& index) {
    return std::find(indexes.begin(), indexes.end(), index) != indexes.end();
  });
}

}  // namespace

QueryAnalysis analyse_query(QuerySession& session, const CatalogQuery& query, const AccountClass& account,
                            const std::string& as_of, const std::map<std::string, int64_t>& table_rows,
                            const std::vector<std::string>& catalog_indexes,
                            const std::vector<std::string>& public_indexes, const AnalysisOptions& options) {
  ExplainRequest base;
  base.sql = query.sql;
  base.parameters = bind_parameters(query, account.account_id, as_of, account.subjects);
  Explainer explainer(session, std::move(base), table_rows, options);

  QueryAnalysis analysis;
  analysis.query = query.name;
  analysis.account_class = account.name;
  analysis.plan = explainer.baseline();
  if (analysis.plan.indexes_used.empty()) return analysis;

  const Variant no_index = explainer.without({}, true);
  analysis.no_index_ms = no_index.execution_ms;
  analysis.no_index_timed_out = no_index.timed_out;
  if (options.per_index) {
    for (const auto& index : analysis.plan.indexes_used) {
      if (std::find(public_indexes.begin(), public_indexes.end(), index) == public_indexes.end()) continue;
      const Variant hidden = explainer.without({index}, false);
      analysis.index_speedups.push_back({index, analysis.plan.execution_ms, hidden.execution_ms, hidden.timed_out});
    }
  }
  if (uses_any(analysis.plan, catalog_indexes)) analysis.before_ms = explainer.without(catalog_indexes, false).execution_ms;
  return analysis;
}

}  // namespace seedgen::bench

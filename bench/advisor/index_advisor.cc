// index_advisor.cc: selection, hypothetical estimates, real builds and verdicts.
#include "bench/advisor/index_advisor.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bench/advisor/candidate_indexes.h"
#include "bench/analysis/plan_summary.h"
#include "bench/report/report_format.h"
#include "bench/stats/latency_stats.h"

namespace seedgen::bench {
namespace {

struct Estimate {
  const IndexCandidate* candidate;
  double startup = 0, total = 0;
};

bool uses_any(const std::string& plan_json, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) { return plan_json.find(name) != std::string::npos; });
}

// QueryAdvisor: the estimates of one query, from the plan as it is to the recommendation.
class QueryAdvisor {
 public:
  QueryAdvisor(AdvisorSession& session, const AdvisedQuery& advised, const std::string& as_of, const AdvisorSettings& settings)
      : session_(session), settings_(settings) {
    request_.sql = advised.query->sql;
    request_.parameters = bind_parameters(*advised.query, advised.account.account_id, as_of, advised.account.subjects);
    request_.timeout_ms = settings.timeout_ms;
    result_.query = advised.query->name;
    result_.account_class = advised.account.name;
  }

  // recommend: false (with `why`) when hypopg cannot be used at all.
  bool recommend(const std::vector<IndexFacts>& existing, const std::map<std::string, int64_t>& table_rows, std::string& why) {
    const HypotheticalPlan base = session_.plan_with({}, request_);
    if (!base.ok) {
      why = base.error;
      return false;
    }
    std::tie(result_.startup_cost_before, result_.total_cost_before) = plan_costs(base.plan_json);
    result_.startup_cost_after = result_.startup_cost_before;
    result_.total_cost_after = result_.total_cost_before;
    candidates_ = propose_candidates(column_uses(base.plan_json), existing, table_rows, settings_.min_table_rows,
                                     settings_.candidates_per_query);
    result_.candidates_tried = static_cast<int>(candidates_.size());
    std::vector<Estimate> winners = estimate_each();
    choose(winners);
    return true;
  }

  IndexRecommendation& result() { return result_; }
  const ExplainRequest& request() const { return request_; }

 private:
  std::vector<Estimate> estimate_each() {
    std::vector<Estimate> winners;
    for (const auto& candidate : candidates_) {
      const HypotheticalPlan plan = session_.plan_with({candidate.statement}, request_);
      if (!plan.ok) {
        result_.errors.push_back(candidate.statement + ": " + plan.error);
        continue;
      }
      const auto [startup, total] = plan_costs(plan.plan_json);
      if (uses_any(plan.plan_json, plan.index_names) && total * settings_.min_cost_gain <= result_.total_cost_before) {
        winners.push_back({&candidate, startup, total});
      }
    }
    std::sort(winners.begin(), winners.end(), [](const Estimate& a, const Estimate& b) { return a.total < b.total; });
    return winners;
  }

  void choose(const std::vector<Estimate>& winners) {
    if (winners.empty()) {
      result_.verdict = kWouldNotPay;
      result_.reason = result_.candidates_tried == 0 ? "no candidate: its conditions are on expressions, small tables or "
                                                       "columns an index already leads with"
                                                     : "no candidate lowered the plan's estimated cost";
      return;
    }
    set_after(winners[0].startup, winners[0].total, {winners[0].candidate->statement});
    if (winners.size() < 2) return;
    std::vector<std::string> together;
    for (size_t index = 0; index < std::min<size_t>(3, winners.size()); ++index) together.push_back(winners[index].candidate->statement);
    const HypotheticalPlan plan = session_.plan_with(together, request_);
    if (!plan.ok) return;
    const auto [startup, total] = plan_costs(plan.plan_json);
    if (total < winners[0].total * 0.8) set_after(startup, total, together);
  }

  void set_after(double startup, double total, std::vector<std::string> statements) {
    result_.startup_cost_after = startup;
    result_.total_cost_after = total;
    result_.index_statements = std::move(statements);
  }

  AdvisorSession& session_;
  const AdvisorSettings& settings_;
  ExplainRequest request_;
  IndexRecommendation result_;
  std::vector<IndexCandidate> candidates_;
};

double fastest(const std::vector<std::string>& plans, const std::map<std::string, int64_t>& table_rows) {
  double best = -1;
  for (const auto& plan : plans) {
    const double ms = summarize_plan(plan, table_rows, 0).execution_ms;
    best = best < 0 ? ms : std::min(best, ms);
  }
  return best;
}

// build_for_real: builds the recommendation's indexes under seedbench_advice_<n> names and measures them.
void build_for_real(AdvisorSession& session, QueryAdvisor& advisor, int number,
                    const std::map<std::string, int64_t>& table_rows, const AdvisorSettings& settings) {
  IndexRecommendation& r = advisor.result();
  std::vector<std::string> statements, names;
  for (const auto& statement : r.index_statements) {
    names.push_back(fmt::format("seedbench_advice_{}_{}", number, names.size() + 1));
    statements.push_back("CREATE INDEX " + names.back() + statement.substr(std::string("CREATE INDEX").size()));
  }
  const BuiltIndex built = session.build_and_measure(statements, names, advisor.request(), settings.runs);
  if (!built.ok) {
    r.verdict = kWouldNotPay;
    r.reason = "the real build or its measurement failed: " + built.error;
    return;
  }
  r.built = true;
  r.before_ms = fastest(built.before_plans, table_rows);
  r.after_ms = fastest(built.after_plans, table_rows);
  r.build_seconds = built.build_seconds;
  r.size_bytes = built.size_bytes;
  r.used_after_build = uses_any(built.after_plans.front(), names);
  const double speedup = r.measured_speedup();
  const bool pays = r.used_after_build && speedup >= settings.pay_speedup;
  r.verdict = pays ? kWouldPay : kWouldNotPay;
  r.reason = !r.used_after_build ? "the real plan did not use it"
             : fmt::format("{} faster for {} of index and {} of build", format_ratio(speedup), format_bytes(r.size_bytes),
                           format_seconds(r.build_seconds));
}

}  // namespace

std::vector<AdvisedQuery> queries_to_advise(const BenchReport& report, const std::vector<CatalogQuery>& catalog,
                                            const std::vector<AccountClass>& classes, double share) {
  std::vector<AdvisedQuery> advised;
  for (const auto& query : catalog) {
    const std::string wanted = query.account_scoped ? "largest" : "global";
    double p95 = -1;
    for (const auto& timing : report.timings) {
      if (timing.query == query.name && timing.account_class == wanted) p95 = timing.latency.p95;
    }
    for (const auto& run : report.load_runs) {
      for (const auto& cell : run.cells) {
        if (p95 < 0 && run.phase == kQuietPhase && cell.query == query.name && cell.account_class == wanted) {
          p95 = summarize_histogram(cell.latency_us).p95;
        }
      }
    }
    if (p95 <= share * report.target_ms) continue;
    const auto account = std::find_if(classes.begin(), classes.end(), [&](const AccountClass& c) { return c.name == wanted; });
    advised.push_back({&query, account == classes.end() ? AccountClass{"global", "", 0, {}} : *account, p95});
  }
  std::sort(advised.begin(), advised.end(), [](const AdvisedQuery& a, const AdvisedQuery& b) { return a.p95_ms > b.p95_ms; });
  return advised;
}

std::pair<double, double> plan_costs(const std::string& plan_json) {
  const auto document = nlohmann::json::parse(plan_json);
  const auto& plan = (document.is_array() ? document[0] : document).at("Plan");
  return {plan.at("Startup Cost").get<double>(), plan.at("Total Cost").get<double>()};
}

AdvisorReport advise_indexes(AdvisorSession& session, const std::vector<AdvisedQuery>& queries, const std::string& as_of,
                             const std::vector<IndexFacts>& existing, const std::map<std::string, int64_t>& table_rows,
                             const AdvisorSettings& settings) {
  AdvisorReport report;
  report.share_of_target = settings.share_of_target;
  std::vector<std::unique_ptr<QueryAdvisor>> advisors;
  for (const auto& advised : queries) {
    auto advisor = std::make_unique<QueryAdvisor>(session, advised, as_of, settings);
    std::string why;
    if (!advisor->recommend(existing, table_rows, why)) {
      report.note = "hypopg could not be used, nothing was advised: " + why;
      return report;
    }
    advisors.push_back(std::move(advisor));
  }
  report.ran = true;
  std::stable_sort(advisors.begin(), advisors.end(), [](const auto& a, const auto& b) {
    return a->result().estimated_gain() > b->result().estimated_gain();
  });
  int built = 0;
  for (auto& advisor : advisors) {
    IndexRecommendation& r = advisor->result();
    if (!r.index_statements.empty() && built < settings.build) build_for_real(session, *advisor, ++built, table_rows, settings);
    else if (!r.index_statements.empty()) r.reason = fmt::format("estimated cost {} lower; not built (only the best {} are)",
                                                                 format_ratio(r.estimated_gain()), settings.build);
    report.recommendations.push_back(r);
  }
  return report;
}

}  // namespace seedgen::bench

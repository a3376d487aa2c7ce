// phase_writers_test.cc: the writers' parts for the optional phases on a hand-made report: concurrent runs
// (histograms round-trip through the JSON, the gate sees concurrent figures, quiet and under-writes side by
// side), capacity, the advisor, cold caches, and the A/B view of a comparison.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bench/report/histogram_json.h"
#include "bench/report/html_comparison.h"
#include "bench/report/html_report.h"
#include "bench/report/json_report.h"
#include "bench/report/markdown_summary.h"
#include "bench/stats/latency_stats.h"

namespace seedgen::bench {
namespace {

size_t count(const std::string& text, const std::string& needle) {
  size_t found = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++found;
  return found;
}

LoadCell cell(const std::string& query, const std::string& account_class, int64_t base_us, int samples) {
  LoadCell made{query, account_class, {}};
  for (int index = 0; index < samples; ++index) made.latency_us.record(base_us + index * 10);
  return made;
}

// phase_report: a quiet 4-client run where slow/largest has p95 ~150 ms, a capacity search, one advised
// query built for real, and cold figures; no writer ran.
BenchReport phase_report() {
  BenchReport report;
  report.target_ms = 100;
  report.mix.source = "sql/queries/mix.toml";
  report.writer.note = kNoDriftWriteCost;
  LoadRun quiet;
  quiet.clients = 4;
  quiet.duration_s = 20;
  quiet.cells = {cell("fast", "largest", 1000, 40), cell("slow", "largest", 150000, 40), cell("slow", "median", 2000, 40)};
  for (const auto& c : quiet.cells) quiet.overall_us.merge(c.latency_us);
  report.load_runs.push_back(quiet);
  report.capacities.push_back(CapacityReport{kQuietPhase, 4, 30, 12.5, {{12.5, true, 12.4, "slow", 80, 0},
                                                                        {25, false, 19, "slow", 400, 3}}});
  IndexRecommendation advice;
  advice.query = "slow";
  advice.account_class = "largest";
  advice.total_cost_before = 5000;
  advice.total_cost_after = 120;
  advice.index_statements = {"CREATE INDEX ON public.t USING btree (a, b)"};
  advice.built = true;
  advice.before_ms = 90;
  advice.after_ms = 3;
  advice.size_bytes = 1 << 20;
  advice.build_seconds = 1.5;
  advice.verdict = kWouldPay;
  advice.reason = "30x faster";
  report.advisor.ran = true;
  report.advisor.share_of_target = 0.25;
  report.advisor.recommendations.push_back(advice);
  report.cold = ColdReport{true, "scripts/pg stop && scripts/pg start", "dropped", {{"slow", "largest", 420, 95}}};
  return report;
}

TEST(BenchPhaseJson, ConcurrentHistogramsRoundTripAndTheGateSeesThem) {
  const BenchReport report = phase_report();
  const nlohmann::json json = to_json(report);
  const auto& run = json["concurrency"]["runs"][0];
  EXPECT_EQ(run["mode"], "closed");
  EXPECT_EQ(run["clients"], 4);
  EXPECT_DOUBLE_EQ(run["throughput_qps"].get<double>(), 6.0);   // 120 answers in 20 s
  ASSERT_EQ(run["cells"].size(), 3u);
  const LogHistogram back = histogram_from_json(run["cells"][1]["histogram_us"]);
  EXPECT_EQ(back.buckets(), report.load_runs[0].cells[1].latency_us.buckets());
  EXPECT_DOUBLE_EQ(run["cells"][1]["p95_ms"].get<double>(), summarize_histogram(back).p95);
  EXPECT_FALSE(run["cells"][1]["meets_target"].get<bool>());
  EXPECT_EQ(run["queries"].size(), 2u);   // per query, classes merged
  EXPECT_FALSE(json["gate"]["passed"].get<bool>());
  EXPECT_EQ(json["gate"]["failing"][0], "quiet: slow/largest, 4 clients");
  EXPECT_EQ(json["concurrency"]["capacity"][0]["capacity_qps"], 12.5);
  EXPECT_EQ(json["advisor"]["recommendations"][0]["index_statements"][0], "CREATE INDEX ON public.t USING btree (a, b)");
  EXPECT_DOUBLE_EQ(json["advisor"]["recommendations"][0]["speedup"].get<double>(), 30);
  EXPECT_EQ(json["cold"]["timings"][0]["first_ms"], 420);
}

TEST(BenchPhaseHtml, ShowsEveryPhaseAndSaysWhatWasNotMeasured) {
  const std::string html = render_html_report(phase_report());
  EXPECT_NE(html.find(R"(id="concurrency")"), std::string::npos);
  EXPECT_EQ(count(html, "not measured (no writer ran)"), 4u);   // the note, two query rows, the advisor's column
  EXPECT_NE(html.find(R"(id="capacity")"), std::string::npos);
  EXPECT_NE(html.find("capacity <b>12.5 queries/s</b>"), std::string::npos);
  EXPECT_NE(html.find("CREATE INDEX ON public.t USING btree (a, b)"), std::string::npos);
  EXPECT_NE(html.find(R"(<b>would pay</b>)"), std::string::npos);
  EXPECT_NE(html.find(R"(id="cold")"), std::string::npos);
  EXPECT_NE(html.find(R"(<svg class="overview" id="overview")"), std::string::npos);   // from the concurrent run
  EXPECT_NE(html.find("quiet: slow/largest, 4 clients"), std::string::npos);              // in the gate banner
  EXPECT_EQ(html.find(R"(id="ab")"), std::string::npos);
}

TEST(BenchPhaseMarkdown, ListsRunsCapacityAdvisorAndCold) {
  const std::string markdown = render_markdown_summary(phase_report());
  EXPECT_NE(markdown.find("- **quiet**, 4 clients, closed loop: 6.0 answers/s"), std::string::npos);
  EXPECT_NE(markdown.find("- under writes: not measured (no writer ran)"), std::string::npos);
  EXPECT_NE(markdown.find("| slow | 80 |"), std::string::npos);
  EXPECT_NE(markdown.find("**Capacity (quiet)**: 12.5 queries/s with 4 clients"), std::string::npos);
  EXPECT_NE(markdown.find("| slow | CREATE INDEX ON public.t USING btree (a, b) | 5000 → 120 | 90.0 → 3.00 ms |"),
            std::string::npos);
  EXPECT_NE(markdown.find("| slow | largest | 420 | 95.0 |"), std::string::npos);
}

TEST(BenchPhaseHtml, TheAbViewComparesTwoRuns) {
  ComparableRun a, b;
  a.label = "a.json";
  b.label = "b.json";
  a.series[kSingleClientSeries] = {{"q/largest", {1, 10, 12, 50}}, {"r/global", {1, 2, 3, 50}}};
  b.series[kSingleClientSeries] = {{"q/largest", {1, 30, 32, 50}}, {"r/global", {1, 2, 3, 50}}};
  const Comparison comparison = compare_runs(a, b, RegressionRule{});
  const std::string page = render_comparison_page(comparison);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find(R"(<svg class="ab" id="ab-view")"), std::string::npos);
  EXPECT_NE(page.find("REGRESSED"), std::string::npos);
  EXPECT_NE(page.find(R"(<tr class="regressed">)"), std::string::npos);
  EXPECT_NE(page.find("10.0 → 30.0 ms (+200 %)"), std::string::npos);
  const std::string with_baseline = render_html_report(phase_report(), &comparison);
  EXPECT_NE(with_baseline.find(R"(id="ab-view")"), std::string::npos);
  EXPECT_LT(with_baseline.find(R"(id="overview")"), with_baseline.find(R"(id="ab-view")"));
}

}  // namespace
}  // namespace seedgen::bench

// Checks seedbench's JSON, HTML and Markdown writers on a hand-made three-query report: the gate, the
// numbers, the log-scale chart geometry, escaping, self-containment and the empty cases.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bench/report/html_report.h"
#include "bench/report/json_report.h"
#include "bench/report/markdown_summary.h"
#include "bench/report/svg_chart.h"
#include "core/error.h"

namespace seedgen::bench {
namespace {

QueryTiming timing(const std::string& query, const std::string& account_class, double p50, double p95, double p99,
                   double max, int64_t rows) {
  QueryTiming made;
  made.query = query;
  made.account_class = account_class;
  made.latency.iterations = 50;
  made.latency.p50 = p50;
  made.latency.p90 = (p50 + p95) / 2;
  made.latency.p95 = p95;
  made.latency.p99 = p99;
  made.latency.p999 = max;
  made.latency.max = max;
  made.latency.mean = (p50 + p95) / 2;
  made.rows_returned = rows;
  return made;
}

IndexReport index(const std::string& name, const std::string& table, const std::string& definition,
                  IndexVerdict verdict, bool from_catalog) {
  IndexReport report;
  report.name = name;
  report.table = table;
  report.definition = definition;
  report.verdict = verdict;
  report.from_query_catalog = from_catalog;
  report.size_bytes = 1 << 20;
  report.build_seconds = 1.25;
  report.reason = std::string("because ") + verdict_name(verdict);
  return report;
}

// sample_report: three queries, ec2_idle/largest over the 100 ms target, cost_by_service global; analyses
// with a timed-out speedup; one index of each verdict, one of them low-selectivity.
BenchReport sample_report() {
  BenchReport report;
  report.seedbench_version = "0.1.0";
  report.dataset = DatasetFingerprint{7, "small", 42, "2024-06-30", "0.1.0", 123456,
                                      {{"public.ec2_instances", 40000}, {"public.metrics_daily", 5000000}},
                                      {{"public.ec2_instances", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                                       {"public.metrics_daily", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}}};
  report.server = ServerInfo{"15.6 (Debian 15.6-0+deb12u1)",
                             {{"shared_buffers", "128MB"}, {"work_mem", "4MB"}, {"random_page_cost", "1.1"},
                              {"effective_cache_size", "4GB"}, {"jit", "off"}}};
  report.accounts = {{"largest", "111111111111", 52000, {}}, {"median", "222222222222", 4100, {}},
                     {"small", "333333333333", 90, {}}, {"global", "", 0, {}}};
  report.timings = {
      timing("ec2_idle", "largest", 120, 312, 800, 2900, 412), timing("ec2_idle", "median", 8.2, 12.3, 14.9, 21, 37),
      timing("ec2_idle", "small", 0.42, 0.61, 0.9, 1.4, 2),    timing("ebs_unattached", "largest", 0.8, 1.1, 1.6, 3.2, 96),
      timing("ebs_unattached", "median", 0.31, 0.4, 0.52, 0.7, 12), timing("ebs_unattached", "small", 0.12, 0.2, 0.3, 0.33, 0),
      timing("cost_by_service", "global", 41.5, 63.2, 88, 97.4, 1280)};

  QueryAnalysis ec2;
  ec2.query = "ec2_idle";
  ec2.account_class = "largest";
  ec2.plan = PlanSummary{{"cloud_accounts_pkey", "idx_ec2_account_state"}, {{"public.metrics_daily", 5000000, 4800000}},
                         4812000, 412, 91234, 5120, 0.84, 250};
  ec2.no_index_ms = 10000;
  ec2.no_index_timed_out = true;
  ec2.index_speedups = {{"cloud_accounts_pkey", 250, 300, false}, {"idx_ec2_account_state", 250, 10000, true}};
  ec2.before_ms = 1800;
  QueryAnalysis ebs;
  ebs.query = "ebs_unattached";
  ebs.account_class = "median";
  ebs.plan = PlanSummary{{"ebs_volumes_unattached_idx"}, {}, 40, 12, 18, 0, 0.12, 0.8};
  ebs.no_index_ms = 9.9;
  ebs.index_speedups = {{"ebs_volumes_unattached_idx", 0.8, 9.84, false}};
  ebs.before_ms = 9.84;
  QueryAnalysis cost;
  cost.query = "cost_by_service";
  cost.account_class = "global";
  cost.plan = PlanSummary{{}, {{"public.cost_line_items", 2000000, 2000000}}, 2000000, 1280, 40000, 12000, 0.3, 61};
  report.analyses = {ec2, ebs, cost};

  IndexReport essential = index("idx_ec2_account_state", "public.ec2_instances",
                                "CREATE INDEX idx_ec2_account_state ON public.ec2_instances USING btree (account_id, state)",
                                IndexVerdict::kEssential, true);
  essential.best_speedup = 40;
  essential.scans_gained = 150;
  essential.size_bytes = 2621440;
  essential.reason = "ec2_idle reads 5M rows without it and times out";
  essential.used_by = {"ec2_idle"};
  essential.leading_selectivity = 0.0004;
  IndexReport helpful = index("ebs_volumes_unattached_idx", "public.ebs_volumes",
                              "CREATE INDEX ebs_volumes_unattached_idx ON public.ebs_volumes USING btree (account_id) "
                              "WHERE ((state)::text <> 'in-use'::text)",
                              IndexVerdict::kHelpful, true);
  helpful.best_speedup = 12.3;
  helpful.scans_gained = 150;
  helpful.size_bytes = 16384;
  helpful.build_seconds = 0.04;
  helpful.reason = "ebs_unattached runs 12.3× faster with it";
  helpful.used_by = {"ebs_unattached"};
  helpful.predicate = "((state)::text <> 'in-use'::text)";
  IndexReport unused = index("idx_metrics_daily_metric", "public.metrics_daily",
                             "CREATE INDEX idx_metrics_daily_metric ON public.metrics_daily USING btree (metric_name)",
                             IndexVerdict::kUnused, false);
  unused.leading_selectivity = 0.25;
  unused.low_selectivity = true;
  unused.size_bytes = int64_t{112} << 20;
  unused.build_seconds = 18.6;
  unused.reason = "no catalog query's plan uses it";
  IndexReport redundant = index("idx_ec2_account", "public.ec2_instances",
                                "CREATE INDEX idx_ec2_account ON public.ec2_instances USING btree (account_id)",
                                IndexVerdict::kRedundant, false);
  redundant.reason = "a prefix of idx_ec2_account_state";
  report.indexes = {essential, helpful, unused, redundant};
  return report;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t found = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) {
    ++found;
  }
  return found;
}

// section_of: the HTML of one query's section.
std::string section_of(const std::string& html, const std::string& query) {
  size_t start = html.find("id=\"q-" + query + "\"");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</section>", start) - start);
}

TEST(BenchReportScale, MapsDecadesToEqualWidths) {
  LogScale scale{0.1, 1000, 100, 500};
  EXPECT_DOUBLE_EQ(scale.x(0.1), 100);
  EXPECT_DOUBLE_EQ(scale.x(1), 200);
  EXPECT_DOUBLE_EQ(scale.x(10), 300);
  EXPECT_DOUBLE_EQ(scale.x(1000), 500);
  EXPECT_DOUBLE_EQ(scale.x(0.01), 100);   // clamped below
  EXPECT_DOUBLE_EQ(scale.x(0), 100);
  EXPECT_DOUBLE_EQ(scale.x(-3), 100);
  EXPECT_DOUBLE_EQ(scale.x(5000), 500);   // clamped above
}

TEST(BenchReportScale, HighEndIsTwiceTheTargetOrTheSlowestMax) {
  BenchReport report = sample_report();
  EXPECT_DOUBLE_EQ(chart_high_ms(report), 2900);
  report.timings[0].latency.max = 150;
  EXPECT_DOUBLE_EQ(chart_high_ms(report), 200);
  report.target_ms = 5000;
  EXPECT_DOUBLE_EQ(chart_high_ms(report), 10000);
  LogScale scale = chart_scale(report);
  EXPECT_DOUBLE_EQ(scale.x(0.01), kChartPlotLeft);
  EXPECT_DOUBLE_EQ(scale.x(10000), kChartPlotRight);
}

TEST(BenchReportJson, GateFailsNamingExactlyTheFailingQueryClass) {
  nlohmann::json json = to_json(sample_report());
  EXPECT_EQ(json["gate"]["passed"], false);
  EXPECT_EQ(json["gate"]["failing"], nlohmann::json::array({"ec2_idle/largest"}));
  EXPECT_EQ(json["target_ms"], 100.0);
}

TEST(BenchReportJson, GatePassesWhenEveryP95IsWithinTarget) {
  BenchReport report = sample_report();
  report.target_ms = 312;   // p95 equal to the target meets it
  nlohmann::json json = to_json(report);
  EXPECT_EQ(json["gate"]["passed"], true);
  EXPECT_TRUE(json["gate"]["failing"].empty());
  EXPECT_EQ(json["timings"][0]["meets_target"], true);
}

TEST(BenchReportJson, TimingsRoundTripThroughText) {
  BenchReport report = sample_report();
  nlohmann::json json = nlohmann::json::parse(to_json(report).dump());
  ASSERT_EQ(json["timings"].size(), report.timings.size());
  for (size_t row = 0; row < report.timings.size(); ++row) {
    const QueryTiming& timing = report.timings[row];
    const nlohmann::json& written = json["timings"][row];
    EXPECT_EQ(written["query"], timing.query);
    EXPECT_EQ(written["account_class"], timing.account_class);
    EXPECT_EQ(written["p95_ms"].get<double>(), timing.latency.p95);
    EXPECT_EQ(written["p99_ms"].get<double>(), timing.latency.p99);
    EXPECT_EQ(written["rows_returned"], timing.rows_returned);
    EXPECT_EQ(written["meets_target"], timing.latency.p95 <= report.target_ms);
  }
}

TEST(BenchReportJson, CarriesEveryFieldWithNullForNotMeasured) {
  nlohmann::json json = to_json(sample_report());
  for (const char* key : {"seedbench_version", "target_ms", "dataset", "server", "accounts", "timings", "analyses",
                          "indexes", "gate"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_EQ(json["dataset"]["seed"], 42);
  EXPECT_EQ(json["dataset"]["row_counts"]["public.metrics_daily"], 5000000);
  EXPECT_EQ(json["server"]["settings"]["work_mem"], "4MB");
  const nlohmann::json& ec2 = json["analyses"][0];
  EXPECT_EQ(ec2["plan"]["indexes_used"][1], "idx_ec2_account_state");
  EXPECT_EQ(ec2["plan"]["seq_scans"][0]["table"], "public.metrics_daily");
  EXPECT_EQ(ec2["plan"]["shared_read_blocks"], 5120);
  EXPECT_EQ(ec2["index_speedups"][1]["timed_out"], true);
  EXPECT_DOUBLE_EQ(ec2["index_speedups"][1]["speedup"].get<double>(), 40);
  EXPECT_EQ(ec2["no_index_timed_out"], true);
  EXPECT_TRUE(json["analyses"][2]["before_ms"].is_null());
  EXPECT_TRUE(json["analyses"][2]["no_index_ms"].is_null());
  EXPECT_EQ(json["indexes"][0]["verdict"], "essential");
  EXPECT_EQ(json["indexes"][3]["verdict"], "redundant");
  EXPECT_EQ(json["indexes"][1]["from_query_catalog"], true);
  EXPECT_TRUE(json["indexes"][3]["leading_selectivity"].is_null());
}

TEST(BenchReportJson, WritesAFileAndReportsWhereItCannot) {
  std::string path = (std::filesystem::temp_directory_path() / fmt::format("seedbench-{}.json", ::getpid())).string();
  write_json_report(sample_report(), path);
  std::ifstream in(path);
  EXPECT_EQ(nlohmann::json::parse(in), to_json(sample_report()));
  std::filesystem::remove(path);
  try {
    write_json_report(sample_report(), "/nonexistent-seedbench-dir/report.json");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kIo);
    EXPECT_EQ(std::string(error.what()).rfind("cannot write /nonexistent-seedbench-dir/report.json: No such file", 0), 0u)
        << error.what();
  }
  EXPECT_THROW(write_html_report(sample_report(), "/nonexistent-seedbench-dir/report.html"), Error);
}

TEST(BenchReportHtml, DrawsOneChartPerTimedQueryAndTheOverview) {
  std::string html = render_html_report(sample_report());
  EXPECT_EQ(count(html, "<svg"), 4u);
  EXPECT_EQ(count(html, R"(<svg class="chart")"), 3u);
  EXPECT_EQ(count(html, R"(<svg class="overview" id="overview")"), 1u);
  EXPECT_LT(html.find(R"(id="overview")"), html.find(R"(id="q-ec2_idle")"));   // at the top
  EXPECT_EQ(count(section_of(html, "ec2_idle"), "<svg"), 1u);
  EXPECT_EQ(count(section_of(html, "cost_by_service"), "<svg"), 1u);
}

TEST(BenchReportHtml, TargetLineSitsWhereTheLogScalePutsTheTarget) {
  for (double target : {100.0, 35.0}) {
    BenchReport report = sample_report();
    report.target_ms = target;
    std::string html = render_html_report(report);
    std::string expected = fmt::format(R"(<line class="target" x1="{:.1f}")", chart_scale(report).x(target));
    EXPECT_EQ(count(html, expected), 3u) << expected;
    EXPECT_EQ(count(html, R"(<line class="target")"), 4u);   // and the overview's, on its own axis
  }
  EXPECT_NE(count(render_html_report(sample_report()), ">100 ms</text>"), 0u);
}

TEST(BenchReportHtml, BarsOverTheTargetAreRedTheOthersGreen) {
  std::string html = render_html_report(sample_report());
  // Per-query charts: 1 red and 6 green bars; the overview: ec2_idle red, the two others and its key green.
  EXPECT_EQ(count(html, R"(fill="#dc2626")"), 2u);
  EXPECT_EQ(count(html, R"(fill="#16a34a")"), 9u);
  EXPECT_EQ(count(section_of(html, "ec2_idle"), R"(fill="#dc2626")"), 1u);
}

TEST(BenchReportHtml, NamesTheGateFailures) {
  std::string html = render_html_report(sample_report());
  EXPECT_NE(html.find("gate fail"), std::string::npos);
  EXPECT_NE(html.find(R"(<a href="#q-ec2_idle"><code>ec2_idle</code></a> / largest: p95 <b>312 ms</b>)"), std::string::npos);
  BenchReport passing = sample_report();
  passing.target_ms = 1000;
  EXPECT_NE(render_html_report(passing).find("gate pass"), std::string::npos);
}

TEST(BenchReportHtml, ShowsSpeedupsTimeoutsAndBeforeAfter) {
  std::string html = render_html_report(sample_report());
  std::string ec2 = section_of(html, "ec2_idle");
  EXPECT_NE(ec2.find("≥ 40.0× (timed out)"), std::string::npos);
  EXPECT_NE(ec2.find("≥ 10000 ms (timed out)"), std::string::npos);
  EXPECT_NE(ec2.find("1.2×"), std::string::npos);   // cloud_accounts_pkey: 300 / 250
  EXPECT_NE(ec2.find("7.2×"), std::string::npos);   // before 1800 / after 250
  EXPECT_NE(ec2.find("<code>public.<wbr>metrics_<wbr>daily</code> read 4.8M of 5M rows"), std::string::npos);
  EXPECT_NE(section_of(html, "ebs_unattached").find("12.3×"), std::string::npos);
  EXPECT_EQ(section_of(html, "cost_by_service").find("Before / after"), std::string::npos);
}

TEST(BenchReportHtml, IndexTableHasEveryVerdictCatalogMarksAndLowSelectivity) {
  std::string html = render_html_report(sample_report());
  for (const char* verdict : {"essential", "helpful", "unused", "redundant"}) {
    EXPECT_NE(html.find(fmt::format(R"(<span class="badge {0}">{0}</span>)", verdict)), std::string::npos) << verdict;
  }
  EXPECT_EQ(count(html, R"(<span class="tag catalog">)"), 2u);
  EXPECT_NE(html.find("low · 25%"), std::string::npos);
  EXPECT_NE(html.find("matches 25% of the rows"), std::string::npos);
  EXPECT_NE(html.find("2.5 MB"), std::string::npos);
  EXPECT_NE(html.find("112 MB"), std::string::npos);
}

TEST(BenchReportHtml, LongAccountClassNamesAreCutToFitTheLabelColumn) {
  BenchReport report = sample_report();
  report.timings[0].account_class = "an_account_class_with_a_long_name";
  std::string chart = section_of(render_html_report(report), "ec2_idle");
  EXPECT_NE(chart.find(">an_account_cla…</text>"), std::string::npos);
  EXPECT_NE(chart.find("<title>ec2_idle / an_account_class_with_a_long_name:"), std::string::npos);
}

TEST(BenchReportHtml, EscapesEveryName) {
  BenchReport report = sample_report();
  const std::string query = R"(odd<&"q'>)";
  report.timings[0].query = query;
  report.analyses[0].query = query;
  report.timings[1].account_class = "a<b>";
  report.server.settings["search_path"] = R"("$user", <public> & more)";
  report.indexes[0].used_by = {query};
  std::string html = render_html_report(report);
  EXPECT_EQ(html.find(query), std::string::npos);
  EXPECT_EQ(html.find("a<b>"), std::string::npos);
  EXPECT_EQ(html.find("<public>"), std::string::npos);
  EXPECT_EQ(html.find("'in-use'"), std::string::npos);   // from an index definition
  EXPECT_NE(html.find("odd&lt;&amp;&quot;q&#39;&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;&gt; &#39;in-use&#39;"), std::string::npos);
  EXPECT_NE(html.find("a&lt;b&gt;"), std::string::npos);
}

TEST(BenchReportHtml, IsSelfContained) {
  std::string html = render_html_report(sample_report());
  for (const char* external : {"http://", "https://", "<script", "<link", "<img", "src=", "url(", "@import", "@font-face"}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  EXPECT_EQ(count(html, "<style>"), 1u);
}

TEST(BenchReportMarkdown, OneRowPerTimingWithTheFailingOneCrossed) {
  BenchReport report = sample_report();
  std::string markdown = render_markdown_summary(report);
  std::istringstream lines(markdown);
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| ", 0) == 0 && line.rfind("| query ", 0) != 0) rows.push_back(line);
  }
  ASSERT_EQ(rows.size(), report.timings.size());
  EXPECT_EQ(rows[0], "| ec2_idle | largest | 120 | 312 | 800 | 2900 | 412 | ✗ |");
  EXPECT_EQ(rows[2], "| ec2_idle | small | 0.42 | 0.61 | 0.90 | 1.40 | 2 | ✓ |");
  EXPECT_EQ(rows[6], "| cost_by_service | global | 41.5 | 63.2 | 88.0 | 97.4 | 1,280 | ✓ |");
  EXPECT_EQ(count(markdown, "✗"), 2u);   // the row and the header's gate
  EXPECT_NE(markdown.find("gate ✗ FAILED: 1 over p95 100 ms"), std::string::npos);
  EXPECT_NE(markdown.find("- ec2_idle/largest: p95 312 ms"), std::string::npos);
  EXPECT_NE(markdown.find("Indexes (4): 1 essential, 1 helpful, 1 unused, 1 redundant"), std::string::npos);
  EXPECT_NE(markdown.find("Low selectivity: `idx_metrics_daily_metric` (25%)"), std::string::npos);
}

TEST(BenchReportMarkdown, PipesInNamesCannotBreakTheTable) {
  BenchReport report = sample_report();
  report.timings[3].query = "a|b";
  EXPECT_NE(render_markdown_summary(report).find("| a\\|b | largest |"), std::string::npos);
}

TEST(BenchReportWriters, EmptyPartsStillRender) {
  BenchReport empty;
  EXPECT_EQ(count(render_html_report(empty), "<svg"), 0u);
  EXPECT_NE(render_html_report(empty).find("gate pass"), std::string::npos);
  EXPECT_EQ(to_json(empty)["gate"]["passed"], true);
  EXPECT_TRUE(to_json(empty)["indexes"].is_array());
  EXPECT_NE(render_markdown_summary(empty).find("No one-client timings."), std::string::npos);

  BenchReport timings_only = sample_report();
  timings_only.analyses.clear();
  timings_only.indexes.clear();
  timings_only.server.settings.clear();
  std::string html = render_html_report(timings_only);
  EXPECT_EQ(count(html, "<svg"), 4u);
  EXPECT_NE(html.find("No indexes were analysed."), std::string::npos);
  EXPECT_EQ(render_markdown_summary(timings_only).find("Indexes"), std::string::npos);
}

// Writes the sample page to $SEEDBENCH_SAMPLE_HTML for a look in a browser (tests/support/render-html).
TEST(BenchReportSample, WritesTheSamplePageWhenAsked) {
  const char* path = std::getenv("SEEDBENCH_SAMPLE_HTML");
  if (path == nullptr || *path == '\0') return;
  write_html_report(sample_report(), path);
  EXPECT_TRUE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace seedgen::bench

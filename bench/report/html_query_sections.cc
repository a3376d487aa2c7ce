// html_query_sections.cc: the per-query part of the HTML report: chart, before/after table, plan table.
#include "bench/report/html_sections.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "bench/report/report_format.h"
#include "bench/report/svg_chart.h"

namespace seedgen::bench {

namespace {

// query_order: every query named by a timing or an analysis, in order of first appearance.
std::vector<std::string> query_order(const BenchReport& report) {
  std::vector<std::string> queries;
  auto add = [&queries](const std::string& query) {
    if (std::find(queries.begin(), queries.end(), query) == queries.end()) queries.push_back(query);
  };
  for (const auto& timing : report.timings) add(timing.query);
  for (const auto& analysis : report.analyses) add(analysis.query);
  return queries;
}

std::string ms_cell(double ms) { return fmt::format(R"(<td class="num">{} ms</td>)", format_ms(ms)); }

std::string render_before_after(const std::vector<const QueryAnalysis*>& analyses) {
  std::string rows;
  for (const QueryAnalysis* analysis : analyses) {
    if (analysis->before_ms < 0) continue;
    double after = analysis->plan.execution_ms;
    rows += fmt::format(R"(<tr><td>{}</td>{}{}<td class="num"><b>{}</b></td></tr>)",
                        html_escape(analysis->account_class), ms_cell(analysis->before_ms), ms_cell(after),
                        after > 0 ? format_ratio(analysis->before_ms / after) : "n/a");
  }
  if (rows.empty()) return "";
  return "<h4>Before / after the query catalog's indexes</h4>"
         R"(<table class="narrow"><thead><tr><th>Account class</th><th class="num">Before (catalog indexes hidden)</th>)"
         R"(<th class="num">After</th><th class="num">Speedup</th></tr></thead><tbody>)" +
         rows + "</tbody></table>";
}

std::string no_index_text(const QueryAnalysis& analysis) {
  if (analysis.no_index_ms < 0) return R"(<span class="muted">not measured</span>)";
  if (analysis.no_index_timed_out) {
    return fmt::format(R"(<span class="warn">≥ {} ms (timed out)</span>)", format_ms(analysis.no_index_ms));
  }
  std::string text = format_ms(analysis.no_index_ms) + " ms";
  if (analysis.plan.execution_ms > 0) {
    text += fmt::format(R"( <span class="muted">({} the indexed run)</span>)",
                        format_ratio(analysis.no_index_ms / analysis.plan.execution_ms));
  }
  return text;
}

std::string indexes_text(const QueryAnalysis& analysis) {
  if (analysis.plan.indexes_used.empty()) return R"(<span class="muted">none</span>)";
  std::string items;
  for (const auto& index : analysis.plan.indexes_used) {
    auto speedup = std::find_if(analysis.index_speedups.begin(), analysis.index_speedups.end(),
                                [&index](const IndexSpeedup& candidate) { return candidate.index == index; });
    std::string ratio = speedup == analysis.index_speedups.end() ? R"(<span class="muted">not measured</span>)"
                        : speedup->timed_out ? "<span class=\"warn\">" + format_speedup(*speedup) + "</span>"
                                             : "<b>" + format_speedup(*speedup) + "</b>";
    items += fmt::format("<li><code>{}</code> {}</li>", html_breakable(index), ratio);
  }
  return R"(<ul class="plain">)" + items + "</ul>";
}

std::string seq_scans_text(const QueryAnalysis& analysis) {
  if (analysis.plan.seq_scans.empty()) return R"(<span class="good">none</span>)";
  std::string items;
  for (const auto& scan : analysis.plan.seq_scans) {
    items += fmt::format(R"(<li><code>{}</code> read {} of {} rows</li>)", html_breakable(scan.table),
                         format_count(scan.rows_read), format_count(static_cast<double>(scan.table_rows)));
  }
  return R"(<ul class="plain bad">)" + items + "</ul>";
}

// render_plan_table: one column per analysed account class, one row per fact of its plan.
std::string render_plan_table(const std::vector<const QueryAnalysis*>& analyses) {
  std::string header = "<th></th>";
  std::string execution, no_index, rows, buffers, indexes, seq_scans;
  for (const QueryAnalysis* analysis : analyses) {
    const PlanSummary& plan = analysis->plan;
    header += "<th>" + html_escape(analysis->account_class) + "</th>";
    execution += fmt::format("<td>{} ms <span class=\"muted\">/ {} ms planning</span></td>", format_ms(plan.execution_ms),
                             format_ms(plan.planning_ms));
    no_index += "<td>" + no_index_text(*analysis) + "</td>";
    rows += fmt::format("<td>{} read → {} returned</td>", format_count(plan.rows_read), format_count(plan.rows_returned));
    buffers += fmt::format("<td>{} hit / {} read</td>", format_count(static_cast<double>(plan.shared_hit_blocks)),
                           format_count(static_cast<double>(plan.shared_read_blocks)));
    indexes += "<td>" + indexes_text(*analysis) + "</td>";
    seq_scans += "<td>" + seq_scans_text(*analysis) + "</td>";
  }
  auto row = [](const char* label, const std::string& cells) {
    return fmt::format(R"(<tr><th scope="row">{}</th>{}</tr>)", label, cells);
  };
  return "<h4>Plan (EXPLAIN ANALYZE, BUFFERS)</h4>"
         R"(<table class="plan"><colgroup><col class="rowhead"></colgroup><thead><tr>)" + header + "</tr></thead><tbody>" +
         row("Execution", execution) + row("Without index scans", no_index) + row("Rows", rows) +
         row("Shared buffers", buffers) + row("Indexes used<br><span class=\"muted\">speedup when hidden</span>", indexes) +
         row("Seq scans over big tables", seq_scans) + "</tbody></table>";
}

std::string render_query_section(const BenchReport& report, const std::string& query, const LogScale& scale) {
  std::vector<QueryTiming> timings;
  for (const auto& timing : report.timings) {
    if (timing.query == query) timings.push_back(timing);
  }
  std::vector<const QueryAnalysis*> analyses;
  for (const auto& analysis : report.analyses) {
    if (analysis.query == query) analyses.push_back(&analysis);
  }
  bool over = std::any_of(timings.begin(), timings.end(),
                          [&report](const QueryTiming& timing) { return !meets_target(timing, report.target_ms); });
  std::string status = timings.empty() ? R"(<span class="pill muted-pill">not timed</span>)"
                       : over          ? R"(<span class="pill fail-pill">over target</span>)"
                                       : R"(<span class="pill pass-pill">within target</span>)";
  std::string section = fmt::format(R"(<section class="card query" id="{}"><h3><code>{}</code> {}</h3>)",
                                    query_anchor(query), html_escape(query), status);
  if (!timings.empty()) section += render_latency_chart(timings, report.target_ms, scale);
  section += render_before_after(analyses);
  if (!analyses.empty()) section += render_plan_table(analyses);
  return section + "</section>";
}

}  // namespace

std::string query_anchor(const std::string& query) {
  std::string anchor = "q-";
  for (char character : query) {
    bool safe = std::isalnum(static_cast<unsigned char>(character)) || character == '_' || character == '-';
    anchor += safe ? character : '-';
  }
  return anchor;
}

std::string render_query_sections(const BenchReport& report) {
  LogScale scale = chart_scale(report);
  std::string sections;
  for (const auto& query : query_order(report)) sections += render_query_section(report, query, scale);
  return sections;
}

}  // namespace seedgen::bench

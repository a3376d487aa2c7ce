// html_comparison.cc: the A/B section and page.
#include "bench/report/html_comparison.h"

#include <fmt/format.h>

#include "bench/report/html_report.h"
#include "bench/report/overview_chart.h"
#include "bench/report/report_format.h"

namespace seedgen::bench {
namespace {

constexpr size_t kChartRows = 80;

std::string run_line(const char* name, const ComparableRun& run) {
  return fmt::format(R"(<li><b>{}</b>: <code>{}</code> · {} · {} · {}</li>)", name, html_escape(run.label),
                     html_escape(run.dataset), html_escape(run.started_at.empty() ? "time not recorded" : run.started_at),
                     html_escape(run.host.empty() ? "host not recorded" : run.host));
}

// file_name: the last part of a report's path, for the chart's key (the full path is listed above it).
std::string file_name(const std::string& label) { return label.substr(label.rfind('/') + 1); }

std::string change_text(const ComparisonRow& row, int percentile) {
  return row.old_point.at(percentile) > 0 ? fmt::format("{:+.0f} %", row.change * 100) : "n/a";
}

std::string table(const Comparison& comparison, bool regressions_only) {
  std::string rows;
  for (const auto& row : comparison.rows) {
    if (regressions_only && !row.regression) continue;
    rows += fmt::format(
        R"(<tr{}><td>{}</td><td><code>{}</code></td><td>{}</td><td class="num">{} / {} / {}</td>)"
        R"(<td class="num">{} / {} / {}</td><td class="num"><b>{}</b></td></tr>)",
        row.regression ? R"( class="regressed")" : "", html_escape(row.series), html_breakable(row.query),
        html_escape(row.account_class), format_ms(row.old_point.p50_ms), format_ms(row.old_point.p95_ms),
        format_ms(row.old_point.p99_ms), format_ms(row.new_point.p50_ms), format_ms(row.new_point.p95_ms),
        format_ms(row.new_point.p99_ms), change_text(row, comparison.rule.percentile));
  }
  if (rows.empty()) return "";
  return fmt::format(R"(<table><thead><tr><th>Series</th><th>Query</th><th>Class</th><th class="num">A p50 / p95 / )"
                     R"(p99 (ms)</th><th class="num">B p50 / p95 / p99 (ms)</th><th class="num">p{} change</th></tr>)"
                     R"(</thead><tbody>)", comparison.rule.percentile) + rows + "</tbody></table>";
}

}  // namespace

std::string render_ab_section(const Comparison& comparison, bool full_table) {
  const size_t regressions = comparison.regressions();
  const RegressionRule& rule = comparison.rule;
  std::string verdict = regressions == 0
      ? fmt::format(R"(<div class="gate pass"><span class="verdict">NO REGRESSION</span>No p{} grew by more than )"
                    R"({} and {} ms.</div>)", rule.percentile, format_percent(rule.max_regression), format_ms(rule.min_change_ms))
      : fmt::format(R"(<div class="gate fail"><span class="verdict">REGRESSED</span>{} of {} p{} figures grew by more )"
                    R"(than {} and {} ms.</div>)", regressions, comparison.rows.size(), rule.percentile,
                    format_percent(rule.max_regression), format_ms(rule.min_change_ms));
  std::string warning = comparison.same_dataset ? "" : R"(<div class="callout">The two runs measured different fleets.</div>)";
  std::string missing = comparison.only_old.empty() && comparison.only_new.empty() ? ""
      : fmt::format(R"(<p class="muted">{} figures only in A, {} only in B (not compared).</p>)",
                    comparison.only_old.size(), comparison.only_new.size());
  std::string section = fmt::format(R"(<section class="card" id="ab"><h2>A/B: this run against another</h2>)"
                                    R"(<ul class="plain">{}{}</ul>{}{}{})",
                                    run_line("A", comparison.old_run), run_line("B", comparison.new_run), verdict,
                                    warning, missing);
  section += render_ab_chart(ab_rows(comparison, kChartRows), comparison.new_run.target_ms,
                             file_name(comparison.old_run.label), file_name(comparison.new_run.label));
  const std::string rows = table(comparison, !full_table);
  if (!rows.empty()) section += (full_table ? "<h4>Every figure</h4>" : "<h4>Regressions</h4>") + rows;
  return section + "</section>";
}

std::string render_comparison_page(const Comparison& comparison) {
  return html_page(fmt::format("seedbench compare · {} · {}", comparison.old_run.label, comparison.new_run.label),
                   render_ab_section(comparison, true));
}

}  // namespace seedgen::bench

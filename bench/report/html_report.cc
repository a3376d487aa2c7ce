// html_report.cc: the page around the sections: style sheet, fingerprint header, gate banner, legend.
#include "bench/report/html_report.h"

#include <fmt/format.h>

#include "bench/report/html_comparison.h"
#include "bench/report/html_phase_sections.h"
#include "bench/report/html_sections.h"
#include "bench/report/overview_chart.h"
#include "bench/report/report_format.h"
#include "util/text_file.h"

namespace seedgen::bench {

namespace {

constexpr const char* kStyle = R"css(
:root { --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --green: #16a34a; --red: #dc2626; --amber: #b45309; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 0 0 8px; display: flex; align-items: center; gap: 10px; }
h3 code { font-size: 16px; }
h4 { font-size: 13px; margin: 18px 0 6px; color: #374151; text-transform: uppercase; letter-spacing: .04em; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0;
  overflow-x: auto; }
.muted { color: var(--muted); }
.good { color: var(--green); }
.bad { color: var(--red); }
.warn { color: var(--amber); font-weight: 600; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 12px 0 4px; }
.fact span { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.fact b { font-size: 15px; }
.gate { border-radius: 8px; padding: 12px 18px; margin: 16px 0; font-size: 15px; }
.gate.pass { background: #f0fdf4; border: 1px solid #86efac; color: #14532d; }
.gate.fail { background: #fef2f2; border: 1px solid #fca5a5; color: #7f1d1d; }
.gate .verdict { font-weight: 800; letter-spacing: .06em; margin-right: 10px; padding: 2px 10px; border-radius: 4px;
  color: #fff; }
.gate.pass .verdict { background: var(--green); }
.gate.fail .verdict { background: var(--red); }
.gate ul { margin: 6px 0 0; padding-left: 22px; }
.gate a { color: inherit; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
table.narrow { width: auto; min-width: 50%; }
table.indexes, table.plan { table-layout: fixed; }
th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); padding: 6px 8px; }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; overflow-wrap: break-word; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.plan col.rowhead { width: 230px; }
table.plan th[scope=row] { border-bottom: 1px solid var(--line); color: #374151; }
ul.plain { list-style: none; margin: 0; padding: 0; }
.def { color: var(--muted); font-size: 11.5px; margin-top: 2px; }
.reason { color: #374151; font-size: 12px; margin-top: 4px; }
.name { font-weight: 600; }
.badge, .pill, .tag { display: inline-block; border-radius: 999px; font-size: 11.5px; font-weight: 600; padding: 1px 9px;
  white-space: nowrap; }
.badge.essential { background: #dcfce7; color: #166534; }
.badge.helpful { background: #dbeafe; color: #1e40af; }
.badge.unused { background: #f3f4f6; color: #4b5563; box-shadow: inset 0 0 0 1px #d1d5db; }
.badge.redundant { background: #fef3c7; color: #92400e; }
.tag { background: #f3f4f6; color: #4b5563; font-weight: 500; padding: 0 7px; }
.tag.catalog { background: #ede9fe; color: #5b21b6; }
.pass-pill { background: #dcfce7; color: #166534; }
.fail-pill { background: #fee2e2; color: #991b1b; }
.muted-pill { background: #f3f4f6; color: #4b5563; }
.low-pill { background: #fef3c7; color: #92400e; }
.counts .count { margin-right: 14px; font-weight: 600; }
.callout { background: #fffbeb; border: 1px solid #fcd34d; border-radius: 6px; padding: 8px 14px; margin: 8px 0 14px; }
.callout ul { margin: 4px 0 0; padding-left: 20px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 22px; font-size: 12.5px; color: #374151; margin: 4px 0 0; }
.legend i { display: inline-block; vertical-align: middle; margin-right: 6px; }
.key-bar { width: 22px; height: 12px; border-radius: 2px; }
.key-bar.green { background: var(--green); }
.key-bar.red { background: var(--red); }
.key-p50 { width: 22px; height: 12px; border-radius: 2px;
  background: linear-gradient(to right, var(--green) 0 10px, #fff 10px 12px, var(--green) 12px); }
.key-p99 { width: 2px; height: 16px; background: var(--ink); }
.key-max { width: 8px; height: 8px; border-radius: 50%; background: var(--ink); }
.key-target { width: 0; height: 16px; border-left: 2px dashed #c2410c; }
svg.chart, svg.overview, svg.ab { display: block; max-width: 100%; height: auto; margin-top: 4px; }
svg text { font-size: 12px; fill: #374151; }
svg .label { font-size: 13px; font-weight: 600; fill: var(--ink); }
svg .label.small { font-size: 11.5px; font-weight: 500; }
svg a:hover .label { fill: #1d4ed8; text-decoration: underline; }
svg .num { font-variant-numeric: tabular-nums; }
svg .num.over { fill: var(--red); font-weight: 700; }
svg .head { font-size: 11px; font-weight: 700; fill: var(--muted); }
svg .axis { font-size: 11px; fill: var(--muted); }
svg .target-label { font-size: 12px; font-weight: 700; fill: #c2410c; }
td.bad { color: var(--red); font-weight: 700; }
tr.regressed td { background: #fef2f2; }
details summary { cursor: pointer; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin: 24px 0; }
)css";

std::string fact(const char* label, const std::string& value) {
  return fmt::format(R"(<div class="fact"><span>{}</span><b>{}</b></div>)", label, html_escape(value));
}

std::string render_header(const BenchReport& report) {
  const DatasetFingerprint& dataset = report.dataset;
  std::string facts = fact("Profile", dataset.profile) + fact("Seed", std::to_string(dataset.seed)) +
                      fact("As of", dataset.as_of) + fact("seedgen", dataset.seedgen_version) +
                      fact("Run", "#" + std::to_string(dataset.run_id)) +
                      fact("Resources", format_count(static_cast<double>(dataset.resources))) +
                      fact("PostgreSQL", report.server.version) + fact("Target (p95)", format_ms(report.target_ms) + " ms");
  std::string accounts;
  for (const auto& account : report.accounts) {
    if (account.account_id.empty()) {
      accounts += fmt::format(R"(<tr><td><b>{}</b></td><td class="muted" colspan="2">no account parameter</td></tr>)",
                              html_escape(account.name));
      continue;
    }
    accounts += fmt::format(R"(<tr><td><b>{}</b></td><td><code>{}</code></td><td class="num">{}</td></tr>)",
                            html_escape(account.name), html_escape(account.account_id),
                            format_count(static_cast<double>(account.resources)));
  }
  if (!accounts.empty()) {
    accounts = R"(<h4>Account classes</h4><table class="narrow"><thead><tr><th>Class</th><th>Account</th>)"
               R"(<th class="num">Resources</th></tr></thead><tbody>)" + accounts + "</tbody></table>";
  }
  return fmt::format(R"(<header class="card"><h1>seedbench report</h1><div class="muted">Agent-query latency on )"
                     R"(the <b>{}</b> fleet, seed {}, measured by seedbench {}</div><div class="facts">{}</div>{}</header>)",
                     html_escape(dataset.profile), dataset.seed, html_escape(report.seedbench_version), facts, accounts);
}

size_t concurrent_cells(const BenchReport& report) {
  size_t cells = 0;
  for (const auto& run : report.load_runs) cells += run.cells.size();
  return cells;
}

std::string render_gate(const BenchReport& report) {
  std::vector<QueryTiming> failing = failing_timings(report);
  std::string target = format_ms(report.target_ms) + " ms";
  std::string scope = fmt::format("{} query/class timings", report.timings.size());
  if (!report.load_runs.empty()) scope += fmt::format(" and {} concurrent figures", concurrent_cells(report));
  const auto failures = gate_failures(report);
  if (failures.empty()) {
    return fmt::format(R"(<div class="gate pass"><span class="verdict">PASS</span>All {} have p95 within {}.</div>)",
                       scope, target);
  }
  std::string items;
  for (const auto& timing : failing) {
    items += fmt::format(R"(<li><a href="#{}"><code>{}</code></a> / {}: p95 <b>{} ms</b>)"
                         R"(<span class="muted"> (p50 {} ms, max {} ms)</span></li>)",
                         query_anchor(timing.query), html_escape(timing.query), html_escape(timing.account_class),
                         format_ms(timing.latency.p95), format_ms(timing.latency.p50), format_ms(timing.latency.max));
  }
  for (size_t index = failing.size(); index < failures.size(); ++index) {
    items += fmt::format(R"(<li>{}: p95 <b>{} ms</b></li>)", html_escape(failures[index].label),
                         format_ms(failures[index].p95_ms));
  }
  return fmt::format(R"(<div class="gate fail"><span class="verdict">FAIL</span>{} of {} have p95 over {}:<ul>{}</ul></div>)",
                     failures.size(), scope, target, items);
}

std::string render_overview(const BenchReport& report) {
  const auto rows = overview_rows(report);
  if (rows.empty()) return "";
  return R"(<section class="card" id="overview-card"><h2>Overview: every query</h2><p class="muted">Slowest first; )"
         R"(click a name for its card. Bar: p95 at the query's worst account class, one client; white tick: p50; )"
         R"(diamond: p95 of the same query and class under concurrent clients.</p>)" +
         render_overview_chart(rows, report.target_ms) + "</section>";
}

std::string render_legend(const BenchReport& report) {
  if (report.timings.empty()) return "";
  return fmt::format(
      R"(<div class="card"><h2>Latency per query</h2><div class="legend">)"
      R"(<span><i class="key-bar green"></i>bar to p95, within target</span>)"
      R"(<span><i class="key-bar red"></i>bar to p95, over target</span>)"
      R"(<span><i class="key-p50"></i>p50</span><span><i class="key-p99"></i>p99</span>)"
      R"(<span><i class="key-max"></i>max</span><span><i class="key-target"></i>target, {} ms</span>)"
      R"(<span class="muted">log-scale axis; hover a row for its mean and iteration count</span></div></div>)",
      format_ms(report.target_ms));
}

}  // namespace

std::string html_page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
         html_escape(title) + "</title><style>" + kStyle + "</style></head><body><main>" + body +
         "</main></body></html>\n";
}

std::string render_html_report(const BenchReport& report, const Comparison* baseline) {
  const DatasetFingerprint& dataset = report.dataset;
  std::string title = fmt::format("seedbench · {} · seed {} · {}", dataset.profile, dataset.seed, dataset.as_of);
  std::string body = render_header(report);
  body += render_gate(report);
  body += render_overview(report);
  if (baseline != nullptr) body += render_ab_section(*baseline, false);
  body += render_concurrency_section(report);
  body += render_capacity_section(report);
  body += render_legend(report);
  body += render_query_sections(report);
  body += render_advisor_section(report);
  body += render_cold_section(report);
  body += render_index_section(report);
  body += render_settings_section(report);
  body += render_dataset_section(report);
  body += fmt::format("<footer>seedbench {} · seedgen run #{} · {} · {} on {}</footer>", html_escape(report.seedbench_version),
                      dataset.run_id, html_escape(dataset.as_of), html_escape(report.run.started_at),
                      html_escape(report.run.host));
  return html_page(title, body);
}

void write_html_report(const BenchReport& report, const std::string& path, const Comparison* baseline) {
  write_text_file(path, render_html_report(report, baseline));
}

}  // namespace seedgen::bench

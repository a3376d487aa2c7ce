// html_phase_sections.cc: concurrent runs, capacity, advisor and cold caches as HTML tables.
#include "bench/report/html_phase_sections.h"

#include <algorithm>

#include <fmt/format.h>

#include "bench/report/report_format.h"
#include "bench/stats/latency_stats.h"

namespace seedgen::bench {
namespace {

std::string num(const std::string& text, bool alarm = false) {
  return fmt::format(R"(<td class="num{}">{}</td>)", alarm ? " bad" : "", text);
}

const LoadRun* run_of(const BenchReport& report, const std::string& phase) {
  for (const auto& run : report.load_runs) if (run.phase == phase) return &run;
  return nullptr;
}

std::string run_facts(const LoadRun& run, double target_ms) {
  const LatencyStats all = summarize_histogram(run.overall_us);
  return fmt::format(
      R"(<tr><td><b>{}</b></td><td>{} clients, {}</td>{}{}{}{}{}{}{}{}</tr>)", html_escape(run.phase), run.clients,
      run.open_loop() ? fmt::format("open loop, {}/s", run.rate_qps) : std::string("closed loop"),
      num(fmt::format("{:.1f}/s", run.throughput_qps())), num(format_count(static_cast<double>(all.iterations))),
      num(format_ms(all.p50)), num(format_ms(all.p95), all.p95 > target_ms), num(format_ms(all.p99)),
      num(format_ms(all.p999)), num(format_ms(all.max)), num(format_count(static_cast<double>(run.unfinished)), run.unfinished > 0));
}

// p95_of: the p95 of `query` in `run` for `account_class` ("" merges the classes); <0 when absent.
double p95_of(const LoadRun* run, const std::string& query, const std::string& account_class) {
  if (run == nullptr) return -1;
  LogHistogram merged;
  for (const auto& cell : run->cells) {
    if (cell.query == query && (account_class.empty() || cell.account_class == account_class)) merged.merge(cell.latency_us);
  }
  return merged.count() == 0 ? -1 : summarize_histogram(merged).p95;
}

std::string p95_cell(double ms, double target_ms) {
  return ms < 0 ? R"(<td class="num muted">—</td>)" : num(format_ms(ms), ms > target_ms);
}

std::string side_by_side(const BenchReport& report, const LoadRun& quiet, const LoadRun* drift) {
  const std::string absent = fmt::format(R"(<td class="muted" colspan="2">{}</td>)",
                                         html_escape(report.writer.requested ? "not run" : report.writer.note));
  std::string rows;
  for (const auto& query : merge_by_query(quiet)) {
    const std::string& name = query.query;
    const bool global = p95_of(&quiet, name, "global") >= 0;
    const std::string worst_class = global ? "global" : "largest";
    rows += fmt::format(R"(<tr><td><code>{}</code></td>{}{}{})", html_breakable(name),
                        num(format_count(static_cast<double>(query.latency_us.count()))),
                        p95_cell(p95_of(&quiet, name, ""), report.target_ms),
                        p95_cell(p95_of(&quiet, name, worst_class), report.target_ms));
    rows += drift == nullptr ? absent
                             : p95_cell(p95_of(drift, name, ""), report.target_ms) +
                                   p95_cell(p95_of(drift, name, worst_class), report.target_ms);
    rows += "</tr>";
  }
  return R"(<h4>Per query: quiet and under writes</h4><table><thead><tr><th>Query</th><th class="num">Answers</th>)"
         R"(<th class="num">Quiet p95</th><th class="num">Quiet p95, largest</th><th class="num">Under writes p95</th>)"
         R"(<th class="num">Under writes p95, largest</th></tr></thead><tbody>)" + rows + "</tbody></table>";
}

}  // namespace

std::string render_concurrency_section(const BenchReport& report) {
  const LoadRun* quiet = run_of(report, kQuietPhase);
  if (quiet == nullptr) return "";
  std::string runs;
  for (const auto& run : report.load_runs) runs += run_facts(run, report.target_ms);
  std::string writer = report.writer.requested
                           ? fmt::format("Writer: <code>{}</code>: {}", html_escape(report.writer.command), html_escape(report.writer.note))
                           : fmt::format("Under writes: {}.", html_escape(report.writer.note));
  return fmt::format(
      R"(<section class="card" id="concurrency"><h2>Many clients</h2><p class="muted">Each client draws a question )"
      R"(and an account class from the mix <code>{}</code>. Closed loop: a latency is the question's own round trip. )"
      R"(Open loop: from the arrival's intended time, so waiting behind a stall counts. Percentiles from mergeable )"
      R"(histograms (3 significant digits). {}</p><table><thead><tr><th>Phase</th><th>Load</th>)"
      R"(<th class="num">Throughput</th><th class="num">Answers</th><th class="num">p50</th><th class="num">p95</th>)"
      R"(<th class="num">p99</th><th class="num">p99.9</th><th class="num">max</th><th class="num">Unfinished</th>)"
      R"(</tr></thead><tbody>{}</tbody></table>{}</section>)",
      html_escape(report.mix.source), writer, runs, side_by_side(report, *quiet, run_of(report, kDriftPhase)));
}

std::string render_capacity_section(const BenchReport& report) {
  if (report.capacities.empty()) return "";
  std::string body;
  for (const auto& capacity : report.capacities) {
    std::string steps;
    for (const auto& step : capacity.steps) {
      steps += fmt::format(R"(<tr><td class="num">{}/s</td><td>{}</td>{}{}<td><code>{}</code></td>{}</tr>)",
                           step.rate_qps, step.passed ? R"(<span class="good">pass</span>)" : R"(<span class="bad">fail</span>)",
                           num(fmt::format("{:.1f}/s", step.achieved_qps)), num(format_ms(step.worst_p95_ms), step.worst_p95_ms > report.target_ms),
                           html_breakable(step.worst_query), num(format_count(static_cast<double>(step.unfinished))));
    }
    body += fmt::format(R"(<h4>{}: capacity <b>{}</b></h4><p class="muted">{} clients, open loop, {} s per step.</p>)"
                        R"(<table class="narrow"><thead><tr><th class="num">Rate</th><th>Verdict</th><th class="num">)"
                        R"(Achieved</th><th class="num">Worst p95</th><th>Worst query</th><th class="num">Unfinished</th>)"
                        R"(</tr></thead><tbody>{}</tbody></table>)",
                        html_escape(capacity.phase),
                        capacity.capacity_qps > 0 ? fmt::format("{} queries/s", capacity.capacity_qps) : "none found",
                        capacity.clients, capacity.step_seconds, steps);
  }
  return R"(<section class="card" id="capacity"><h2>Capacity</h2><p class="muted">The highest fixed arrival rate )"
         R"(of the mix at which every query's p95 (its classes merged) stays within the target and no arrival is )"
         R"(left unfinished.</p>)" + body + "</section>";
}

std::string render_advisor_section(const BenchReport& report) {
  const AdvisorReport& advisor = report.advisor;
  if (!advisor.ran && advisor.note.empty()) return "";
  std::string rows;
  for (const auto& r : advisor.recommendations) {
    std::string statements;
    for (const auto& statement : r.index_statements) statements += "<code>" + html_escape(statement) + "</code><br>";
    if (statements.empty()) statements = R"(<span class="muted">no candidate lowers the cost</span>)";
    rows += fmt::format(
        R"(<tr><td><code>{}</code></td><td>{}</td>{}{}{}{}{}{}<td>{}</td><td><b>{}</b><div class="reason">{}</div></td></tr>)",
        html_breakable(r.query), statements, num(fmt::format("{:.0f} → {:.0f}", r.total_cost_before, r.total_cost_after)),
        num(r.before_ms < 0 ? "—" : format_ms(r.before_ms)), num(r.after_ms < 0 ? "—" : format_ms(r.after_ms)),
        num(r.size_bytes < 0 ? "—" : format_bytes(r.size_bytes)), num(format_seconds(r.build_seconds)),
        num(r.built ? format_ratio(r.measured_speedup()) : "—"), html_escape(r.write_cost), html_escape(r.verdict),
        html_escape(r.reason));
  }
  return fmt::format(
      R"(<section class="card" id="advisor"><h2>Index advisor</h2><p class="muted">Queries whose p95 exceeded {} of )"
      R"(the target, with candidate indexes from their predicates and joins estimated by hypopg (Supabase's )"
      R"(<code>index_advisor()</code> shape: plan cost before and after, the statement); the best were built for )"
      R"(real in a rolled-back transaction and measured with EXPLAIN ANALYZE. A report, not a migration. {}</p>)"
      R"(<table><thead><tr><th>Query</th><th>Index</th><th class="num">Cost</th><th class="num">Before</th>)"
      R"(<th class="num">After</th><th class="num">Size</th><th class="num">Build</th><th class="num">Speedup</th>)"
      R"(<th>Write cost, drift day</th><th>Verdict</th></tr></thead><tbody>{}</tbody></table></section>)",
      format_percent(advisor.share_of_target), html_escape(advisor.note), rows);
}

std::string render_cold_section(const BenchReport& report) {
  const ColdReport& cold = report.cold;
  if (!cold.ran) return "";
  std::string rows;
  for (const auto& timing : cold.timings) {
    double warm = -1;
    for (const auto& t : report.timings) {
      if (t.query == timing.query && t.account_class == timing.account_class) warm = t.latency.p50;
    }
    rows += fmt::format(R"(<tr><td><code>{}</code></td><td>{}</td>{}{}{}</tr>)", html_breakable(timing.query),
                        html_escape(timing.account_class), num(format_ms(timing.first_ms), timing.first_ms > report.target_ms),
                        num(format_ms(timing.second_ms)), warm < 0 ? R"(<td class="num muted">—</td>)" : num(format_ms(warm)));
  }
  return fmt::format(
      R"(<section class="card" id="cold"><h2>Cold and warm</h2><p class="muted">First execution (prepare + execute) )"
      R"(on a new connection after <code>{}</code>; OS page cache: {}. Second: the same statement again. Warm: the )"
      R"(one-client p50.</p><table class="narrow"><thead><tr><th>Query</th><th>Class</th><th class="num">Cold first )"
      R"((ms)</th><th class="num">Second (ms)</th><th class="num">Warm p50 (ms)</th></tr></thead><tbody>{}</tbody>)"
      R"(</table></section>)",
      html_escape(cold.restart_command), html_escape(cold.os_cache), rows);
}

}  // namespace seedgen::bench

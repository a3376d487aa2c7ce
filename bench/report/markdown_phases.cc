// markdown_phases.cc: concurrent runs, capacity, advisor, cold and comparisons as GitHub Markdown.
#include "bench/report/markdown_phases.h"

#include <fmt/format.h>

#include "bench/report/report_format.h"
#include "bench/stats/latency_stats.h"

namespace seedgen::bench {
namespace {

const LoadRun* run_of(const BenchReport& report, const std::string& phase) {
  for (const auto& run : report.load_runs) if (run.phase == phase) return &run;
  return nullptr;
}

std::string p95_text(const LoadRun* run, const std::string& query, double target_ms) {
  if (run == nullptr) return "–";
  for (const auto& merged : merge_by_query(*run)) {
    if (merged.query != query) continue;
    const double p95 = summarize_histogram(merged.latency_us).p95;
    return format_ms(p95) + (p95 > target_ms ? " ✗" : "");
  }
  return "–";
}

std::string run_line(const LoadRun& run) {
  const LatencyStats all = summarize_histogram(run.overall_us);
  return fmt::format("- **{}**, {} clients, {}: {:.1f} answers/s; p50 {}, p90 {}, p95 {}, p99 {}, p99.9 {}, max {} ms "
                     "over {} answers{}\n",
                     run.phase, run.clients, run.open_loop() ? fmt::format("open loop at {}/s", run.rate_qps) : "closed loop",
                     run.throughput_qps(), format_ms(all.p50), format_ms(all.p90), format_ms(all.p95), format_ms(all.p99),
                     format_ms(all.p999), format_ms(all.max), all.iterations,
                     run.unfinished > 0 ? fmt::format(", {} unfinished", run.unfinished) : "");
}

}  // namespace

std::string markdown_cell(const std::string& text) {
  std::string safe;
  for (char character : text) {
    if (character == '|') safe += "\\|";
    else if (character == '\n' || character == '\r') safe += ' ';
    else safe += character;
  }
  return safe;
}

std::string markdown_concurrency(const BenchReport& report) {
  const LoadRun* quiet = run_of(report, kQuietPhase);
  if (quiet == nullptr) return "";
  const LoadRun* drift = run_of(report, kDriftPhase);
  std::string text = fmt::format("\n**Many clients** (mix `{}`; p95 in ms, classes merged):\n", markdown_cell(report.mix.source));
  for (const auto& run : report.load_runs) text += run_line(run);
  if (drift == nullptr) text += fmt::format("- under writes: {}\n", report.writer.note);
  text += "\n| query | answers | quiet p95 | under writes p95 |\n|---|--:|--:|--:|\n";
  for (const auto& merged : merge_by_query(*quiet)) {
    text += fmt::format("| {} | {} | {} | {} |\n", markdown_cell(merged.query), merged.latency_us.count(),
                        p95_text(quiet, merged.query, report.target_ms), p95_text(drift, merged.query, report.target_ms));
  }
  return text;
}

std::string markdown_capacity(const BenchReport& report) {
  std::string text;
  for (const auto& capacity : report.capacities) {
    text += fmt::format("\n**Capacity ({})**: {} with {} clients (open loop, {} s steps:", capacity.phase,
                        capacity.capacity_qps > 0 ? fmt::format("{} queries/s", capacity.capacity_qps) : "none found",
                        capacity.clients, capacity.step_seconds);
    for (const auto& step : capacity.steps) {
      text += fmt::format(" {}/s {}", step.rate_qps, step.passed ? "✓" : fmt::format("✗ ({} {} ms)", step.worst_query,
                                                                                         format_ms(step.worst_p95_ms)));
    }
    text += ")\n";
  }
  return text;
}

std::string markdown_advisor(const BenchReport& report) {
  const AdvisorReport& advisor = report.advisor;
  if (!advisor.ran && advisor.note.empty()) return "";
  std::string text = fmt::format("\n**Index advisor** (queries over {} of the target{}):\n", format_percent(advisor.share_of_target),
                                 advisor.note.empty() ? "" : "; " + advisor.note);
  if (advisor.recommendations.empty()) return text + "none.\n";
  text += "\n| query | index_statements | total cost before → after | measured | size | build | write cost | verdict |\n"
          "|---|---|--:|--:|--:|--:|---|---|\n";
  for (const auto& r : advisor.recommendations) {
    std::string statements;
    for (const auto& statement : r.index_statements) statements += (statements.empty() ? "" : "; ") + statement;
    text += fmt::format("| {} | {} | {:.0f} → {:.0f} | {} | {} | {} | {} | {}: {} |\n", markdown_cell(r.query),
                        markdown_cell(statements.empty() ? "none" : statements), r.total_cost_before, r.total_cost_after,
                        r.built ? fmt::format("{} → {} ms", format_ms(r.before_ms), format_ms(r.after_ms)) : "–",
                        r.size_bytes < 0 ? "–" : format_bytes(r.size_bytes), format_seconds(r.build_seconds),
                        markdown_cell(r.write_cost), r.verdict, markdown_cell(r.reason));
  }
  return text;
}

std::string markdown_cold(const BenchReport& report) {
  if (!report.cold.ran) return "";
  std::string text = fmt::format("\n**Cold caches** (after `{}`; OS page cache {}):\n\n| query | class | cold first | second |\n"
                                 "|---|---|--:|--:|\n",
                                 markdown_cell(report.cold.restart_command), report.cold.os_cache);
  for (const auto& timing : report.cold.timings) {
    text += fmt::format("| {} | {} | {} | {} |\n", markdown_cell(timing.query), timing.account_class,
                        format_ms(timing.first_ms), format_ms(timing.second_ms));
  }
  return text;
}

std::string markdown_comparison(const Comparison& comparison, bool all_rows) {
  const RegressionRule& rule = comparison.rule;
  std::string text = fmt::format("**seedbench compare**: A `{}` ({}, {}) → B `{}` ({}, {}): {} of {} p{} figures "
                                 "regressed (more than {} and {} ms slower){}\n",
                                 markdown_cell(comparison.old_run.label), comparison.old_run.dataset,
                                 comparison.old_run.started_at, markdown_cell(comparison.new_run.label),
                                 comparison.new_run.dataset, comparison.new_run.started_at, comparison.regressions(),
                                 comparison.rows.size(), rule.percentile, format_percent(rule.max_regression),
                                 format_ms(rule.min_change_ms),
                                 comparison.same_dataset ? "" : "; the runs measured different fleets");
  text += fmt::format("\n| series | query | class | A p50/p95/p99 | B p50/p95/p99 | p{} change |\n|---|---|---|--:|--:|--:|\n",
                      rule.percentile);
  for (const auto& row : comparison.rows) {
    if (!all_rows && !row.regression) continue;
    text += fmt::format("| {} | {} | {} | {}/{}/{} | {}/{}/{} | {}{} |\n", row.series, markdown_cell(row.query),
                        row.account_class, format_ms(row.old_point.p50_ms), format_ms(row.old_point.p95_ms),
                        format_ms(row.old_point.p99_ms), format_ms(row.new_point.p50_ms), format_ms(row.new_point.p95_ms),
                        format_ms(row.new_point.p99_ms),
                        row.old_point.at(rule.percentile) > 0 ? fmt::format("{:+.0f} %", row.change * 100) : "n/a",
                        row.regression ? " ✗" : "");
  }
  if (!comparison.only_old.empty() || !comparison.only_new.empty()) {
    text += fmt::format("\n{} figures only in A, {} only in B (not compared).\n", comparison.only_old.size(),
                        comparison.only_new.size());
  }
  return text;
}

}  // namespace seedgen::bench

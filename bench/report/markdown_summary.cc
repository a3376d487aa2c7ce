// markdown_summary.cc: BenchReport to a few lines of GitHub Markdown.
#include "bench/report/markdown_summary.h"

#include <algorithm>

#include <fmt/format.h>

#include "bench/report/markdown_phases.h"
#include "bench/report/report_format.h"

namespace seedgen::bench {

namespace {

std::string header_line(const BenchReport& report, size_t failing) {
  const DatasetFingerprint& dataset = report.dataset;
  std::string gate = failing == 0 ? fmt::format("gate ✓ passed (p95 ≤ {} ms)", format_ms(report.target_ms))
                                  : fmt::format("gate ✗ FAILED: {} over p95 {} ms", failing, format_ms(report.target_ms));
  return fmt::format("**seedbench {}**: profile `{}`, seed {}, as_of {}, seedgen {}, run #{}, {} resources, "
                     "PostgreSQL {}: {}\n",
                     report.seedbench_version, dataset.profile, dataset.seed, dataset.as_of, dataset.seedgen_version,
                     dataset.run_id, format_count(static_cast<double>(dataset.resources)), report.server.version, gate);
}

std::string timing_table(const BenchReport& report) {
  std::string table = "| query | class | p50 | p95 | p99 | max | rows | ok |\n"
                      "|---|---|--:|--:|--:|--:|--:|:-:|\n";
  for (const auto& timing : report.timings) {
    const LatencyStats& latency = timing.latency;
    table += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(timing.query), markdown_cell(timing.account_class),
                         format_ms(latency.p50), format_ms(latency.p95), format_ms(latency.p99), format_ms(latency.max),
                         format_count(static_cast<double>(timing.rows_returned)),
                         meets_target(timing, report.target_ms) ? "✓" : "✗");
  }
  return table;
}

std::string failing_list(const BenchReport& report, const std::vector<GateFailure>& failing) {
  if (failing.empty()) return "";
  std::string list = fmt::format("\nOver the target (p95 > {} ms):\n", format_ms(report.target_ms));
  for (const auto& failure : failing) list += fmt::format("- {}: p95 {} ms\n", failure.label, format_ms(failure.p95_ms));
  return list;
}

std::string index_lines(const BenchReport& report) {
  if (report.indexes.empty()) return "";
  std::string counts;
  for (IndexVerdict verdict :
       {IndexVerdict::kEssential, IndexVerdict::kHelpful, IndexVerdict::kUnused, IndexVerdict::kRedundant}) {
    auto count = std::count_if(report.indexes.begin(), report.indexes.end(),
                               [verdict](const IndexReport& index) { return index.verdict == verdict; });
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", count, verdict_name(verdict));
  }
  std::string lines = fmt::format("\nIndexes ({}): {}\n", report.indexes.size(), counts);
  std::string low;
  for (const auto& index : report.indexes) {
    if (!index.low_selectivity) continue;
    std::string share = index.leading_selectivity < 0 ? "unknown" : format_percent(index.leading_selectivity);
    low += fmt::format("{}`{}` ({})", low.empty() ? "" : ", ", index.name, share);
  }
  if (!low.empty()) lines += "Low selectivity: " + low + "\n";
  return lines;
}

// citus_lines: on Citus, how the analysed plans ran: an account's question as a router query (every
// distributed scan one task, on one worker), the whole estate's across the shards. Nothing elsewhere.
std::string citus_lines(const BenchReport& report) {
  size_t scoped = 0, routed = 0, global = 0;
  int global_tasks = 0;
  std::string spread;
  for (const auto& analysis : report.analyses) {
    const PlanSummary& plan = analysis.plan;
    if (plan.citus_scans == 0) continue;
    if (analysis.account_class == "global") {
      ++global;
      global_tasks = std::max(global_tasks, plan.citus_max_tasks);
      continue;
    }
    ++scoped;
    if (plan.citus_max_tasks == 1) ++routed;
    else spread += fmt::format("{}`{}` ({}, {} tasks)", spread.empty() ? "" : ", ", analysis.query,
                               analysis.account_class, plan.citus_max_tasks);
  }
  if (scoped + global == 0) return "";
  std::string lines = fmt::format("\nCitus: {} of {} account-scoped plans are router queries (one task on one "
                                  "worker); {} global plans run up to {} tasks across the workers\n",
                                  routed, scoped, global, global_tasks);
  if (!spread.empty()) lines += "Not routed: " + spread + "\n";
  return lines;
}

}  // namespace

std::string render_markdown_summary(const BenchReport& report, const Comparison* baseline) {
  const auto failing = gate_failures(report);
  std::string summary = header_line(report, failing.size()) + "\n";
  if (report.timings.empty()) summary += "No one-client timings.\n";
  else summary += "Latencies in ms over the timed runs.\n\n" + timing_table(report);
  summary += failing_list(report, failing) + markdown_concurrency(report) + markdown_capacity(report);
  summary += markdown_advisor(report) + markdown_cold(report) + index_lines(report) + citus_lines(report);
  if (baseline != nullptr) summary += "\n" + markdown_comparison(*baseline, false);
  return summary;
}

}  // namespace seedgen::bench

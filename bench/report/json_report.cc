// json_report.cc: BenchReport to nlohmann::json, field by field.
#include "bench/report/json_report.h"

#include "bench/report/histogram_json.h"
#include "bench/report/json_sections.h"
#include "util/text_file.h"

namespace seedgen::bench {

namespace {

using nlohmann::json;

json dataset_json(const DatasetFingerprint& dataset) {
  return {{"run_id", dataset.run_id},
          {"profile", dataset.profile},
          {"seed", dataset.seed},
          {"as_of", dataset.as_of},
          {"seedgen_version", dataset.seedgen_version},
          {"resources", dataset.resources},
          {"row_counts", dataset.row_counts},
          {"checksums", dataset.checksums}};
}

json timing_json(const QueryTiming& timing, double target_ms) {
  const LatencyStats& latency = timing.latency;
  return {{"query", timing.query},
          {"account_class", timing.account_class},
          {"iterations", latency.iterations},
          {"p50_ms", latency.p50},
          {"p90_ms", latency.p90},
          {"p95_ms", latency.p95},
          {"p99_ms", latency.p99},
          {"p999_ms", latency.p999},
          {"max_ms", latency.max},
          {"mean_ms", latency.mean},
          {"rows_returned", timing.rows_returned},
          {"meets_target", meets_target(timing, target_ms)},
          {"histogram_us", histogram_json(timing.latency_us)}};
}

json run_json(const RunInfo& run) {
  return {{"started_at", run.started_at}, {"host", run.host}, {"cpus", run.cpus}, {"command_line", run.command_line}};
}

json plan_json(const PlanSummary& plan) {
  json seq_scans = json::array();
  for (const auto& scan : plan.seq_scans) {
    seq_scans.push_back({{"table", scan.table}, {"table_rows", scan.table_rows}, {"rows_read", scan.rows_read}});
  }
  return {{"indexes_used", plan.indexes_used},
          {"seq_scans", seq_scans},
          {"rows_read", plan.rows_read},
          {"rows_returned", plan.rows_returned},
          {"shared_hit_blocks", plan.shared_hit_blocks},
          {"shared_read_blocks", plan.shared_read_blocks},
          {"planning_ms", plan.planning_ms},
          {"execution_ms", plan.execution_ms},
          {"citus_scans", plan.citus_scans},
          {"citus_max_tasks", plan.citus_max_tasks}};
}

json analysis_json(const QueryAnalysis& analysis) {
  json speedups = json::array();
  for (const auto& speedup : analysis.index_speedups) {
    speedups.push_back({{"index", speedup.index},
                        {"with_ms", speedup.with_ms},
                        {"without_ms", speedup.without_ms},
                        {"timed_out", speedup.timed_out},
                        {"speedup", speedup.with_ms > 0 ? json(speedup.without_ms / speedup.with_ms) : json(nullptr)}});
  }
  return {{"query", analysis.query},
          {"account_class", analysis.account_class},
          {"plan", plan_json(analysis.plan)},
          {"no_index_ms", or_null(analysis.no_index_ms)},
          {"no_index_timed_out", analysis.no_index_timed_out},
          {"index_speedups", speedups},
          {"before_ms", or_null(analysis.before_ms)}};
}

json index_json(const IndexReport& index) {
  return {{"name", index.name},
          {"table", index.table},
          {"definition", index.definition},
          {"columns", index.columns},
          {"predicate", index.predicate},
          {"is_unique", index.is_unique},
          {"backs_constraint", index.backs_constraint},
          {"from_query_catalog", index.from_query_catalog},
          {"size_bytes", index.size_bytes},
          {"build_seconds", or_null(index.build_seconds)},
          {"scans_gained", index.scans_gained},
          {"used_by", index.used_by},
          {"best_speedup", index.best_speedup},
          {"leading_selectivity", or_null(index.leading_selectivity)},
          {"low_selectivity", index.low_selectivity},
          {"verdict", verdict_name(index.verdict)},
          {"reason", index.reason}};
}

json gate_json(const BenchReport& report) {
  json failing = json::array();
  for (const auto& failure : gate_failures(report)) failing.push_back(failure.label);
  return {{"passed", failing.empty()}, {"failing", failing}};
}

json concurrency_json(const BenchReport& report) {
  json runs = json::array();
  for (const auto& run : report.load_runs) runs.push_back(load_run_json(run, report.target_ms));
  json capacities = json::array();
  for (const auto& capacity : report.capacities) capacities.push_back(capacity_json(capacity));
  return {{"mix", mix_json(report.mix)}, {"writer", writer_json(report.writer)}, {"runs", runs},
          {"capacity", capacities}};
}

}  // namespace

nlohmann::json to_json(const BenchReport& report) {
  json accounts = json::array();
  for (const auto& account : report.accounts) {
    accounts.push_back({{"name", account.name}, {"account_id", account.account_id}, {"resources", account.resources},
                        {"subjects", account.subjects}});
  }
  json timings = json::array();
  for (const auto& timing : report.timings) timings.push_back(timing_json(timing, report.target_ms));
  json analyses = json::array();
  for (const auto& analysis : report.analyses) analyses.push_back(analysis_json(analysis));
  json indexes = json::array();
  for (const auto& index : report.indexes) indexes.push_back(index_json(index));

  json document = json::object();
  document["seedbench_version"] = report.seedbench_version;
  document["target_ms"] = report.target_ms;
  document["run"] = run_json(report.run);
  document["dataset"] = dataset_json(report.dataset);
  document["server"] = {{"version", report.server.version}, {"settings", report.server.settings}};
  document["accounts"] = accounts;
  document["timings"] = timings;
  document["analyses"] = analyses;
  document["indexes"] = indexes;
  document["concurrency"] = concurrency_json(report);
  document["advisor"] = advisor_json(report.advisor);
  document["cold"] = cold_json(report.cold);
  document["gate"] = gate_json(report);
  return document;
}

void write_json_report(const BenchReport& report, const std::string& path) {
  // Invalid UTF-8 in a name becomes U+FFFD instead of an exception halfway through a report.
  write_text_file(path, to_json(report).dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace seedgen::bench

// json_sections.cc: concurrent runs, capacity, writer, mix, advisor and cold figures to JSON.
#include "bench/report/json_sections.h"

#include "bench/report/histogram_json.h"
#include "bench/stats/latency_stats.h"

namespace seedgen::bench {

using nlohmann::json;

json or_null(double value) { return value < 0 ? json(nullptr) : json(value); }

json latency_json(const LatencyStats& stats) {
  return {{"count", stats.iterations}, {"p50_ms", stats.p50},   {"p90_ms", stats.p90}, {"p95_ms", stats.p95},
          {"p99_ms", stats.p99},       {"p999_ms", stats.p999}, {"max_ms", stats.max}, {"mean_ms", stats.mean}};
}

namespace {

json cell_json(const LoadCell& cell, const LoadRun& run, double target_ms, bool with_histogram) {
  const LatencyStats stats = summarize_histogram(cell.latency_us);
  json out = {{"query", cell.query}};
  if (cell.account_class != "all") out["account_class"] = cell.account_class;
  out.update(latency_json(stats));
  out["throughput_qps"] = run.duration_s > 0 ? static_cast<double>(cell.latency_us.count()) / run.duration_s : 0.0;
  out["meets_target"] = stats.p95 <= target_ms;
  if (with_histogram) out["histogram_us"] = histogram_json(cell.latency_us);
  return out;
}

}  // namespace

json load_run_json(const LoadRun& run, double target_ms) {
  json queries = json::array();
  for (const auto& merged : merge_by_query(run)) queries.push_back(cell_json(merged, run, target_ms, false));
  json cells = json::array();
  for (const auto& cell : run.cells) cells.push_back(cell_json(cell, run, target_ms, true));
  json overall = latency_json(summarize_histogram(run.overall_us));
  overall["histogram_us"] = histogram_json(run.overall_us);
  return {{"phase", run.phase},
          {"mode", run.open_loop() ? "open" : "closed"},
          {"clients", run.clients},
          {"rate_qps", run.rate_qps},
          {"duration_s", run.duration_s},
          {"warmup_s", run.warmup_s},
          {"throughput_qps", run.throughput_qps()},
          {"unfinished", run.unfinished},
          {"overall", overall},
          {"queries", queries},
          {"cells", cells}};
}

json capacity_json(const CapacityReport& capacity) {
  json steps = json::array();
  for (const auto& step : capacity.steps) {
    steps.push_back({{"rate_qps", step.rate_qps},       {"passed", step.passed},
                     {"achieved_qps", step.achieved_qps}, {"worst_query", step.worst_query},
                     {"worst_p95_ms", step.worst_p95_ms}, {"unfinished", step.unfinished}});
  }
  return {{"phase", capacity.phase},
          {"clients", capacity.clients},
          {"step_seconds", capacity.step_seconds},
          {"capacity_qps", capacity.capacity_qps},
          {"steps", steps}};
}

json writer_json(const WriterState& writer) {
  return {{"requested", writer.requested}, {"command", writer.command}, {"note", writer.note}};
}

json mix_json(const MixWeights& mix) {
  json classes = json::object();
  for (const auto& [name, weight] : mix.classes) classes[name] = weight;
  json queries = json::object();
  for (const auto& [name, weight] : mix.queries) queries[name] = weight;
  return {{"source", mix.source}, {"classes", classes}, {"queries", queries}};
}

json advisor_json(const AdvisorReport& advisor) {
  json recommendations = json::array();
  for (const auto& r : advisor.recommendations) {
    recommendations.push_back({{"query", r.query},
                               {"account_class", r.account_class},
                               {"startup_cost_before", r.startup_cost_before},
                               {"startup_cost_after", r.startup_cost_after},
                               {"total_cost_before", r.total_cost_before},
                               {"total_cost_after", r.total_cost_after},
                               {"index_statements", r.index_statements},
                               {"errors", r.errors},
                               {"candidates_tried", r.candidates_tried},
                               {"built", r.built},
                               {"before_ms", or_null(r.before_ms)},
                               {"after_ms", or_null(r.after_ms)},
                               {"speedup", r.built ? json(r.measured_speedup()) : json(nullptr)},
                               {"build_seconds", or_null(r.build_seconds)},
                               {"size_bytes", r.size_bytes < 0 ? json(nullptr) : json(r.size_bytes)},
                               {"used_after_build", r.used_after_build},
                               {"write_cost", r.write_cost},
                               {"verdict", r.verdict},
                               {"reason", r.reason}});
  }
  return {{"ran", advisor.ran},
          {"note", advisor.note},
          {"share_of_target", advisor.share_of_target},
          {"recommendations", recommendations}};
}

json cold_json(const ColdReport& cold) {
  json timings = json::array();
  for (const auto& timing : cold.timings) {
    timings.push_back({{"query", timing.query},
                       {"account_class", timing.account_class},
                       {"first_ms", timing.first_ms},
                       {"second_ms", timing.second_ms}});
  }
  return {{"ran", cold.ran}, {"restart_command", cold.restart_command}, {"os_cache", cold.os_cache}, {"timings", timings}};
}

}  // namespace seedgen::bench

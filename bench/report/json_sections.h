// json_sections.h: the parts of seedbench's JSON report beyond the single-client timings and the plan
// analysis: latency figures of any histogram, concurrent runs, the capacity search, the writer, the mix,
// the index advisor and the cold-cache figures. Each returns the JSON of its part (json_report.h documents
// the whole document); json_report.cc puts them together.
#pragma once

#include <nlohmann/json.hpp>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// latency_json: {"count", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms"}.
nlohmann::json latency_json(const LatencyStats& stats);

// load_run_json: {"phase", "mode": "closed"|"open", "clients", "rate_qps", "duration_s", "warmup_s",
//   "throughput_qps", "unfinished", "overall": {latency_json..., "histogram_us"},
//   "queries": [{"query", latency_json..., "throughput_qps", "meets_target"}],
//   "cells": [{"query", "account_class", latency_json..., "throughput_qps", "meets_target", "histogram_us"}]}
nlohmann::json load_run_json(const LoadRun& run, double target_ms);

// capacity_json: {"phase", "clients", "step_seconds", "capacity_qps", "steps": [{"rate_qps", "passed",
//   "achieved_qps", "worst_query", "worst_p95_ms", "unfinished"}]}
nlohmann::json capacity_json(const CapacityReport& capacity);

// writer_json: {"requested", "command", "note"}; mix_json: {"source", "classes": {...}, "queries": {...}}.
nlohmann::json writer_json(const WriterState& writer);
nlohmann::json mix_json(const MixWeights& mix);

// advisor_json: {"ran", "note", "share_of_target", "recommendations": [{"query", "account_class",
//   "startup_cost_before", "startup_cost_after", "total_cost_before", "total_cost_after",
//   "index_statements", "errors", "candidates_tried", "built", "before_ms", "after_ms", "speedup",
//   "build_seconds", "size_bytes", "used_after_build", "write_cost", "verdict", "reason"}]}
nlohmann::json advisor_json(const AdvisorReport& advisor);

// cold_json: {"ran", "restart_command", "os_cache", "timings": [{"query", "account_class", "first_ms",
//   "second_ms"}]}
nlohmann::json cold_json(const ColdReport& cold);

// or_null: `value`, or null when it is a negative "not measured" sentinel.
nlohmann::json or_null(double value);

}  // namespace seedgen::bench

// json_report.h: seedbench's own machine-readable report, one JSON document per run.
// Promises every field of BenchReport, with measurements in milliseconds ("_ms") and "not measured"
// sentinels (negative no_index_ms, before_ms, build_seconds, leading_selectivity) written as null.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// to_json: the report as
//   {"seedbench_version", "target_ms", "run": {started_at, host, cpus, command_line},
//    "dataset": {run_id, profile, seed, as_of, seedgen_version, resources, row_counts, checksums},
//    "server": {version, settings}, "accounts": [{name, account_id, resources, subjects}],
//    "timings": [{query, account_class, iterations, p50_ms, p90_ms, p95_ms, p99_ms, p999_ms, max_ms,
//                 mean_ms, rows_returned, meets_target, histogram_us}],
//    "analyses": [{query, account_class, plan: {...}, no_index_ms, no_index_timed_out,
//                  index_speedups: [{index, with_ms, without_ms, timed_out, speedup}], before_ms}],
//    "indexes": [{name, table, definition, columns, predicate, is_unique, backs_constraint,
//                 from_query_catalog, size_bytes, build_seconds, scans_gained, used_by, best_speedup,
//                 leading_selectivity, low_selectivity, verdict: "essential"|..., reason}],
//    "concurrency": {"mix", "writer", "runs": [load_run_json], "capacity": [capacity_json]},
//    "advisor": advisor_json, "cold": cold_json,
//    "gate": {"passed": bool, "failing": ["query/class" or "phase: query/class, N clients", ...]}}
// (json_sections.h spells out the concurrent, advisor and cold parts.) meets_target and the gate use p95
// against target_ms, like gate_failures(); histograms are histogram_json.h's form.
nlohmann::json to_json(const BenchReport& report);

// write_json_report: to_json(report), pretty-printed, into the file at `path`.
// Throws Error(ErrorKind::kIo, "cannot write <path>: <reason>") on failure.
void write_json_report(const BenchReport& report, const std::string& path);

}  // namespace seedgen::bench

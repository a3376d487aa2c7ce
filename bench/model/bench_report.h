// bench_report.h: everything one seedbench run measured, as plain data.
// The runner fills it; the JSON, HTML and Markdown writers only read it. No database or benchmark types
// appear here, so every writer and analysis can be unit-tested from hand-made values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bench/model/advice_report.h"
#include "bench/model/load_report.h"
#include "bench/stats/log_histogram.h"

namespace seedgen::bench {

// LatencyStats: one query for one account class, in milliseconds, over `iterations` timed executions.
struct LatencyStats {
  int iterations = 0;
  double p50 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0, max = 0, mean = 0;
};

// AccountClass: whose parameters a query ran with. name is "largest", "median", "small", "any" (an
// account drawn from the whole fleet, concurrent runs only) or "global" (a query that takes no account);
// resources counts the account's rows over the resource tables. subjects are the values of the ad-hoc
// questions' subject parameters for this account (instance_id, bucket_name, tag_key, tag_value).
struct AccountClass {
  std::string name;
  std::string account_id;   // empty for "global"
  int64_t resources = 0;
  std::map<std::string, std::string> subjects;
};

struct QueryTiming {
  std::string query;           // the file's stem, e.g. "ec2_idle", or "adhoc/<stem>"
  std::string account_class;   // AccountClass::name
  LatencyStats latency;
  LogHistogram latency_us;     // the same executions, mergeable (seedbench compare, repetitions)
  int64_t rows_returned = 0;
};

// SeqScan: a sequential scan the plan ran over a table above the size threshold.
struct SeqScan {
  std::string table;
  int64_t table_rows = 0;   // the table's size estimate (pg_class.reltuples)
  double rows_read = 0;     // actual rows x loops, plus rows removed by its filter
};

// PlanSummary: the facts read from one EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON).
struct PlanSummary {
  std::vector<std::string> indexes_used;   // unique index names, sorted
  std::vector<SeqScan> seq_scans;          // only tables at or above the threshold
  double rows_read = 0;       // over all scan nodes: actual rows x loops plus rows removed by filters
  double rows_returned = 0;   // the top node's actual rows
  int64_t shared_hit_blocks = 0;
  int64_t shared_read_blocks = 0;
  double planning_ms = 0;
  double execution_ms = 0;
  // Citus (layout citus): the plan's distributed scans (Custom Scan "Citus ...") and the most tasks one of
  // them ran; 0 and 0 on a server without Citus. A router query runs each of its scans as one task, on one
  // worker (citus_max_tasks 1); a question about the whole estate runs one task per shard.
  int citus_scans = 0;
  int citus_max_tasks = 0;
};

// IndexSpeedup: one query's execution time with an index present and hidden (dropped inside a
// rolled-back transaction). speedup = without_ms / with_ms. timed_out: the hidden run hit the
// statement timeout, so without_ms is a lower bound.
struct IndexSpeedup {
  std::string index;
  double with_ms = 0;
  double without_ms = 0;
  bool timed_out = false;
};

// QueryAnalysis: the plan of one query for one account class and what its indexes buy.
struct QueryAnalysis {
  std::string query;
  std::string account_class;
  PlanSummary plan;
  double no_index_ms = -1;        // execution with index and bitmap scans disabled; <0 not measured
  bool no_index_timed_out = false;
  std::vector<IndexSpeedup> index_speedups;   // one per index in plan.indexes_used
  double before_ms = -1;          // execution with the catalog migration's own indexes hidden; <0 none
};

enum class IndexVerdict { kEssential, kHelpful, kUnused, kRedundant };

// IndexReport: one index in schema public, what it costs and what the catalog got from it.
struct IndexReport {
  std::string name;
  std::string table;
  std::string definition;             // pg_get_indexdef
  std::vector<std::string> columns;   // key columns or expressions, in order
  std::string predicate;              // partial index WHERE clause; empty if none
  bool is_unique = false;
  bool backs_constraint = false;      // primary key or unique constraint
  bool from_query_catalog = false;    // added for the agent queries, not by the spec
  int64_t size_bytes = 0;
  double build_seconds = -1;          // measured at the last load; <0 unknown
  int64_t scans_gained = 0;           // pg_stat_user_indexes.idx_scan delta over the timed runs
  std::vector<std::string> used_by;   // queries whose analysed plan used it, sorted
  double best_speedup = 0;            // max IndexSpeedup over those queries; 0 if none
  double leading_selectivity = -1;    // share of rows per value of the leading column; <0 unknown
  bool low_selectivity = false;
  IndexVerdict verdict = IndexVerdict::kUnused;
  std::string reason;                 // one line: why this verdict
};

// DatasetFingerprint: which generated fleet was measured, from seedgen.runs.
struct DatasetFingerprint {
  int64_t run_id = 0;
  std::string profile;
  int64_t seed = 0;
  std::string as_of;             // YYYY-MM-DD
  std::string seedgen_version;
  int64_t resources = 0;
  std::map<std::string, int64_t> row_counts;     // qualified table -> rows
  std::map<std::string, std::string> checksums;  // qualified table -> sha256 of its COPY bytes
};

struct ServerInfo {
  std::string version;                          // server_version
  std::map<std::string, std::string> settings;  // the planner- and memory-relevant GUCs
};

// RunInfo: when and where the run happened (wall clock: it dates the report, never the data).
struct RunInfo {
  std::string started_at;     // UTC, ISO 8601
  std::string host;
  int cpus = 0;
  std::string command_line;
};

struct BenchReport {
  double target_ms = 100;
  std::string seedbench_version;
  RunInfo run;
  DatasetFingerprint dataset;
  ServerInfo server;
  std::vector<AccountClass> accounts;
  std::vector<QueryTiming> timings;
  std::vector<QueryAnalysis> analyses;
  std::vector<IndexReport> indexes;
  MixWeights mix;
  std::vector<LoadRun> load_runs;            // concurrent runs, quiet first
  std::vector<CapacityReport> capacities;    // --find-capacity, per phase
  WriterState writer;
  AdvisorReport advisor;
  ColdReport cold;
};

// meets_target: the gate's one rule: p95 at or below the target.
inline bool meets_target(const QueryTiming& timing, double target_ms) { return timing.latency.p95 <= target_ms; }

// failing_timings: the timings that do not meet the target, in report order.
std::vector<QueryTiming> failing_timings(const BenchReport& report);

// GateFailure: one measurement over the target: a single-client timing ("query/class") or a concurrent
// cell ("phase: query/class, N clients").
struct GateFailure {
  std::string label;
  double p95_ms = 0;
};

// gate_failures: every single-client timing and every concurrent cell whose p95 exceeds the target.
std::vector<GateFailure> gate_failures(const BenchReport& report);

const char* verdict_name(IndexVerdict verdict);   // "essential", "helpful", "unused", "redundant"

}  // namespace seedgen::bench

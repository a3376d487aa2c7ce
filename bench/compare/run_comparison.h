// run_comparison.h: two seedbench runs side by side (seedbench compare A.json B.json, or a run with
// --baseline): for every series (the single-client timings, each concurrent phase), every query and every
// account class in both, p50/p95/p99 old and new and their change, and which changes are regressions.
// A regression is a figure (p95 unless the rule names p50 or p99) that grew by more than max_regression
// (a share: 0.5 is +50 %) AND by more than min_change_ms, so sub-millisecond jitter never fails a gate.
// Pure functions over plain values.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// SeriesPoint: one query and class of one series in one run.
struct SeriesPoint {
  double p50_ms = 0, p95_ms = 0, p99_ms = 0;
  int64_t count = 0;

  // at: p50_ms, p95_ms or p99_ms for percentile 50, 95 or 99.
  double at(int percentile) const { return percentile == 50 ? p50_ms : percentile == 99 ? p99_ms : p95_ms; }
};

// RegressionRule: what counts as a regression: `percentile` (50, 95 or 99) grew by more than
// max_regression and by more than min_change_ms.
struct RegressionRule {
  double max_regression = 0.5;
  double min_change_ms = 1;
  int percentile = 95;
};

// ComparableRun: what a comparison needs of one run, keyed series -> "query/class" -> point. Series are
// "single client" and "<phase>, <N> clients, closed loop" or "<phase>, <N> clients, <R>/s open loop".
struct ComparableRun {
  std::string label;          // e.g. the file name, or "this run"
  std::string started_at, host, profile, dataset;   // dataset: "profile seed S, run R"
  double target_ms = 100;
  std::map<std::string, std::map<std::string, SeriesPoint>> series;
};

// comparable_run: the ComparableRun of a report in memory (this run).
ComparableRun comparable_run(const BenchReport& report, const std::string& label);

// series_name: the name of a concurrent phase's series, e.g. "quiet, 4 clients, closed loop".
std::string series_name(const std::string& phase, int clients, double rate_qps);

inline constexpr const char* kSingleClientSeries = "single client";

struct ComparisonRow {
  std::string series, query, account_class;
  SeriesPoint old_point, new_point;
  double change = 0;           // new / old - 1 of the rule's percentile; 0 when old is 0
  bool regression = false;
};

struct Comparison {
  ComparableRun old_run, new_run;
  std::vector<ComparisonRow> rows;          // keys in both runs: by series, then query, then class
  std::vector<std::string> only_old;        // "series: query/class" present in one run only
  std::vector<std::string> only_new;
  RegressionRule rule;
  bool same_dataset = true;

  size_t regressions() const;
};

Comparison compare_runs(const ComparableRun& old_run, const ComparableRun& new_run, const RegressionRule& rule);

}  // namespace seedgen::bench

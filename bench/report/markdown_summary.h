// markdown_summary.h: the short seedbench summary for CI logs and pull-request comments (GitHub Markdown).
// Promises one table row per timing, in report order, marked ✓ or ✗ by p95 against target_ms (the gate's
// rule), and table cells with their '|' escaped so a name cannot break the table.
#pragma once

#include <string>

#include "bench/compare/run_comparison.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

// render_markdown_summary: a header line with the dataset fingerprint and the gate result; the table
// query | class | p50 | p95 | p99 | max | rows | ok; the failing list (timings and concurrent figures);
// the optional phases (markdown_phases.h); one line counting index verdicts; the low-selectivity indexes
// with their selectivity; and the regressions against `baseline` when it is not null.
std::string render_markdown_summary(const BenchReport& report, const Comparison* baseline = nullptr);

}  // namespace seedgen::bench

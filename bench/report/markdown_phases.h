// markdown_phases.h: the Markdown summary's parts for seedbench's optional phases and for comparisons:
// per concurrent run its throughput and tail and a per-query table of quiet and under-writes p95, the
// capacity found, the advisor's recommendations (Supabase index_advisor() shape), cold against warm, and
// a comparison of two runs. Each returns "" when its phase did not run. Table cells have '|' escaped.
#pragma once

#include <string>

#include "bench/compare/run_comparison.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

std::string markdown_concurrency(const BenchReport& report);
std::string markdown_capacity(const BenchReport& report);
std::string markdown_advisor(const BenchReport& report);
std::string markdown_cold(const BenchReport& report);

// markdown_comparison: the verdict line, then one row per compared figure (all of them when `all_rows`,
// else the regressions only): series | query | class | p50/p95/p99 old | new | p95 change.
std::string markdown_comparison(const Comparison& comparison, bool all_rows);

// markdown_cell: `text` safe inside a table cell.
std::string markdown_cell(const std::string& text);

}  // namespace seedgen::bench

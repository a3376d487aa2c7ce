// overview_chart.h: the two charts at the top of the HTML report, one compact row per query so that the
// whole catalog fits on one screen instead of dozens of cards:
//  - the overview: each query's p95 for its worst account class as a bar (green within the target, red
//    over it), a white tick at p50, and a dark diamond at the p95 of the same query and class under
//    concurrent clients when there was a concurrent run; each label links to the query's card;
//  - the A/B view: each query's p95 in two runs as two thin bars (A grey, B blue, B red when it is a
//    regression), with the change in percent.
// Both share the report's log axis conventions (svg_chart.h). Pure functions; all text HTML-escaped.
#pragma once

#include <string>
#include <vector>

#include "bench/compare/run_comparison.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

// OverviewRow: one query in the overview.
struct OverviewRow {
  std::string query;
  std::string account_class;        // the worst class by p95
  double p50_ms = 0, p95_ms = 0;
  double concurrent_p95_ms = -1;    // <0: no concurrent figure
};

// overview_rows: one row per query of `report`, from the single-client timings (or, without them, the
// quiet concurrent run), slowest p95 first.
std::vector<OverviewRow> overview_rows(const BenchReport& report);

// render_overview_chart: <svg class="overview" id="overview"> of `rows` against `target_ms`.
std::string render_overview_chart(const std::vector<OverviewRow>& rows, double target_ms);

// AbRow: one query and class in the A/B view.
struct AbRow {
  std::string label;                // "query/class"
  double old_p95_ms = 0, new_p95_ms = 0;
  bool regression = false;
};

// ab_rows: the rows of one series of `comparison` ("single client" if present, else its first series),
// biggest p95 of the two runs first, at most `limit` rows, each query at its worst class of either run.
std::vector<AbRow> ab_rows(const Comparison& comparison, size_t limit);

// render_ab_chart: <svg class="ab" id="ab-view"> of `rows`, A and B named in the legend.
std::string render_ab_chart(const std::vector<AbRow>& rows, double target_ms, const std::string& old_label,
                            const std::string& new_label);

}  // namespace seedgen::bench

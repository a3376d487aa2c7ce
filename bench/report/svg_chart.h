// svg_chart.h: the inline-SVG latency chart of one query in the HTML report, and its log-scale x axis.
// A chart has one row per account class: a bar to p95 (red above the target, green at or below), a
// white tick at p50, a dark tick at p99, a dot at max, and a dashed line at the target. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// LogScale: maps milliseconds in [lo_ms, hi_ms] to pixels in [left_px, right_px] on a log10 scale.
// Values outside the domain (and non-positive ones) are clamped to its ends.
// REQUIRES: 0 < lo_ms < hi_ms.
struct LogScale {
  double lo_ms = 0.01;
  double hi_ms = 1000;
  double left_px = 0;
  double right_px = 1;

  // x: left_px + (log10(ms) - log10(lo_ms)) / (log10(hi_ms) - log10(lo_ms)) * (right_px - left_px).
  double x(double ms) const;
};

// The chart's fixed geometry, in SVG user units (the page renders them 1:1).
inline constexpr double kChartWidth = 1100;
inline constexpr double kChartPlotLeft = 140;    // after the account-class labels
inline constexpr double kChartPlotRight = 720;   // before the number columns
inline constexpr double kChartLowMs = 0.01;

// chart_high_ms: the right end of every chart's axis: max(2 × target, the slowest max of any timing),
// shared by all charts of a report so that their bars compare.
double chart_high_ms(const BenchReport& report);

// chart_scale: the LogScale of every chart of `report`: kChartLowMs .. chart_high_ms over the plot area.
LogScale chart_scale(const BenchReport& report);

// render_latency_chart: one <svg> element for `timings` (the rows of one query, in order) against
// `target_ms`. The target line is the <line class="target"> element; its x1 is scale.x(target_ms)
// printed with one decimal. All text is HTML-escaped.
std::string render_latency_chart(const std::vector<QueryTiming>& timings, double target_ms, const LogScale& scale);

// append_log_grid: the decade and minor grid lines between y `top` and `bottom`, the decade labels below
// and the "ms, log" caption, as every chart of the report draws them.
void append_log_grid(std::string& svg, const LogScale& scale, double top, double bottom);

// append_target_line: the dashed target line (<line class="target">, x1 = scale.x(target_ms) with one
// decimal) from `top` to `bottom`, with its label above `top`.
void append_target_line(std::string& svg, const LogScale& scale, double target_ms, double top, double bottom);

}  // namespace seedgen::bench

// svg_chart.cc: draws one query's latency rows as inline SVG on a shared log-scale axis.
#include "bench/report/svg_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bench/report/report_format.h"

namespace seedgen::bench {

namespace {

constexpr double kTop = 34;          // room for the column headers and the target label
constexpr double kRowHeight = 30;
constexpr double kBottom = 34;       // room for the axis labels
constexpr double kBarHalf = 7;
constexpr size_t kLabelChars = 15;   // what fits left of the plot at the label's font size; <title> has it all

// The number columns right of the plot: each header and value is right-aligned at its x.
struct NumberColumn {
  const char* header;
  double right_x;
};
constexpr NumberColumn kColumns[] = {{"p50", 810}, {"p95", 882}, {"p99", 954}, {"max", 1026}, {"rows", 1096}};

constexpr const char* kGreen = "#16a34a";
constexpr const char* kRed = "#dc2626";
constexpr const char* kInk = "#111827";
constexpr const char* kTargetColour = "#c2410c";

std::string px(double value) { return fmt::format("{:.1f}", value); }

// axis_label: a decade tick's label: "0.1", "1", "10", ... (plain numbers; the axis caption gives "ms").
std::string axis_label(double ms) { return ms < 1 ? fmt::format("{:g}", ms) : fmt::format("{:.0f}", ms); }

}  // namespace

void append_log_grid(std::string& svg, const LogScale& scale, double top, double bottom) {
  for (double decade = scale.lo_ms; decade <= scale.hi_ms * 1.000001; decade *= 10) {
    for (int multiple = 2; multiple <= 9; ++multiple) {
      double minor = decade * multiple;
      if (minor > scale.hi_ms) break;
      svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#f1f5f9"/>)", px(scale.x(minor)),
                         px(top), px(bottom));
    }
    std::string x = px(scale.x(decade));
    svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#d1d5db"/>)", x, px(top), px(bottom + 4));
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" class="axis">{}</text>)", x, px(bottom + 18),
                       axis_label(decade));
  }
  svg += fmt::format(R"(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#9ca3af"/>)", px(scale.left_px),
                     px(scale.right_px), px(bottom));
  svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="axis">ms, log</text>)",
                     px(scale.left_px - 16), px(bottom + 18));
}

namespace {

void append_row(std::string& svg, const QueryTiming& timing, double target_ms, const LogScale& scale, double top) {
  const LatencyStats& latency = timing.latency;
  double center = top + kRowHeight / 2;
  bool over = !meets_target(timing, target_ms);
  svg += fmt::format("<g><title>{} / {}: p50 {} ms, p95 {} ms, p99 {} ms, max {} ms, mean {} ms, {} iterations</title>",
                     html_escape(timing.query), html_escape(timing.account_class), format_ms(latency.p50),
                     format_ms(latency.p95), format_ms(latency.p99), format_ms(latency.max), format_ms(latency.mean),
                     latency.iterations);
  svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="label">{}</text>)", px(scale.left_px - 14),
                     px(center + 4.5), html_escape(truncate_label(timing.account_class, kLabelChars)));
  double bar_end = scale.x(latency.p95);
  svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}"/>)", px(scale.left_px),
                     px(center - kBarHalf), px(std::max(0.0, bar_end - scale.left_px)), px(2 * kBarHalf),
                     over ? kRed : kGreen);
  svg += fmt::format(R"(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#6b7280" stroke-width="1.5"/>)", px(bar_end),
                     px(scale.x(latency.max)), px(center));
  std::string p50 = px(scale.x(latency.p50));
  svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#ffffff" stroke-width="2"/>)", p50,
                     px(center - kBarHalf + 2), px(center + kBarHalf - 2));
  std::string p99 = px(scale.x(latency.p99));
  svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}" stroke-width="2"/>)", p99,
                     px(center - kBarHalf - 3), px(center + kBarHalf + 3), kInk);
  svg += fmt::format(R"(<circle cx="{}" cy="{}" r="4" fill="{}"/>)", px(scale.x(latency.max)), px(center), kInk);

  const std::string values[] = {format_ms(latency.p50), format_ms(latency.p95), format_ms(latency.p99),
                                format_ms(latency.max), format_count(static_cast<double>(timing.rows_returned))};
  for (size_t column = 0; column < std::size(kColumns); ++column) {
    bool alarm = column == 1 && over;
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="{}">{}</text>)", px(kColumns[column].right_x),
                       px(center + 4.5), alarm ? "num over" : "num", values[column]);
  }
  svg += "</g>";
}

}  // namespace

double LogScale::x(double ms) const {
  double clamped = std::clamp(ms > 0 ? ms : lo_ms, lo_ms, hi_ms);
  double share = (std::log10(clamped) - std::log10(lo_ms)) / (std::log10(hi_ms) - std::log10(lo_ms));
  return left_px + share * (right_px - left_px);
}

double chart_high_ms(const BenchReport& report) {
  double high = std::max(report.target_ms * 2, kChartLowMs * 10);
  for (const auto& timing : report.timings) high = std::max(high, timing.latency.max);
  return high;
}

LogScale chart_scale(const BenchReport& report) {
  return LogScale{kChartLowMs, chart_high_ms(report), kChartPlotLeft, kChartPlotRight};
}

std::string render_latency_chart(const std::vector<QueryTiming>& timings, double target_ms, const LogScale& scale) {
  double plot_bottom = kTop + kRowHeight * static_cast<double>(timings.size());
  double height = plot_bottom + kBottom;
  std::string query = timings.empty() ? "" : timings.front().query;
  std::string svg = fmt::format(
      R"(<svg class="chart" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Latency of {2} per account class">)",
      px(kChartWidth), px(height), html_escape(query));
  for (size_t row = 1; row < timings.size(); row += 2) {
    svg += fmt::format(R"(<rect x="0" y="{}" width="{}" height="{}" fill="#f8fafc"/>)",
                       px(kTop + kRowHeight * static_cast<double>(row)), px(kChartWidth), px(kRowHeight));
  }
  append_log_grid(svg, scale, kTop - 6, plot_bottom);
  for (const auto& column : kColumns) {
    svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="head">{}</text>)", px(column.right_x),
                       px(kTop - 12), column.header);
  }
  for (size_t row = 0; row < timings.size(); ++row) {
    append_row(svg, timings[row], target_ms, scale, kTop + kRowHeight * static_cast<double>(row));
  }
  append_target_line(svg, scale, target_ms, kTop - 8, plot_bottom);
  svg += "</svg>";
  return svg;
}

void append_target_line(std::string& svg, const LogScale& scale, double target_ms, double top, double bottom) {
  std::string target_x = px(scale.x(target_ms));
  // A white halo under the dashed line keeps it visible where it crosses a bar.
  svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#ffffff" stroke-width="4" opacity="0.85"/>)",
                     target_x, px(top), px(bottom));
  svg += fmt::format(
      R"(<line class="target" x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}" stroke-width="1.5" stroke-dasharray="6 4"/>)",
      target_x, px(top), px(bottom), kTargetColour);
  svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" class="target-label">{} ms</text>)", target_x,
                     px(top - 4), format_ms(target_ms));
}

}  // namespace seedgen::bench

// overview_chart.cc: the overview and A/B charts, one 18-px row per query on a shared log axis.
#include "bench/report/overview_chart.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "bench/report/html_sections.h"
#include "bench/report/report_format.h"
#include "bench/report/svg_chart.h"
#include "bench/stats/latency_stats.h"

namespace seedgen::bench {
namespace {

constexpr double kWidth = 1100;
constexpr double kPlotLeft = 330;
constexpr double kPlotRight = 930;
constexpr double kTop = 40;
constexpr double kRow = 18;
constexpr double kBottom = 34;
constexpr size_t kLabelChars = 44;
constexpr const char* kGreen = "#16a34a";
constexpr const char* kRed = "#dc2626";
constexpr const char* kInk = "#111827";
constexpr const char* kOld = "#94a3b8";
constexpr const char* kNew = "#2563eb";

std::string px(double value) { return fmt::format("{:.1f}", value); }

LogScale scale_for(double high_ms, double target_ms) {
  return LogScale{kChartLowMs, std::max({target_ms * 2, high_ms, kChartLowMs * 10}), kPlotLeft, kPlotRight};
}

std::string open_svg(const char* css_class, const char* id, size_t rows, const std::string& label) {
  const double height = kTop + kRow * static_cast<double>(rows) + kBottom;
  return fmt::format(R"(<svg class="{0}" id="{1}" width="{2}" height="{3}" viewBox="0 0 {2} {3}" role="img" aria-label="{4}">)",
                     css_class, id, px(kWidth), px(height), html_escape(label));
}

void append_stripes(std::string& svg, size_t rows) {
  for (size_t row = 1; row < rows; row += 2) {
    svg += fmt::format(R"(<rect x="0" y="{}" width="{}" height="{}" fill="#f8fafc"/>)",
                       px(kTop + kRow * static_cast<double>(row)), px(kWidth), px(kRow));
  }
}

void append_label(std::string& svg, const std::string& text, const std::string& anchor, double center) {
  const std::string label = html_escape(truncate_label(text, kLabelChars));
  const std::string element = fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="label small">{}</text>)",
                                          px(kPlotLeft - 10), px(center + 4), label);
  svg += anchor.empty() ? element : fmt::format(R"(<a href="#{}">{}</a>)", anchor, element);
}

void append_bar(std::string& svg, const LogScale& scale, double ms, double center, double half, const char* fill) {
  svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" rx="1.5" fill="{}"/>)", px(kPlotLeft),
                     px(center - half), px(std::max(1.0, scale.x(ms) - kPlotLeft)), px(2 * half), fill);
}

void append_value(std::string& svg, const std::string& text, double center, bool alarm) {
  svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="{}">{}</text>)", px(kWidth - 6), px(center + 4),
                     alarm ? "num over" : "num", text);
}

void append_overview_row(std::string& svg, const OverviewRow& row, double target_ms, const LogScale& scale, double top) {
  const double center = top + kRow / 2;
  const bool over = row.p95_ms > target_ms;
  svg += fmt::format("<g><title>{} / {}: p50 {} ms, p95 {} ms{}</title>", html_escape(row.query),
                     html_escape(row.account_class), format_ms(row.p50_ms), format_ms(row.p95_ms),
                     row.concurrent_p95_ms < 0 ? "" : ", p95 under concurrent clients " + format_ms(row.concurrent_p95_ms) + " ms");
  append_label(svg, row.query, query_anchor(row.query), center);
  append_bar(svg, scale, row.p95_ms, center, 5, over ? kRed : kGreen);
  const std::string p50 = px(scale.x(row.p50_ms));
  svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#ffffff" stroke-width="2"/>)", p50,
                     px(center - 3), px(center + 3));
  if (row.concurrent_p95_ms >= 0) {
    const double x = scale.x(row.concurrent_p95_ms);
    svg += fmt::format(R"(<path class="concurrent" d="M{0} {1} L{2} {3} L{0} {4} L{5} {3} Z" fill="{6}"/>)", px(x),
                       px(center - 5), px(x + 5), px(center), px(center + 5), px(x - 5), kInk);
  }
  std::string value = format_ms(row.p95_ms) + " ms";
  if (row.concurrent_p95_ms >= 0) value += " · " + format_ms(row.concurrent_p95_ms);
  append_value(svg, value, center, over || row.concurrent_p95_ms > target_ms);
  svg += "</g>";
}

void append_ab_row(std::string& svg, const AbRow& row, const LogScale& scale, double top) {
  const double center = top + kRow / 2;
  const double change = row.old_p95_ms > 0 ? row.new_p95_ms / row.old_p95_ms - 1 : 0;
  svg += fmt::format("<g><title>{}: A p95 {} ms, B p95 {} ms ({:+.0f} %)</title>", html_escape(row.label),
                     format_ms(row.old_p95_ms), format_ms(row.new_p95_ms), change * 100);
  append_label(svg, row.label, "", center);
  append_bar(svg, scale, row.old_p95_ms, center - 3, 2.5, kOld);
  append_bar(svg, scale, row.new_p95_ms, center + 3, 2.5, row.regression ? kRed : kNew);
  append_value(svg, fmt::format("{} → {} ms ({:+.0f} %)", format_ms(row.old_p95_ms), format_ms(row.new_p95_ms), change * 100),
               center, row.regression);
  svg += "</g>";
}

void append_key(std::string& svg, double x, const char* fill, const std::string& text, bool diamond = false) {
  if (diamond) {
    svg += fmt::format(R"(<path d="M{0} 8 L{1} 13 L{0} 18 L{2} 13 Z" fill="{3}"/>)", px(x + 5), px(x + 10), px(x), fill);
  } else {
    svg += fmt::format(R"(<rect x="{}" y="8" width="16" height="10" rx="1.5" fill="{}"/>)", px(x), fill);
  }
  svg += fmt::format(R"(<text x="{}" y="17" class="axis">{}</text>)", px(x + 22), html_escape(text));
}

}  // namespace

std::vector<OverviewRow> overview_rows(const BenchReport& report) {
  std::map<std::string, OverviewRow> worst;
  for (const auto& timing : report.timings) {
    OverviewRow& row = worst[timing.query];
    if (row.query.empty() || timing.latency.p95 > row.p95_ms) {
      row = OverviewRow{timing.query, timing.account_class, timing.latency.p50, timing.latency.p95, -1};
    }
  }
  const LoadRun* quiet = nullptr;
  for (const auto& run : report.load_runs) if (run.phase == kQuietPhase && !quiet) quiet = &run;
  if (quiet != nullptr) {
    for (const auto& cell : quiet->cells) {
      const LatencyStats stats = summarize_histogram(cell.latency_us);
      auto found = worst.find(cell.query);
      if (found == worst.end()) {   // no single-client figure: the concurrent one is the bar
        worst[cell.query] = OverviewRow{cell.query, cell.account_class, stats.p50, stats.p95, stats.p95};
      } else if (found->second.account_class == cell.account_class) {
        found->second.concurrent_p95_ms = stats.p95;
      }
    }
  }
  std::vector<OverviewRow> rows;
  for (auto& [query, row] : worst) rows.push_back(row);
  std::stable_sort(rows.begin(), rows.end(), [](const OverviewRow& a, const OverviewRow& b) { return a.p95_ms > b.p95_ms; });
  return rows;
}

std::string render_overview_chart(const std::vector<OverviewRow>& rows, double target_ms) {
  double high = 0;
  for (const auto& row : rows) high = std::max({high, row.p95_ms, row.concurrent_p95_ms});
  const LogScale scale = scale_for(high, target_ms);
  std::string svg = open_svg("overview", "overview", rows.size(), "p95 of every query at its worst account class");
  append_key(svg, kPlotLeft, kGreen, "p95, worst class, one client");
  append_key(svg, kPlotLeft + 230, kInk, "p95 under concurrent clients", true);
  append_stripes(svg, rows.size());
  const double bottom = kTop + kRow * static_cast<double>(rows.size());
  append_log_grid(svg, scale, kTop - 4, bottom);
  for (size_t index = 0; index < rows.size(); ++index) {
    append_overview_row(svg, rows[index], target_ms, scale, kTop + kRow * static_cast<double>(index));
  }
  append_target_line(svg, scale, target_ms, kTop - 4, bottom);
  return svg + "</svg>";
}

std::vector<AbRow> ab_rows(const Comparison& comparison, size_t limit) {
  const bool single = std::any_of(comparison.rows.begin(), comparison.rows.end(),
                                  [](const ComparisonRow& row) { return row.series == kSingleClientSeries; });
  const std::string series = single ? kSingleClientSeries : (comparison.rows.empty() ? "" : comparison.rows[0].series);
  std::map<std::string, AbRow> worst;
  for (const auto& row : comparison.rows) {
    if (row.series != series) continue;
    const double size = std::max(row.old_point.p95_ms, row.new_point.p95_ms);
    AbRow& kept = worst[row.query];
    if (kept.label.empty() || size > std::max(kept.old_p95_ms, kept.new_p95_ms)) {
      kept = AbRow{row.query + "/" + row.account_class, row.old_point.p95_ms, row.new_point.p95_ms, row.regression};
    }
  }
  std::vector<AbRow> rows;
  for (auto& [query, row] : worst) rows.push_back(row);
  std::stable_sort(rows.begin(), rows.end(), [](const AbRow& a, const AbRow& b) {
    return std::max(a.old_p95_ms, a.new_p95_ms) > std::max(b.old_p95_ms, b.new_p95_ms);
  });
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

std::string render_ab_chart(const std::vector<AbRow>& rows, double target_ms, const std::string& old_label,
                            const std::string& new_label) {
  double high = 0;
  for (const auto& row : rows) high = std::max({high, row.old_p95_ms, row.new_p95_ms});
  const LogScale scale = scale_for(high, target_ms);
  std::string svg = open_svg("ab", "ab-view", rows.size(), "p95 of every query in run A and run B");
  append_key(svg, kPlotLeft, kOld, "A: " + truncate_label(old_label, 36));
  append_key(svg, kPlotLeft + 300, kNew, "B: " + truncate_label(new_label, 36));
  append_stripes(svg, rows.size());
  const double bottom = kTop + kRow * static_cast<double>(rows.size());
  append_log_grid(svg, scale, kTop - 4, bottom);
  for (size_t index = 0; index < rows.size(); ++index) {
    append_ab_row(svg, rows[index], scale, kTop + kRow * static_cast<double>(index));
  }
  append_target_line(svg, scale, target_ms, kTop - 4, bottom);
  return svg + "</svg>";
}

}  // namespace seedgen::bench

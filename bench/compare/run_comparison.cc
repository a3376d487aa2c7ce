// run_comparison.cc: series of a report, and the row-by-row comparison.
#include "bench/compare/run_comparison.h"

#include <algorithm>

#include <fmt/format.h>

#include "bench/stats/latency_stats.h"

namespace seedgen::bench {
namespace {

SeriesPoint point_of(const LatencyStats& stats) {
  return SeriesPoint{stats.p50, stats.p95, stats.p99, stats.iterations};
}

}  // namespace

std::string series_name(const std::string& phase, int clients, double rate_qps) {
  const std::string loop = rate_qps > 0 ? fmt::format("{}/s open loop", rate_qps) : "closed loop";
  return fmt::format("{}, {} clients, {}", phase, clients, loop);
}

ComparableRun comparable_run(const BenchReport& report, const std::string& label) {
  ComparableRun run;
  run.label = label;
  run.started_at = report.run.started_at;
  run.host = report.run.host;
  run.profile = report.dataset.profile;
  run.dataset = fmt::format("{} seed {}, run {}", report.dataset.profile, report.dataset.seed, report.dataset.run_id);
  run.target_ms = report.target_ms;
  for (const auto& timing : report.timings) {
    run.series[kSingleClientSeries][timing.query + "/" + timing.account_class] = point_of(timing.latency);
  }
  for (const auto& load : report.load_runs) {
    auto& series = run.series[series_name(load.phase, load.clients, load.rate_qps)];
    for (const auto& cell : load.cells) {
      series[cell.query + "/" + cell.account_class] = point_of(summarize_histogram(cell.latency_us));
    }
  }
  return run;
}

size_t Comparison::regressions() const {
  return static_cast<size_t>(std::count_if(rows.begin(), rows.end(), [](const ComparisonRow& row) { return row.regression; }));
}

Comparison compare_runs(const ComparableRun& old_run, const ComparableRun& new_run, const RegressionRule& rule) {
  Comparison comparison{old_run, new_run, {}, {}, {}, rule, old_run.dataset == new_run.dataset};
  for (const auto& [series, old_points] : old_run.series) {
    const auto new_series = new_run.series.find(series);
    for (const auto& [key, old_point] : old_points) {
      const bool present = new_series != new_run.series.end() && new_series->second.count(key) > 0;
      if (!present) {
        comparison.only_old.push_back(series + ": " + key);
        continue;
      }
      ComparisonRow row;
      row.series = series;
      const auto slash = key.rfind('/');
      row.query = key.substr(0, slash);
      row.account_class = key.substr(slash + 1);
      row.old_point = old_point;
      row.new_point = new_series->second.at(key);
      const double before = old_point.at(rule.percentile);
      const double after = row.new_point.at(rule.percentile);
      row.change = before > 0 ? after / before - 1 : 0;
      row.regression = after > before * (1 + rule.max_regression) && after - before > rule.min_change_ms;
      comparison.rows.push_back(row);
    }
  }
  for (const auto& [series, new_points] : new_run.series) {
    const auto old_series = old_run.series.find(series);
    for (const auto& [key, point] : new_points) {
      if (old_series == old_run.series.end() || old_series->second.count(key) == 0) {
        comparison.only_new.push_back(series + ": " + key);
      }
    }
  }
  return comparison;
}

}  // namespace seedgen::bench

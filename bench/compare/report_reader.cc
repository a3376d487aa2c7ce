// report_reader.cc: nlohmann::json to ComparableRun.
#include "bench/compare/report_reader.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace seedgen::bench {
namespace {

using nlohmann::json;

SeriesPoint point_of(const json& row, const char* count_field) {
  return SeriesPoint{row.at("p50_ms").get<double>(), row.at("p95_ms").get<double>(), row.at("p99_ms").get<double>(),
                     row.at(count_field).get<int64_t>()};
}

ComparableRun from_json(const json& document, const std::string& label) {
  ComparableRun run;
  run.label = label;
  const json& dataset = document.at("dataset");
  run.profile = dataset.at("profile").get<std::string>();
  run.dataset = fmt::format("{} seed {}, run {}", run.profile, dataset.at("seed").get<int64_t>(),
                            dataset.at("run_id").get<int64_t>());
  run.target_ms = document.at("target_ms").get<double>();
  if (document.contains("run")) {   // reports older than seedbench v2 have no run section
    run.started_at = document["run"].value("started_at", "");
    run.host = document["run"].value("host", "");
  }
  for (const auto& timing : document.at("timings")) {
    const std::string key = timing.at("query").get<std::string>() + "/" + timing.at("account_class").get<std::string>();
    run.series[kSingleClientSeries][key] = point_of(timing, "iterations");
  }
  if (!document.contains("concurrency")) return run;
  for (const auto& load : document["concurrency"].at("runs")) {
    auto& series = run.series[series_name(load.at("phase").get<std::string>(), load.at("clients").get<int>(),
                                          load.at("rate_qps").get<double>())];
    for (const auto& cell : load.at("cells")) {
      series[cell.at("query").get<std::string>() + "/" + cell.at("account_class").get<std::string>()] =
          point_of(cell, "count");
    }
  }
  return run;
}

}  // namespace

ComparableRun read_comparable_run(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorKind::kIo, fmt::format("cannot read {}", path));
  std::stringstream text;
  text << in.rdbuf();
  try {
    return from_json(json::parse(text.str()), path);
  } catch (const json::exception& error) {
    throw Error(ErrorKind::kIo, fmt::format("{} is not a seedbench JSON report: {}", path, error.what()));
  }
}

}  // namespace seedgen::bench

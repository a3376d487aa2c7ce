// histogram_json.cc: LogHistogram to and from its sparse JSON form.
#include "bench/report/histogram_json.h"

#include "core/error.h"

namespace seedgen::bench {

nlohmann::json histogram_json(const LogHistogram& histogram) {
  nlohmann::json buckets = nlohmann::json::array();
  for (const auto& [value, count] : histogram.buckets()) buckets.push_back({value, count});
  return {{"unit", "us"},           {"significant_digits", 3},  {"count", histogram.count()},
          {"min", histogram.min()}, {"max", histogram.max()},   {"sum", histogram.sum()},
          {"buckets", buckets}};
}

LogHistogram histogram_from_json(const nlohmann::json& json) {
  try {
    if (json.at("unit").get<std::string>() != "us") throw Error(ErrorKind::kIo, "a histogram is not in microseconds");
    std::vector<std::pair<int64_t, int64_t>> buckets;
    for (const auto& bucket : json.at("buckets")) buckets.emplace_back(bucket.at(0).get<int64_t>(), bucket.at(1).get<int64_t>());
    LogHistogram histogram = LogHistogram::from_buckets(buckets, json.at("min").get<int64_t>(),
                                                        json.at("max").get<int64_t>(), json.at("sum").get<double>());
    if (histogram.count() != json.at("count").get<int64_t>()) {
      throw Error(ErrorKind::kIo, "a histogram's buckets do not add up to its count");
    }
    return histogram;
  } catch (const nlohmann::json::exception& error) {
    throw Error(ErrorKind::kIo, std::string("a histogram is malformed: ") + error.what());
  }
}

}  // namespace seedgen::bench

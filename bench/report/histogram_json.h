// histogram_json.h: the JSON form of a LogHistogram, in seedbench's report and read back by
// `seedbench compare`:
//   {"unit": "us", "significant_digits": 3, "count", "min", "max", "sum",
//    "buckets": [[lowest value of the bucket, count], ...]}   (non-empty buckets, ascending)
// Reading it back gives the same buckets, count, min, max and mean, so histograms of two runs (or of
// several repetitions) can be merged and their percentiles read exactly as if recorded together.
#pragma once

#include <nlohmann/json.hpp>

#include "bench/stats/log_histogram.h"

namespace seedgen::bench {

nlohmann::json histogram_json(const LogHistogram& histogram);

// histogram_from_json: the histogram `json` describes. Throws Error(kIo) naming what is wrong when it is
// not in the form above.
LogHistogram histogram_from_json(const nlohmann::json& json);

}  // namespace seedgen::bench

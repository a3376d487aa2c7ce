// load_report.cc: views of a concurrent run that several writers and the capacity search share.
#include "bench/model/load_report.h"

#include <algorithm>

namespace seedgen::bench {

std::vector<LoadCell> merge_by_query(const LoadRun& run) {
  std::vector<LoadCell> merged;
  for (const auto& cell : run.cells) {
    auto found = std::find_if(merged.begin(), merged.end(), [&cell](const LoadCell& m) { return m.query == cell.query; });
    if (found == merged.end()) {
      merged.push_back({cell.query, "all", {}});
      found = merged.end() - 1;
    }
    found->latency_us.merge(cell.latency_us);
  }
  return merged;
}

}  // namespace seedgen::bench

// index_inventory.h: turns the database's index facts and counters into the report's index rows, before
// the verdicts are judged. An index belongs to the query catalog when its comment starts with
// kCatalogIndexComment (the agent-query migration comments every index it adds that way).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "bench/model/bench_report.h"
#include "bench/db/index_catalog.h"

namespace seedgen::bench {

inline constexpr const char* kCatalogIndexComment = "agent query catalog:";

struct IndexCounters {
  std::map<std::string, int64_t> scans_before;
  std::map<std::string, int64_t> scans_after;
  std::map<std::string, double> build_seconds;   // from the load's record
};

std::vector<IndexReport> inventory_indexes(const std::vector<IndexFacts>& facts, const IndexCounters& counters);

// catalog_index_names: the indexes the query catalog's migration added.
std::vector<std::string> catalog_index_names(const std::vector<IndexFacts>& facts);

}  // namespace seedgen::bench

// index_inventory.cc: one IndexReport per index, with its counters and leading-column selectivity.
#include "bench/run/index_inventory.h"

#include "bench/analysis/index_verdicts.h"

namespace seedgen::bench {
namespace {

bool from_catalog(const IndexFacts& facts) { return facts.comment.rfind(kCatalogIndexComment, 0) == 0; }

template <typename Value>
Value value_or(const std::map<std::string, Value>& values, const std::string& key, Value fallback) {
  const auto found = values.find(key);
  return found == values.end() ? fallback : found->second;
}

}  // namespace

std::vector<IndexReport> inventory_indexes(const std::vector<IndexFacts>& facts, const IndexCounters& counters) {
  std::vector<IndexReport> reports;
  for (const auto& index : facts) {
    IndexReport report;
    report.name = index.name;
    report.table = index.table;
    report.definition = index.definition;
    report.columns = index.columns;
    report.predicate = index.predicate;
    report.is_unique = index.is_unique;
    report.backs_constraint = index.backs_constraint;
    report.from_query_catalog = from_catalog(index);
    report.size_bytes = index.size_bytes;
    report.build_seconds = value_or(counters.build_seconds, index.name, -1.0);
    report.scans_gained = value_or<int64_t>(counters.scans_after, index.name, 0) -
                          value_or<int64_t>(counters.scans_before, index.name, 0);
    report.leading_selectivity = share_per_value(index.leading_n_distinct, index.table_rows);
    reports.push_back(std::move(report));
  }
  return reports;
}

std::vector<std::string> catalog_index_names(const std::vector<IndexFacts>& facts) {
  std::vector<std::string> names;
  for (const auto& index : facts) {
    if (from_catalog(index)) names.push_back(index.name);
  }
  return names;
}

}  // namespace seedgen::bench

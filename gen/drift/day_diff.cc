// day_diff.cc: the differences between two observed days of a fleet (diff_days in drift.h).
#include <algorithm>

#include "drift/drift.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

struct KeyedRow {
  std::string_view key;
  const std::string* row;
};

std::vector<KeyedRow> keyed(const std::vector<std::string>& rows, int fields) {
  std::vector<KeyedRow> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back({key_of(row, fields), &row});
  std::sort(out.begin(), out.end(), [](const KeyedRow& a, const KeyedRow& b) { return a.key < b.key; });
  return out;
}

// diff_table: a merge of the two days' rows in key order.
TableDiff diff_table(const std::vector<std::string>& before, const std::vector<std::string>& after, int fields) {
  const auto old_rows = keyed(before, fields), new_rows = keyed(after, fields);
  TableDiff diff;
  size_t i = 0, j = 0;
  while (i < old_rows.size() || j < new_rows.size()) {
    if (j == new_rows.size() || (i < old_rows.size() && old_rows[i].key < new_rows[j].key)) {
      diff.deletes.emplace_back(old_rows[i++].key);
    } else if (i == old_rows.size() || new_rows[j].key < old_rows[i].key) {
      diff.inserts.push_back(*new_rows[j++].row);
    } else {
      if (*old_rows[i].row != *new_rows[j].row) diff.updates.push_back(*new_rows[j].row);
      ++i;
      ++j;
    }
  }
  return diff;
}

}  // namespace

std::string_view key_of(std::string_view row, int fields) {
  size_t end = 0, from = 0;
  for (int field = 0; field < fields; ++field) {
    end = row.find('\t', from);
    if (end == std::string_view::npos) return row;
    from = end + 1;
  }
  return row.substr(0, end);
}

uint64_t DayDiff::changed_rows() const {
  uint64_t total = 0;
  for (const auto& table : tables) total += table.inserts.size() + table.updates.size() + table.deletes.size();
  return total;
}

DayDiff diff_days(const DayRows& before, const DayRows& after) {
  DayDiff diff;
  diff.from_day = before.day;
  diff.to_day = after.day;
  const auto& specs = table_specs();
  diff.tables.resize(specs.size());
  for (size_t table = 0; table < specs.size(); ++table) {
    diff.tables[table] = diff_table(before.tables.at(table), after.tables.at(table), table_key_fields(specs[table]));
  }
  return diff;
}

}  // namespace seedgen

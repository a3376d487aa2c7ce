// day_rows.cc: one observed day of a fleet, generated into memory (collect_day in drift.h).
#include <string>

#include "drift/drift.h"
#include "model/world.h"
#include "pipeline/pipeline.h"
#include "pipeline/table_sink.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

size_t index_of(const TableSpec& table) { return static_cast<size_t>(&table - table_specs().data()); }

// RowCollector: splits each table's COPY text into rows. The pipeline hands whole rows in its chunks, but
// nothing promises it, so a row cut across two writes is joined.
class RowCollector : public TableSink {
 public:
  explicit RowCollector(DayRows& rows) : rows_(rows) { rows_.tables.assign(table_specs().size(), {}); }

  void begin_table(const TableSpec&) override { partial_.clear(); }
  void write(const TableSpec& table, std::string_view bytes) override {
    auto& out = rows_.tables[index_of(table)];
    while (!bytes.empty()) {
      const size_t end = bytes.find('\n');
      if (end == std::string_view::npos) {
        partial_.append(bytes);
        return;
      }
      partial_.append(bytes.substr(0, end));
      out.push_back(std::move(partial_));
      partial_.clear();
      bytes.remove_prefix(end + 1);
    }
  }
  void end_table(const TableSpec& table) override {
    if (!partial_.empty()) rows_.tables[index_of(table)].push_back(std::move(partial_));
    partial_.clear();
  }

 private:
  DayRows& rows_;
  std::string partial_;
};

}  // namespace

DayRows collect_day(const World& world, int jobs, const std::atomic<bool>* cancel) {
  DayRows rows;
  rows.day = world.as_of_day();
  RowCollector collector(rows);
  GenerationOptions options;
  options.jobs = jobs;
  options.cancel = cancel;
  rows.result = generate(world, options, collector);
  return rows;
}

}  // namespace seedgen

// drift.h: the drift domain's contract. A day of drift is the difference between two pure days of the
// same fleet: the rows a load observed at the end of day d - 1 would hold against those of a load observed
// at the end of day d (docs/MODEL.md, section 6). Nothing here replays history: both days are generated
// from (profile, seed, day) alone, so any day can be computed on its own and applying the differences of
// days D+1..D+k to a load of day D gives exactly a load of day D+k.
//
// A row is identified by its table's key fields (table_key_fields: the leading `id`, or the answer key's
// and the price list's natural keys); a row of the older day whose key is missing from the newer one is
// deleted, a new key is inserted, a key whose text changed is updated. The model knows nothing of the
// database: gen/db/drift_writer.h applies a DayDiff in one transaction.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/pipeline.h"

namespace seedgen {

struct World;

// DayRows: every table's COPY text rows (without their newline) of one observed day, indexed like
// table_specs(), each table's rows in generation order.
struct DayRows {
  int32_t day = 0;
  std::vector<std::vector<std::string>> tables;
  GenerationResult result;   // the day's rows, bytes and sha256 per table and its cost and key totals
};

// TableDiff: what turns one day's rows of a table into the next day's, each list sorted by key.
struct TableDiff {
  std::vector<std::string> inserts;   // whole rows, keys the older day lacks
  std::vector<std::string> updates;   // whole rows, keys both days hold with different text
  std::vector<std::string> deletes;   // key fields only (tab-separated), keys the newer day lacks
  bool empty() const { return inserts.empty() && updates.empty() && deletes.empty(); }
};

struct DayDiff {
  int32_t from_day = 0, to_day = 0;
  std::vector<TableDiff> tables;      // indexed like table_specs()
  uint64_t changed_rows() const;
};

// collect_day: generates the fleet of `world` (observed at world.as_of_day()) into memory, with `jobs`
// worker threads. Throws Error(kInterrupted) once *cancel is true.
DayRows collect_day(const World& world, int jobs, const std::atomic<bool>* cancel);

// diff_days: the differences from `before` to `after` (same fleet, any two days).
DayDiff diff_days(const DayRows& before, const DayRows& after);

// key_of: the key fields of `row` (the first `fields` tab-separated fields, tabs kept).
std::string_view key_of(std::string_view row, int fields);

}  // namespace seedgen

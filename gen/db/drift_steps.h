// drift_steps.h: a day of drift cut into steps, and one step written inside a transaction. A step is a
// run of one table's inserts, updates or deletes; the steps come parent-first for inserts and updates and
// child-first for deletes (the foreign keys of the database decide), so every prefix of the steps leaves
// the fleet's keys consistent. seedgen drift writes all of a day's steps in one transaction; --follow
// writes each step in its own (drift_writer.h). Each step also records its events (seedgen.drift_events).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace seedgen {

class Connection;
struct DayDiff;
struct GenerationResult;

enum class Change { kInsert, kUpdate, kDelete };

struct DayStep {
  size_t table = 0;        // index into table_specs()
  Change change = Change::kInsert;
  size_t first = 0;        // the step's lines: [first, first + count) of the table's inserts, updates or deletes
  size_t count = 0;
};

// plan_day_steps: the day's steps, each at most `max_rows` lines, in the order above. The plan depends on
// the diff, the database's foreign keys and max_rows only, so a resumed day cuts the same steps.
std::vector<DayStep> plan_day_steps(pqxx::transaction_base& transaction, const DayDiff& diff,
                                    size_t max_rows = std::numeric_limits<size_t>::max());

// DayCounts: the day's rows inserted, updated and deleted per qualified table name (tables that change).
struct DayCounts {
  std::map<std::string, uint64_t> inserted, updated, deleted;
};
DayCounts count_changes(const DayDiff& diff);

// counts_json: {"schema.table": rows, ...}; checksums_json: {"schema.table": sha256, ...} of a generated day
// (the ledger row's columns).
std::string counts_json(const std::map<std::string, uint64_t>& counts);
std::string checksums_json(const GenerationResult& generated);

// StepAction: one statement of a step; a COPY ... FROM STDIN statement (copy = true) is fed the step's lines.
struct StepAction {
  std::string sql;
  bool copy = false;
};

// day_step_actions: the statements that write `step` of `diff` and its events for run `run_id`, in order
// (read from the catalog in `transaction`): stage the rows or keys in temporary tables, record the events,
// change the table (an update with the updated_at triggers off), drop the temporary tables.
std::vector<StepAction> day_step_actions(pqxx::transaction_base& transaction, const DayDiff& diff, const DayStep& step,
                                         int64_t run_id);

// step_lines: the step's lines of the diff.
std::vector<std::string> step_lines(const DayDiff& diff, const DayStep& step);

// write_day_step: runs day_step_actions inside `transaction` (which runs on `connection`'s session).
void write_day_step(Connection& connection, pqxx::transaction_base& transaction, const DayDiff& diff,
                    const DayStep& step, int64_t run_id);

}  // namespace seedgen

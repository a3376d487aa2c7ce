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
#include <utility>
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

// DayPlan: the day's steps and, for each table and change among them, the statements that write a step of it
// and its events for the run (read from the catalog once: stage the rows or keys in temporary tables, record
// the events, change the table, an update with the updated_at triggers off, drop the temporary tables). The
// statements are text, valid in any later transaction of the day.
class DayPlan {
 public:
  // DayPlan: the steps of `diff` for run `run_id`, each at most `max_rows` lines, in the order above. The cut
  // depends on the diff, the database's foreign keys and max_rows only, so a resumed day cuts the same steps.
  DayPlan(pqxx::transaction_base& transaction, const DayDiff& diff, int64_t run_id,
          size_t max_rows = std::numeric_limits<size_t>::max());

  const std::vector<DayStep>& steps() const { return steps_; }
  const std::vector<StepAction>& actions(const DayStep& step) const { return actions_.at({step.table, step.change}); }

 private:
  std::vector<DayStep> steps_;
  std::map<std::pair<size_t, Change>, std::vector<StepAction>> actions_;
};

// step_text: the step's lines of the diff, each ended by a newline (COPY text).
std::string step_text(const DayDiff& diff, const DayStep& step);

// write_day_step: runs the plan's actions for `step` inside `transaction` (on `connection`'s session).
void write_day_step(Connection& connection, pqxx::transaction_base& transaction, const DayDiff& diff, const DayPlan& plan,
                    const DayStep& step);

}  // namespace seedgen

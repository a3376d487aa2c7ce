#include "db/drift_change_set.h"

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/drift_steps.h"
#include "db/drift_writer.h"
#include "db/session.h"
#include "drift/drift.h"
#include "embedded_sql/drift.h"
#include "pipeline/pipeline.h"
#include "tables/table_registry.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

const char* change_name(Change change) {
  return change == Change::kInsert ? "insert" : change == Change::kUpdate ? "update" : "delete";
}

// psql_copy: `copy X from stdin` as psql's client-side \copy of `file` (one line, as psql wants it).
std::string psql_copy(const std::string& statement, const std::string& file) {
  const std::string head = "copy ", tail = " from stdin";
  if (statement.rfind(head, 0) != 0 || statement.size() < head.size() + tail.size() ||
      statement.compare(statement.size() - tail.size(), tail.size(), tail) != 0) {
    throw std::logic_error("not a COPY FROM STDIN statement: " + statement);
  }
  return "\\copy " + statement.substr(head.size(), statement.size() - head.size() - tail.size()) + " from '" + file + "'\n";
}

// prepared_call: one compiled-in statement with $n parameters, run by psql with `literals` (psql 15 cannot
// bind parameters itself).
std::string prepared_call(std::string_view sql, const std::vector<std::string>& literals) {
  std::string arguments;
  for (const auto& literal : literals) arguments += (arguments.empty() ? "" : ", ") + literal;
  return fmt::format("prepare seedgen_drift_call as\n{};\nexecute seedgen_drift_call({});\ndeallocate seedgen_drift_call;\n",
                     std::string(sql), arguments);
}

class ScriptWriter {
 public:
  ScriptWriter(pqxx::read_transaction& transaction, const DriftState& state, const DayDiff& diff, std::string folder)
      : transaction_(transaction), state_(state), diff_(diff), folder_(std::move(folder)) {}

  void write(const GenerationResult& generated) {
    const std::string from = iso_date(diff_.from_day), to = iso_date(diff_.to_day);
    std::string script = fmt::format(
        "-- seedgen drift change set: run {} (profile {}, seed {}) from {} to {}, written by seedgen {}.\n"
        "-- Apply it from this folder, once, to the database it was written from (or a copy) at {}:\n"
        "--   psql -X -v ON_ERROR_STOP=1 -f apply.sql \"$DATABASE_URL\"\n"
        "\\set ON_ERROR_STOP on\nbegin;\nselect seedgen.expect_drift_day({}, {}, {}) \\gset\n",
        state_.run_id, state_.profile, state_.seed, from, to, SEEDGEN_VERSION, from, state_.run_id, quote(from), quote(to));
    script += prepared_call(sql::drift::track_findings, {quote(state_.run_id), quote(from)});
    const DayPlan plan(transaction_, diff_, state_.run_id);
    for (size_t i = 0; i < plan.steps().size(); ++i) script += step(i, plan, plan.steps()[i]);
    for (const auto& refresh : run_sql(transaction_, sql::drift::refresh_rollups)) script += refresh[0].as<std::string>() + ";\n";
    script += prepared_call(sql::drift::track_findings, {quote(state_.run_id), quote(to)});
    const DayCounts counts = count_changes(diff_);
    script += prepared_call(sql::drift::record_day,
                            {quote(state_.run_id), quote(to), quote(std::string(SEEDGEN_VERSION)), quote(counts_json(counts.inserted)),
                             quote(counts_json(counts.updated)), quote(counts_json(counts.deleted)),
                             quote(checksums_json(generated)), fmt::format("{}", generated.monthly_cost),
                             fmt::format("{}", generated.planted_savings)});
    script += "commit;\n";
    write_text_file(folder_ + "/apply.sql", script);
  }

 private:
  template <class T>
  std::string quote(const T& value) { return transaction_.quote(value); }

  std::string step(size_t index, const DayPlan& plan, const DayStep& day_step) {
    const TableSpec& spec = table_specs()[day_step.table];
    const std::string file = fmt::format("{:03}-{}.{}.tsv", index, spec.name, change_name(day_step.change));
    write_text_file(folder_ + "/" + file, step_text(diff_, day_step));
    std::string text = fmt::format("-- {} {} rows of {}\n", day_step.count, change_name(day_step.change), spec.qualified_name());
    for (const StepAction& action : plan.actions(day_step)) {
      text += action.copy ? psql_copy(action.sql, file) : action.sql + ";\n";
    }
    return text;
  }

  pqxx::read_transaction& transaction_;
  const DriftState& state_;
  const DayDiff& diff_;
  std::string folder_;
};

}  // namespace

void write_change_set(Connection& connection, const DriftState& state, const DayDiff& diff,
                      const GenerationResult& generated, const std::string& folder) {
  create_folder(folder);
  pqxx::read_transaction transaction(connection.session());
  ScriptWriter(transaction, state, diff, folder).write(generated);
}

}  // namespace seedgen

// score_reader.cc: the run, the key and the findings table for seedgen score; SQL in sql/score/*.sql.
#include "db/score_reader.h"

#include <set>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "core/error.h"
#include "db/connection.h"
#include "embedded_sql/score.h"

namespace seedgen {
namespace {

namespace queries = seedgen::sql::score;
using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

struct Present {
  bool actions = false;        // the action executor's tables
  bool report_times = false;   // public.waste_findings.reported_at
};

// require_tables: throws unless the run log and key exist (and the findings table when asked for).
Present require_tables(Snapshot& transaction, bool read_findings_table) {
  const auto present = transaction.exec1(std::string(queries::schema_present));
  if (!present["has_runs"].as<bool>() || !present["has_answer_key"].as<bool>()) {
    throw Error(ErrorKind::kTarget, "the database has no seedgen run log or answer key: load a fleet with seedgen first");
  }
  if (read_findings_table && !present["has_findings_table"].as<bool>()) {
    throw Error(ErrorKind::kTarget,
                "public.waste_findings does not exist (the agent API's migration is not applied): migrate, or pass "
                "--findings FILE");
  }
  return {present["has_actions"].as<bool>(), present["has_report_times"].as<bool>()};
}

score::DatasetFingerprint read_run(Snapshot& transaction) {
  const auto rows = transaction.exec(std::string(queries::loaded_run));
  if (rows.empty()) throw Error(ErrorKind::kTarget, "no completed seedgen load in this database: run seedgen first");
  const auto& row = rows[0];
  return {row[0].as<int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
          row[4].as<std::string>(),
          nlohmann::json::parse(row[5].as<std::string>()).get<std::map<std::string, std::string>>()};
}

// read_findings: rows of (account, type, id, pattern, savings text); each is validated when `validate`.
std::vector<score::Finding> read_findings(Snapshot& transaction, std::string_view statement, bool validate) {
  std::vector<score::Finding> findings;
  for (const auto& row : transaction.exec(std::string(statement))) {
    const auto savings = row[4].as<std::string>();   // numeric as text, or '' for null
    score::Finding finding{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                           row[3].as<std::string>(), savings.empty() ? 0 : score::parse_money(savings).value_or(0)};
    if (validate) {
      if (auto problem = score::validate_finding(finding)) {
        throw Error(ErrorKind::kTarget, "public.waste_findings row (" + finding.account_id + ", " + finding.resource_type +
                                            ", " + finding.resource_id + ", " + finding.pattern + "): " + *problem);
      }
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

// add_missing: appends the rows of `more` whose identity `key` lacks.
void add_missing(std::vector<score::Finding>& key, std::vector<score::Finding> more) {
  std::set<std::string> known;
  for (const auto& finding : key) known.insert(finding.key());
  for (auto& finding : more) {
    if (known.insert(finding.key()).second) key.push_back(std::move(finding));
  }
}

score::Money money(const pqxx::field& field) { return score::parse_money(field.as<std::string>()).value_or(0); }

score::Execution read_execution(Snapshot& transaction, bool detection) {
  score::Execution execution;
  execution.measured = true;
  const auto totals = transaction.exec1(std::string(queries::execution));
  execution.completed = totals[0].as<int64_t>();
  execution.failed = totals[1].as<int64_t>();
  execution.monthly_savings = money(totals[2]);
  execution.realised_savings = money(totals[3]);
  execution.drifted_days = totals[4].as<int64_t>();
  for (const auto& row : transaction.exec(std::string(queries::incidents))) {
    execution.incidents[row[0].as<std::string>()] = {row[1].as<int64_t>(), money(row[2])};
  }
  if (detection) {
    const auto timed = transaction.exec1(std::string(queries::detection));
    execution.detection_measured = true;
    execution.detected = timed[0].as<int64_t>();
    execution.mean_days_to_detect = timed[1].as<std::string>();
    execution.median_days_to_detect = timed[2].as<int64_t>();
    execution.max_days_to_detect = timed[3].as<int64_t>();
  }
  return execution;
}

}  // namespace

ScoreInputs read_score_inputs(Connection& connection, bool read_findings_table) {
  Snapshot transaction(connection.session());
  const Present present = require_tables(transaction, read_findings_table);
  const bool timed = read_findings_table && present.report_times;
  ScoreInputs inputs;
  inputs.dataset = read_run(transaction);
  inputs.key = read_findings(transaction, queries::answer_key, false);
  if (read_findings_table) inputs.findings = read_findings(transaction, queries::agent_findings, true);
  if (present.actions) {
    add_missing(inputs.key, read_findings(transaction, queries::resolved_key, false));
    if (timed) add_missing(inputs.key, read_findings(transaction, queries::reported_history_key, false));
    inputs.execution = read_execution(transaction, timed);
  }
  return inputs;
}

}  // namespace seedgen

// score_reader.cc: the run, the key and the findings table for seedgen score; SQL in sql/score/*.sql.
#include "db/score_reader.h"

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "core/error.h"
#include "db/connection.h"
#include "embedded_sql/score.h"

namespace seedgen {
namespace {

namespace queries = seedgen::sql::score;
using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

void require_tables(Snapshot& transaction, bool read_findings_table) {
  const auto present = transaction.exec1(std::string(queries::schema_present));
  if (!present["has_runs"].as<bool>() || !present["has_answer_key"].as<bool>()) {
    throw Error(ErrorKind::kTarget, "the database has no seedgen run log or answer key: load a fleet with seedgen first");
  }
  if (read_findings_table && !present["has_findings_table"].as<bool>()) {
    throw Error(ErrorKind::kTarget,
                "public.waste_findings does not exist (the agent API's migration is not applied): migrate, or pass "
                "--findings FILE");
  }
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

}  // namespace

ScoreInputs read_score_inputs(Connection& connection, bool read_findings_table) {
  Snapshot transaction(connection.session());
  require_tables(transaction, read_findings_table);
  ScoreInputs inputs;
  inputs.dataset = read_run(transaction);
  inputs.key = read_findings(transaction, queries::answer_key, false);
  if (read_findings_table) inputs.findings = read_findings(transaction, queries::agent_findings, true);
  return inputs;
}

}  // namespace seedgen

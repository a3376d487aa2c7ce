// fleet_probe.cc: seedgen.runs and catalog reads for the benchmark; the SQL is sql/seedbench/*.sql.
#include "bench/db/fleet_probe.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "db/connection.h"
#include "embedded_sql/seedbench.h"

namespace seedgen {
namespace {

namespace queries = seedgen::sql::seedbench;

template <typename Value>
std::map<std::string, Value> json_map(const std::string& text) {
  return nlohmann::json::parse(text).template get<std::map<std::string, Value>>();
}

pqxx::result read(Connection& connection, std::string_view statement) {
  pqxx::read_transaction transaction(connection.session());
  return transaction.exec(std::string(statement));
}

void require_fleet_schema(Connection& connection) {
  const auto present = read(connection, queries::fleet_schema);
  if (!present[0]["has_runs"].as<bool>() || !present[0]["has_fleet"].as<bool>()) {
    throw Error(ErrorKind::kTarget, "the database has no seedgen fleet: run `seedgen --profile P` to load one first");
  }
  if (!present[0]["has_answer_key"].as<bool>()) {
    throw Error(ErrorKind::kTarget, "the answer key seedgen.planted_waste is missing: reload the fleet with seedgen");
  }
}

}  // namespace

LoadedRun read_loaded_run(Connection& connection) {
  require_fleet_schema(connection);
  const auto rows = read(connection, queries::loaded_run);
  if (rows.empty()) throw Error(ErrorKind::kTarget, "no completed seedgen load in this database: run seedgen first");
  LoadedRun run;
  run.run_id = rows[0][0].as<int64_t>();
  run.profile = rows[0][1].as<std::string>();
  run.seed = rows[0][2].as<int64_t>();
  run.as_of = rows[0][3].as<std::string>();
  run.seedgen_version = rows[0][4].as<std::string>();
  run.resources = rows[0][5].as<int64_t>();
  run.row_counts = json_map<int64_t>(rows[0][6].as<std::string>());
  run.checksums = json_map<std::string>(rows[0][7].as<std::string>());
  run.index_seconds = json_map<double>(rows[0][8].as<std::string>());
  const auto counts = read(connection, queries::fleet_counts);
  if (counts[0]["accounts"].as<int64_t>() == 0) {
    throw Error(ErrorKind::kTarget, "the fleet is empty: cloud_accounts has no rows");
  }
  if (counts[0]["findings"].as<int64_t>() == 0) {
    throw Error(ErrorKind::kTarget, "the answer key seedgen.planted_waste is empty: reload the fleet with seedgen");
  }
  return run;
}

std::vector<AccountSize> read_account_sizes(Connection& connection) {
  std::vector<AccountSize> sizes;
  for (const auto& row : read(connection, queries::account_sizes)) {
    sizes.push_back({row[0].as<std::string>(), row[1].as<int64_t>()});
  }
  return sizes;
}

std::map<std::string, std::string> read_account_subjects(Connection& connection, const std::string& account_id) {
  pqxx::read_transaction transaction(connection.session());
  const auto rows = transaction.exec_params(std::string(queries::account_subjects), account_id);
  std::map<std::string, std::string> subjects;
  for (const auto& field : rows.at(0)) subjects[field.name()] = field.is_null() ? "" : field.as<std::string>();
  return subjects;
}

std::string read_layout(Connection& connection) { return read(connection, queries::fleet_layout)[0][0].as<std::string>(); }

std::map<std::string, std::string> read_server_settings(Connection& connection) {
  std::map<std::string, std::string> settings;
  for (const auto& row : read(connection, queries::server_settings)) settings[row[0].as<std::string>()] = row[1].as<std::string>();
  return settings;
}

std::map<std::string, int64_t> read_table_rows(Connection& connection) {
  std::map<std::string, int64_t> sizes;
  for (const auto& row : read(connection, queries::table_rows)) sizes[row[0].as<std::string>()] = row[1].as<int64_t>();
  return sizes;
}

}  // namespace seedgen

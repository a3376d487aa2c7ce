#include "db/run_log.h"

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "db/connection.h"
#include "embedded_sql/run_log.h"
#include "model/world.h"
#include "pipeline/pipeline.h"

namespace seedgen {

int mark_abandoned_runs(pqxx::connection_base& session) {
  pqxx::work transaction(session);
  const auto result = transaction.exec(std::string(sql::run_log::mark_abandoned));
  transaction.commit();
  return static_cast<int>(result.affected_rows());
}

int64_t start_run(pqxx::connection_base& session, const World& world, int jobs, const std::string& shard) {
  pqxx::work transaction(session);
  const auto row = transaction.exec_params1(std::string(sql::run_log::start_run), world.profile->name,
                                            std::to_string(world.profile->seed), iso_date(world.as_of_day()),
                                            SEEDGEN_VERSION, jobs, shard);
  transaction.commit();
  return row[0].as<int64_t>();
}

void complete_run(pqxx::transaction_base& transaction, int64_t run_id, const GenerationResult& result,
                  const std::vector<PhaseTiming>& phases, const std::vector<BuildTiming>& index_builds) {
  nlohmann::ordered_json rows, checksums, timings, index_seconds = nlohmann::ordered_json::object();
  for (const auto& [table, stats] : result.tables) {
    rows[table] = stats.rows;
    checksums[table] = stats.sha256;
  }
  for (const auto& phase : phases) timings[phase.name] = phase.seconds;
  for (const auto& build : index_builds) index_seconds[build.index_name] = build.seconds;
  const double share = result.monthly_cost > 0 ? result.planted_savings / result.monthly_cost : 0.0;
  transaction.exec_params(
      std::string(sql::run_log::complete_run), run_id, result.resources, result.monthly_cost, result.planted_savings, share, rows.dump(), checksums.dump(),
      timings.dump(), index_seconds.dump());
}

void fail_run(const std::string& url, int64_t run_id, const std::string& error) {
  try {
    Connection connection(url);
    pqxx::work transaction(connection.session());
    transaction.exec_params(std::string(sql::run_log::fail_run), run_id, error);
    transaction.commit();
  } catch (const std::exception&) {
    // The server is gone; the next load marks this run abandoned.
  }
}

}  // namespace seedgen

#include "db/run_log.h"

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "db/connection.h"
#include "model/world.h"
#include "pipeline/pipeline.h"

namespace seedgen {
int mark_abandoned_runs(pqxx::connection_base& session) {
  pqxx::work transaction(session);
  const auto result = transaction.exec(
      "update seedgen.runs set status = 'abandoned', finished_at = now(), "
      "error = 'the loading session ended without committing; its changes were rolled back by the server' "
      "where status = 'loading' and backend_pid is distinct from pg_backend_pid() "
      "and not exists (select 1 from pg_stat_activity a where a.pid = runs.backend_pid)");
  transaction.commit();
  return static_cast<int>(result.affected_rows());
}

int64_t start_run(pqxx::connection_base& session, const World& world, int jobs, const std::string& shard) {
  pqxx::work transaction(session);
  const auto row = transaction.exec_params1(
      "insert into seedgen.runs (profile, seed, as_of, seedgen_version, jobs, shard, backend_pid) "
      "values ($1, $2, $3::date, $4, $5, $6, pg_backend_pid()) returning run_id",
      world.profile->name, std::to_string(world.profile->seed), iso_date(world.as_of_day()), SEEDGEN_VERSION, jobs,
      shard);
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
      "update seedgen.runs set status = 'completed', finished_at = clock_timestamp(), resources = $2, "
      "monthly_cost = $3, planted_savings = $4, waste_share = $5, row_counts = $6::jsonb, checksums = $7::jsonb, "
      "phase_seconds = $8::jsonb, index_seconds = $9::jsonb where run_id = $1",
      run_id, result.resources, result.monthly_cost, result.planted_savings, share, rows.dump(), checksums.dump(),
      timings.dump(), index_seconds.dump());
}

void fail_run(const std::string& url, int64_t run_id, const std::string& error) {
  try {
    Connection connection(url);
    pqxx::work transaction(connection.session());
    transaction.exec_params(
        "update seedgen.runs set status = 'failed', finished_at = now(), error = $2 where run_id = $1", run_id, error);
    transaction.commit();
  } catch (const std::exception&) {
    // The server is gone; the next load marks this run abandoned.
  }
}

}  // namespace seedgen

#include "db/run_log.h"

#include <nlohmann/json.hpp>

#include "db/connection.h"
#include "db/session.h"
#include "embedded_sql/loader.h"
#include "pipeline/pipeline.h"

namespace seedgen {
namespace {

std::string phase_json(const std::vector<PhaseTiming>& phases) {
  nlohmann::ordered_json timings = nlohmann::ordered_json::object();
  for (const auto& phase : phases) timings[phase.name] = phase.seconds;
  return timings.dump();
}

}  // namespace

int abandon_dead_runs(pqxx::connection_base& session) {
  pqxx::work transaction(session);
  const auto abandoned = run_sql(transaction, sql::loader::abandon_dead_runs);
  transaction.commit();
  return static_cast<int>(abandoned.size());
}

int64_t start_run(pqxx::connection_base& session, const RunIdentity& identity) {
  pqxx::work transaction(session);
  const auto row = run_sql(transaction, sql::loader::start_run, identity.profile, identity.seed, identity.as_of,
                           identity.seedgen_version, identity.jobs, identity.shard, identity.profile_overrides);
  transaction.commit();
  const int64_t run_id = row[0][0].as<int64_t>();
  pqxx::nontransaction lock(session);
  run_sql(lock, sql::loader::hold_run_lock, run_id);
  return run_id;
}

void complete_run(pqxx::transaction_base& transaction, int64_t run_id, const GenerationResult& result,
                  const std::vector<PhaseTiming>& phases, const std::vector<BuildTiming>& index_builds) {
  nlohmann::ordered_json rows, checksums, index_seconds = nlohmann::ordered_json::object();
  for (const auto& [table, stats] : result.tables) {
    rows[table] = stats.rows;
    checksums[table] = stats.sha256;
  }
  for (const auto& build : index_builds) index_seconds[build.index_name] = build.seconds;
  const double share = result.monthly_cost > 0 ? result.planted_savings / result.monthly_cost : 0.0;
  run_sql(transaction, sql::loader::complete_run, run_id, result.resources, result.monthly_cost,
          result.planted_savings, share, rows.dump(), checksums.dump(), phase_json(phases), index_seconds.dump());
}

void add_phase_seconds(pqxx::connection_base& session, int64_t run_id, const std::vector<PhaseTiming>& phases) {
  try {
    pqxx::nontransaction transaction(session);
    run_sql(transaction, sql::loader::add_phase_seconds, run_id, phase_json(phases));
  } catch (const std::exception&) {
    // The record of a completed run lacks these timings; the fleet is in place.
  }
}

void fail_run(const std::string& url, int64_t run_id, const std::string& error) {
  try {
    Connection connection(url);
    pqxx::nontransaction transaction(connection.session());
    run_sql(transaction, sql::loader::fail_run, run_id, error);
  } catch (const std::exception&) {
    // The server is gone; the next load marks this run abandoned.
  }
}

}  // namespace seedgen

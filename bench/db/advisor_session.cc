// advisor_session.cc: hypopg and real builds in rolled-back transactions, on libpqxx.
#include "bench/db/advisor_session.h"

#include <chrono>

#include <fmt/format.h>

#include "db/connection.h"
#include "embedded_sql/seedbench.h"

namespace seedgen {
namespace {

namespace queries = seedgen::sql::seedbench;

std::string explain(pqxx::transaction_base& transaction, const char* options, const ExplainRequest& query) {
  const auto rows = transaction.exec_params(fmt::format("explain ({}) {}", options, query.sql),
                                            pqxx::prepare::make_dynamic_params(query.parameters));
  return rows[0][0].as<std::string>();
}

}  // namespace

AdvisorSession::AdvisorSession(const std::string& url) : connection_(std::make_unique<Connection>(url)) {
  connection_->announce("seedbench index advisor");
}

AdvisorSession::~AdvisorSession() = default;

HypotheticalPlan AdvisorSession::plan_with(const std::vector<std::string>& statements, const ExplainRequest& query) {
  HypotheticalPlan plan;
  try {
    pqxx::work transaction(connection_->session());
    transaction.exec(std::string(queries::hypopg_extension));
    for (const auto& statement : statements) {
      plan.index_names.push_back(transaction.exec_params(std::string(queries::hypopg_create), statement)[0][0].as<std::string>());
    }
    plan.plan_json = explain(transaction, "verbose, format json", query);
    plan.ok = true;
    transaction.abort();
  } catch (const pqxx::sql_error& error) {
    plan.error = describe_sql_error(error);
  }
  return plan;
}

BuiltIndex AdvisorSession::build_and_measure(const std::vector<std::string>& statements,
                                             const std::vector<std::string>& index_names, const ExplainRequest& query,
                                             int runs) {
  BuiltIndex built;
  try {
    pqxx::work transaction(connection_->session());
    transaction.exec_params(std::string(queries::explain_settings), std::to_string(std::max(0, query.timeout_ms)), "false");
    for (int run = 0; run < runs; ++run) built.before_plans.push_back(explain(transaction, "analyze, buffers, format json", query));
    const auto start = std::chrono::steady_clock::now();
    for (const auto& statement : statements) transaction.exec(statement);
    built.build_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const auto& name : index_names) {
      built.size_bytes += transaction.exec_params(std::string(queries::relation_size), name)[0][0].as<int64_t>();
    }
    for (int run = 0; run < runs; ++run) built.after_plans.push_back(explain(transaction, "analyze, buffers, format json", query));
    built.ok = true;
    transaction.abort();
  } catch (const pqxx::sql_error& error) {
    built.error = describe_sql_error(error);
  }
  return built;
}

}  // namespace seedgen

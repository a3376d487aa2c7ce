// query_session.cc: prepared execution and EXPLAIN with hidden indexes, on libpqxx. The SQL that is not
// DDL over identifiers is sql/seedbench/*.sql.
#include "bench/db/query_session.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "db/connection.h"
#include "embedded_sql/seedbench.h"

namespace seedgen {
namespace {

constexpr const char* kQueryCanceled = "57014";

// hide_index: drops an index for the rest of the transaction. An index that backs a key goes with its
// constraint (and the foreign keys that lean on it); the rollback brings all of it back.
void hide_index(pqxx::transaction_base& transaction, const std::string& index) {
  const auto owner = transaction.exec_params(std::string(sql::seedbench::index_constraint), index);
  if (owner.empty()) {
    transaction.exec(fmt::format("drop index public.{}", transaction.quote_name(index)));
  } else {
    transaction.exec(fmt::format("alter table {} drop constraint {} cascade", owner[0][0].as<std::string>(),
                                 owner[0][1].as<std::string>()));
  }
}

}  // namespace

QuerySession::QuerySession(const std::string& url, const std::string& plan_cache_mode)
    : connection_(std::make_unique<Connection>(url)) {
  connection_->announce("seedbench");
  if (plan_cache_mode.empty()) return;
  pqxx::nontransaction work(connection_->session());
  work.exec_params(std::string(sql::seedbench::session_setting), "plan_cache_mode", plan_cache_mode);
}

QuerySession::~QuerySession() = default;

void QuerySession::prepare(const std::string& name, const std::string& sql) {
  try {
    connection_->session().prepare(name, sql);
    connection_->session().prepare_now(name);   // libpqxx prepares lazily; surface errors here
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kTarget, fmt::format("query {} does not prepare: {}", name, describe_sql_error(error)));
  }
}

int64_t QuerySession::execute(const std::string& name, const std::vector<std::string>& parameters) {
  try {
    pqxx::nontransaction work(connection_->session());
    return static_cast<int64_t>(work.exec_prepared(name, pqxx::prepare::make_dynamic_params(parameters)).size());
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kTarget, fmt::format("query {} failed: {}", name, describe_sql_error(error)));
  } catch (const pqxx::broken_connection& error) {
    throw Error(ErrorKind::kConnection, fmt::format("lost the server while running {}: {}", name, first_line(error.what())));
  }
}

void QuerySession::flush_statistics() {
  pqxx::nontransaction work(connection_->session());
  work.exec(std::string(sql::seedbench::flush_statistics));
}

ExplainOutcome QuerySession::explain(const ExplainRequest& request) {
  pqxx::work transaction(connection_->session());
  try {
    transaction.exec_params(std::string(sql::seedbench::explain_settings), std::to_string(std::max(0, request.timeout_ms)),
                            request.disable_index_scans ? "true" : "false");
    for (const auto& index : request.hidden_indexes) hide_index(transaction, index);
    const auto rows = transaction.exec_params(
        "explain (analyze, buffers, format json) " + request.sql, pqxx::prepare::make_dynamic_params(request.parameters));
    ExplainOutcome outcome{rows[0][0].as<std::string>(), false};
    transaction.abort();
    return outcome;
  } catch (const pqxx::sql_error& error) {
    if (error.sqlstate() == kQueryCanceled) return {"", true};
    throw Error(ErrorKind::kTarget, fmt::format("EXPLAIN failed: {}", describe_sql_error(error)));
  }
}

}  // namespace seedgen

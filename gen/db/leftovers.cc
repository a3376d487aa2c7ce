#include "db/leftovers.h"

#include "db/connection.h"
#include "db/run_log.h"
#include "db/session.h"
#include "db/swap.h"
#include "embedded_sql/loader.h"

namespace seedgen {

CleanReport clean_leftovers(Connection& connection, const LockPolicy& policy) {
  CleanReport report;
  pqxx::result schemas;
  bool has_run_log = false;
  {
    pqxx::read_transaction transaction(connection.session());
    has_run_log = run_sql(transaction, sql::loader::has_run_log)[0][0].as<bool>();
    schemas = run_sql(transaction, sql::loader::leftover_schemas);
  }
  if (has_run_log) report.abandoned_runs = abandon_dead_runs(connection.session());
  for (const auto& row : schemas) {
    const std::string name = row[0].as<std::string>();
    (drop_schema(connection, name, policy) ? report.dropped : report.busy).push_back(name);
  }
  return report;
}

}  // namespace seedgen

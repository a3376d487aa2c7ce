#include "db/load_checks.h"

#include <fmt/format.h>

#include "core/error.h"
#include "db/connection.h"
#include "db/layout_ledger.h"
#include "db/migrator.h"
#include "db/session.h"
#include "embedded_sql/loader.h"

namespace seedgen {

std::string layout_to_load(Connection& connection, const std::vector<MigrationFile>& migrations,
                           const std::string& requested) {
  migration_states(connection, migrations);   // throws for a changed or missing file
  bool migrated = false;
  {
    pqxx::read_transaction transaction(connection.session());
    migrated = run_sql(transaction, sql::loader::has_migrations)[0][0].as<bool>();
  }
  if (!migrated) return requested.empty() ? kDefaultLayout : requested;
  const std::string current = database_layout(connection);
  if (!requested.empty() && requested != current) {
    throw Error(ErrorKind::kTarget, "the database has layout " + current + " but the load asks for layout " + requested +
                                        "; load into a database migrated with --layout " + requested);
  }
  return current;
}

void take_load_lock(Connection& connection, const LockPolicy& policy, const std::atomic<bool>* cancel) {
  retry_on_lock_timeout(policy, "the database's load lock", [&] {
    pqxx::nontransaction session(connection.session());
    return run_sql(session, sql::loader::load_lock)[0][0].as<bool>();
  }, [&] {
    pqxx::nontransaction session(connection.session());
    const auto holder = run_sql(session, sql::loader::load_lock_holder);
    if (holder.empty()) return std::string();
    const int64_t run = holder[0][4].as<int64_t>();
    return describe_holder(holder[0][0].as<int>(), holder[0][1].as<std::string>(), holder[0][2].as<std::string>(),
                           holder[0][3].as<long>(),
                           run > 0 ? fmt::format("the load lock: it is loading run {}", run)
                                   : std::string("the load lock: it is starting a load"));
  }, cancel);
}

void refuse_non_empty(Connection& connection, const std::vector<std::string>& tables) {
  pqxx::read_transaction transaction(connection.session());
  const auto occupied = run_sql(transaction, sql::loader::first_non_empty, text_array(tables));
  if (occupied.empty()) return;
  throw Error(ErrorKind::kTarget, "the target database is not empty (" + occupied[0][0].as<std::string>() +
                                      " has rows); pass --reset to replace its contents");
}

}  // namespace seedgen

#include "db/swap.h"

#include <chrono>

#include "core/error.h"
#include "db/connection.h"
#include "db/fleet_plan.h"
#include "db/session.h"
#include "embedded_sql/loader.h"

namespace seedgen {
namespace {

std::string schema_statement(pqxx::transaction_base& transaction, const std::string& name, const char* action) {
  return run_sql(transaction, sql::loader::schema_statement, name, std::string(action))[0][0].as<std::string>();
}

// holder: who holds a lock on a live fleet relation, for the error message ("" when nobody does any more).
std::string holder(Connection& connection, const FleetPlan& plan) {
  pqxx::work transaction(connection.session());
  const auto relations = run_sql(transaction, sql::loader::fleet_relations, text_array(plan.live_tables));
  const auto found = run_sql(transaction, sql::loader::lock_holder, relations[0][0].c_str(),
                             "{" + std::to_string(connection.session().backendpid()) + "}");
  if (found.empty()) return "";
  return describe_holder(found[0][0].as<int>(), found[0][1].as<std::string>(), found[0][2].as<std::string>(),
                         found[0][3].as<long>(), found[0][5].as<std::string>() + " on " + found[0][4].as<std::string>());
}

}  // namespace

SwapResult swap_in(Connection& connection, const FleetPlan& plan, const SwapSchemas& schemas, const LockPolicy& policy,
                   const std::function<void(pqxx::transaction_base&)>& record, const std::atomic<bool>* cancel) {
  SwapResult result;
  const std::string tables = text_array(plan.live_tables);
  retry_on_lock_timeout(policy, "the locks to swap the new fleet in", [&] {
    ++result.attempts;
    pqxx::work transaction(connection.session());
    set_setting(transaction, "lock_timeout", std::to_string(kLockSliceMs), true);
    // Once seedgen says the load is done, a crash must not take it back (the private cluster runs with
    // synchronous_commit off); one WAL flush is all it costs.
    set_setting(transaction, "synchronous_commit", "on", true);
    transaction.exec(schema_statement(transaction, schemas.old, "create"));
    transaction.exec(run_sql(transaction, sql::loader::lock_fleet, tables)[0][0].as<std::string>());
    const auto locked = std::chrono::steady_clock::now();
    refuse_foreign_dependents(transaction, plan.live_tables);
    run_generated(transaction, run_sql(transaction, sql::loader::swap_moves, tables, schemas.stage, schemas.old));
    for (const auto* publication : plan.statements_of("publication", false)) transaction.exec(publication->sql);
    transaction.exec(schema_statement(transaction, schemas.stage, "drop_empty"));
    record(transaction);
    if (cancel != nullptr && cancel->load()) throw Error(ErrorKind::kInterrupted, "interrupted; the live fleet is unchanged");
    transaction.commit();
    result.locked_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - locked).count();
    return true;
  }, [&] { return holder(connection, plan); }, cancel);
  return result;
}

bool drop_schema(Connection& connection, const std::string& name, const LockPolicy& policy) {
  try {
    pqxx::work transaction(connection.session());
    set_setting(transaction, "lock_timeout", std::to_string(lock_timeout_ms(policy)), true);
    transaction.exec(schema_statement(transaction, name, "drop"));
    transaction.commit();
    return true;
  } catch (const pqxx::sql_error& error) {
    if (is_lock_timeout(error)) return false;
    throw;
  }
}

}  // namespace seedgen

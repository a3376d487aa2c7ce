#include "db/migrator.h"

#include <map>

#include "core/error.h"
#include "db/catalog_probe.h"
#include "db/connection.h"
#include "embedded_sql/bookkeeping.h"
#include "embedded_sql/migrator.h"

namespace seedgen {
namespace {

struct AppliedRow {
  std::string name;
  std::string checksum;
  std::string applied_at;
  std::string applied_by;   // "seedgen" or "adopted"
};

std::map<int, AppliedRow> read_applied(Connection& connection) {
  pqxx::read_transaction transaction(connection.session());
  std::map<int, AppliedRow> applied;
  if (!transaction.exec(std::string(sql::migrator::ledger_exists))[0][0].as<bool>()) return applied;
  for (const auto& row : transaction.exec(std::string(sql::migrator::read_ledger))) {
    applied[row[0].as<int>()] = AppliedRow{row[1].as<std::string>(), row[2].as<std::string>(),
                                           row[3].as<std::string>(), row[4].as<std::string>()};
  }
  return applied;
}

// refuse_changes: every applied version must still have its file, unchanged.
void refuse_changes(const std::map<int, AppliedRow>& applied, const std::vector<MigrationFile>& migrations) {
  std::map<int, const MigrationFile*> by_version;
  for (const auto& migration : migrations) by_version[migration.version] = &migration;
  for (const auto& [version, row] : applied) {
    auto found = by_version.find(version);
    if (found == by_version.end()) {
      throw Error(ErrorKind::kTarget, "applied migration " + row.name + " is missing from the migrations folder");
    }
    if (found->second->checksum != row.checksum) {
      throw Error(ErrorKind::kTarget, "migration " + found->second->name +
                                          " has changed since it was applied; write a new migration instead");
    }
  }
}

void record(pqxx::transaction_base& transaction, const MigrationFile& migration, const char* applied_by) {
  transaction.exec_params(std::string(sql::migrator::record), migration.version, migration.name, migration.checksum,
                          applied_by);
}

void apply_one(Connection& connection, const MigrationFile& migration) {
  try {
    pqxx::work transaction(connection.session());
    transaction.exec(std::string(sql::migrator::target_public));
    transaction.exec(migration.sql);
    record(transaction, migration, "seedgen");
    transaction.commit();
  } catch (const pqxx::broken_connection&) {
    throw Error(ErrorKind::kConnection, "connection lost while applying " + migration.name);
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kMigration, "migration " + migration.name + " failed and was rolled back: " +
                                           describe_sql_error(error));
  }
}

// adopt: records migrations whose objects the schema already has (built by `supabase db push` or psql
// from the same files) without running them, in one transaction.
void adopt(Connection& connection, const std::vector<const MigrationFile*>& pending) {
  pqxx::work transaction(connection.session());
  for (const MigrationFile* migration : pending) record(transaction, *migration, "adopted");
  transaction.commit();
}

enum class Plan { kApply, kAdopt };

// plan_pending: whether the pending migrations must run or are already in the schema. Only a migration
// set that the shipped catalog describes can be recognised; a schema of seedgen's objects that nobody
// recorded and that differs from it is refused, naming the first difference.
Plan plan_pending(Connection& connection, const std::vector<MigrationFile>& migrations, bool ledger_empty) {
  const MigratedCatalog& expected = shipped_migrated_catalog();
  if (!made_from(expected, migrations)) return Plan::kApply;
  const auto owned = owned_facts(expected, read_catalog_facts(connection));
  if (!holds_relations(owned)) return Plan::kApply;   // a fresh database (its schemas exist anyway)
  const auto difference = first_difference(expected, owned);
  if (!difference) return Plan::kAdopt;
  if (!ledger_empty) return Plan::kApply;
  throw Error(ErrorKind::kTarget,
              "public already holds tables of seedgen's schema that differ from its " + std::to_string(migrations.size()) +
                  " migrations (" + *difference + "); use an empty database, or push the same migrations first "
                  "(see docs/SUPABASE.md)");
}

std::vector<std::string> migrate(Connection& connection, const std::vector<MigrationFile>& migrations) {
  MigrationLock lock(connection);
  ensure_bookkeeping(connection);
  const auto applied = read_applied(connection);
  refuse_changes(applied, migrations);
  std::vector<const MigrationFile*> pending;
  for (const auto& migration : migrations) {
    if (applied.count(migration.version) == 0) pending.push_back(&migration);
  }
  if (pending.empty()) return {};
  std::vector<std::string> names;
  if (plan_pending(connection, migrations, applied.empty()) == Plan::kAdopt) {
    adopt(connection, pending);
    for (const MigrationFile* migration : pending) names.push_back(migration->name + " (already in the schema: recorded, not run)");
    return names;
  }
  for (const MigrationFile* migration : pending) {
    apply_one(connection, *migration);
    names.push_back(migration->name);
  }
  ensure_bookkeeping(connection);   // again: its grants name the roles the migrations create
  return names;
}

}  // namespace

void ensure_bookkeeping(Connection& connection) {
  try {
    pqxx::work transaction(connection.session());
    for (const auto& [name, sql] : sql::bookkeeping::files) transaction.exec(std::string(sql));
    transaction.commit();
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kTarget, "cannot create seedgen's bookkeeping schema \"seedgen\": " + describe_sql_error(error));
  }
}

MigrationLock::MigrationLock(Connection& connection) : connection_(connection) {
  pqxx::nontransaction(connection_.session()).exec(std::string(sql::migrator::lock));
}

MigrationLock::~MigrationLock() {
  try {
    pqxx::nontransaction(connection_.session()).exec(std::string(sql::migrator::unlock));
  } catch (const std::exception&) {
    // The session is gone; the server released the lock with it.
  }
}

std::vector<std::string> apply_migrations(Connection& connection, const std::vector<MigrationFile>& migrations) {
  try {
    return migrate(connection, migrations);
  } catch (const pqxx::broken_connection&) {
    throw Error(ErrorKind::kConnection, "the database connection was lost while migrating");
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kTarget, "cannot read seedgen's migration ledger: " + describe_sql_error(error));
  }
}

std::vector<MigrationState> migration_states(Connection& connection, const std::vector<MigrationFile>& migrations) {
  std::map<int, AppliedRow> applied;
  try {
    applied = read_applied(connection);
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kTarget, "cannot read seedgen's migration ledger: " + describe_sql_error(error));
  }
  refuse_changes(applied, migrations);
  std::vector<MigrationState> states;
  for (const auto& migration : migrations) {
    auto found = applied.find(migration.version);
    const bool is_applied = found != applied.end();
    states.push_back({migration.version, migration.name, is_applied, is_applied ? found->second.applied_at : "",
                      is_applied && found->second.applied_by == "adopted"});
  }
  return states;
}

}  // namespace seedgen

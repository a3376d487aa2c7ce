#include "db/migrator.h"

#include <filesystem>
#include <map>

#include "core/error.h"
#include "db/connection.h"
#include "embedded_sql/bookkeeping.h"

namespace seedgen {
namespace {

constexpr long kMigrationLockKey = 0x5eed0001;

struct AppliedRow {
  std::string name;
  std::string checksum;
  std::string applied_at;
};

// ensure_bookkeeping: runs every idempotent file of sql/seedgen (schema "seedgen": migrations, runs,
// answer key), in order, in one transaction. The files are compiled in (embedded_sql/bookkeeping.h).
void ensure_bookkeeping(Connection& connection) {
  pqxx::work transaction(connection.session());
  for (const auto& [name, sql] : sql::bookkeeping::files) transaction.exec(std::string(sql));
  transaction.commit();
}

std::map<int, AppliedRow> read_applied(Connection& connection) {
  pqxx::read_transaction transaction(connection.session());
  std::map<int, AppliedRow> applied;
  if (transaction.exec("select to_regclass('seedgen.schema_migrations')")[0][0].is_null()) return applied;
  for (const auto& row : transaction.exec(
           "select version, name, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS TZ') "
           "from seedgen.schema_migrations order by version")) {
    applied[row[0].as<int>()] = AppliedRow{row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>()};
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

void apply_one(Connection& connection, const MigrationFile& migration) {
  try {
    pqxx::work transaction(connection.session());
    // Migrations target public whatever the role's search_path ("$user" could name a schema).
    transaction.exec("set local search_path = public, extensions");
    transaction.exec(migration.sql);
    transaction.exec_params("insert into seedgen.schema_migrations (version, name, checksum) values ($1, $2, $3)",
                            migration.version, migration.name, migration.checksum);
    transaction.commit();
  } catch (const pqxx::broken_connection& error) {
    throw Error(ErrorKind::kConnection, "connection lost while applying " + migration.name);
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kMigration, "migration " + migration.name + " failed and was rolled back: " +
                                           describe_sql_error(error));
  }
}

}  // namespace

MigrationLock::MigrationLock(Connection& connection) : connection_(connection) {
  pqxx::nontransaction(connection_.session()).exec("select pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
}

MigrationLock::~MigrationLock() {
  try {
    pqxx::nontransaction(connection_.session()).exec("select pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
  } catch (const std::exception&) {
    // The session is gone; the server released the lock with it.
  }
}

std::vector<std::string> apply_migrations(Connection& connection, const std::vector<MigrationFile>& migrations) {
  try {
    MigrationLock lock(connection);
    ensure_bookkeeping(connection);
    const auto applied = read_applied(connection);
    refuse_changes(applied, migrations);
    std::vector<std::string> names;
    for (const auto& migration : migrations) {
      if (applied.count(migration.version) != 0) continue;
      apply_one(connection, migration);
      names.push_back(migration.name);
    }
    return names;
  } catch (const pqxx::broken_connection&) {
    throw Error(ErrorKind::kConnection, "the database connection was lost while migrating");
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kTarget, "cannot read seedgen.schema_migrations: " + describe_sql_error(error));
  }
}

std::vector<MigrationState> migration_states(Connection& connection, const std::vector<MigrationFile>& migrations) {
  std::map<int, AppliedRow> applied;
  try {
    applied = read_applied(connection);
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kTarget, "cannot read seedgen.schema_migrations: " + describe_sql_error(error));
  }
  refuse_changes(applied, migrations);
  std::vector<MigrationState> states;
  for (const auto& migration : migrations) {
    auto found = applied.find(migration.version);
    const bool is_applied = found != applied.end();
    states.push_back({migration.version, migration.name, is_applied, is_applied ? found->second.applied_at : ""});
  }
  return states;
}

}  // namespace seedgen

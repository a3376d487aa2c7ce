// migrator.h: applies sql/migrations to a database and records them in seedgen.schema_migrations.
// Each pending file runs in its own transaction with its bookkeeping row; a failing file rolls back alone.
// An applied file whose checksum changed is refused before anything runs. Concurrent migrators are
// serialised by an advisory lock.
// A schema built from the same migrations by another tool (`supabase db push`, psql) is recognised by
// comparing its catalog with the shipped one (migrate/migrated_catalog.h): its pending migrations are
// recorded as "adopted" instead of run. A schema of seedgen's tables that no ledger records and that
// differs is refused (Error(kTarget)) naming the first difference; the project's own tables are ignored.
#pragma once

#include <string>
#include <vector>

#include "migrate/migration_set.h"

namespace seedgen {

class Connection;

// MigrationLock: a session advisory lock held while migrating, so two migrators never interleave.
class MigrationLock {
 public:
  explicit MigrationLock(Connection& connection);
  ~MigrationLock();
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Connection& connection_;
};

struct MigrationState {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string applied_at;   // empty when pending
  bool adopted = false;     // recorded from a schema that already had it, not run by seedgen
};

// ensure_bookkeeping: runs every idempotent file of sql/seedgen (schema "seedgen": migrations, runs, answer
// key, drift), in order, in one transaction. The files are compiled in (embedded_sql/bookkeeping.h).
void ensure_bookkeeping(Connection& connection);

// apply_migrations: applies (or adopts) every pending file in order and returns the names, adopted ones
// marked "(adopted: already in the schema)"; empty: nothing was pending.
// Throws Error(kTarget) naming the file when an applied file changed or is missing, and
// Error(kMigration) naming the file and the server's message when a file fails.
std::vector<std::string> apply_migrations(Connection& connection, const std::vector<MigrationFile>& migrations);

// migration_states: what is applied and what is pending, in version order. Also refuses changed files.
std::vector<MigrationState> migration_states(Connection& connection, const std::vector<MigrationFile>& migrations);

}  // namespace seedgen

// load_checks.h: everything a load can find out before it does any work, so that a load that will be
// refused changes nothing (no migration applied, no run recorded): the migration files against the ledger,
// the layout asked for against the database's, the load lock, an empty target.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "db/lock_wait.h"
#include "migrate/migration_set.h"

namespace seedgen {

class Connection;

// layout_to_load: the layout the load runs with: `requested` ("" means whatever the database has). Refuses
// changed or missing migration files (Error kTarget, as migrate does) and a migrated database whose layout is
// not `requested` (Error kTarget naming both).
std::string layout_to_load(Connection& connection, const std::vector<MigrationFile>& migrations,
                           const std::string& requested);

// take_load_lock: the database's load lock for this session (one load at a time), waiting per `policy`;
// Error(kLockTimeout) names the load that holds it.
void take_load_lock(Connection& connection, const LockPolicy& policy, const std::atomic<bool>* cancel);

// refuse_non_empty: Error(kTarget) naming the first of `tables` (qualified) that has a row.
void refuse_non_empty(Connection& connection, const std::vector<std::string>& tables);

}  // namespace seedgen

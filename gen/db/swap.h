// swap.h: puts a staged fleet in place of the live one in one short transaction, and removes the old one.
// The swap locks every live fleet table at once (ACCESS EXCLUSIVE), checks again that nothing outside the
// fleet depends on it, moves the live tables, their partitions and the rebuilt views into the run's "old"
// schema and the staged ones into their live schemas, restores publication memberships, lets the caller
// record the run, and commits: a reader sees the old fleet before and the new one after, never a mix and
// never nothing. No data moves and nothing is built while the locks are held. Each attempt waits at most
// kLockSliceMs for its locks (a reader that arrives meanwhile waits no longer than that), and attempts repeat
// within the lock policy (lock_wait.h); giving up names the session in the way (Error kLockTimeout).
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include <pqxx/pqxx>

#include "db/lock_wait.h"

namespace seedgen {

class Connection;
struct FleetPlan;

struct SwapSchemas {
  std::string stage;   // where the new fleet was built (left empty and dropped by the swap)
  std::string old;     // where the old fleet goes (created by the swap, dropped afterwards)
};

struct SwapResult {
  double locked_seconds = 0;   // from holding every lock to the commit
  int attempts = 0;
};

// swap_in: REQUIRES: install_catalog_functions() ran on `connection`. `record` runs inside the transaction,
// after the moves. Throws Error(kTarget) when an object outside the fleet now depends on it, Error(kLockTimeout),
// Error(kInterrupted) when *cancel is set before the commit, or the server's error (nothing changed then).
SwapResult swap_in(Connection& connection, const FleetPlan& plan, const SwapSchemas& schemas, const LockPolicy& policy,
                   const std::function<void(pqxx::transaction_base&)>& record, const std::atomic<bool>* cancel);

// drop_schema: drops schema `name` and everything in it, waiting for its locks per `policy`. Returns false
// when another session still held them (`seedgen clean` or the next load removes it then).
bool drop_schema(Connection& connection, const std::string& name, const LockPolicy& policy);

}  // namespace seedgen

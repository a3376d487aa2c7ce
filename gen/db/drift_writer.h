// drift_writer.h: where a loaded estate stands in time (the load drift moves and its last drifted day),
// and one day of drift written to it: every table's inserts, updates and deletes, the cost roll-ups, the
// ledger row and the key's history, in one transaction. Readers never wait for it: rows change under
// ROW EXCLUSIVE, the updated_at triggers are switched off for the day under SHARE ROW EXCLUSIVE and the
// roll-ups refresh CONCURRENTLY, none of which conflicts with a reader's ACCESS SHARE. A day that fails
// or is killed leaves the previous day exactly as it was; a day already applied is not applied again.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "db/lock_wait.h"

namespace seedgen {

class Connection;
struct DayDiff;
struct GenerationResult;

struct DriftState {
  int64_t run_id = 0;
  std::string profile;
  uint64_t seed = 0;
  std::string profile_overrides;   // JSON: {"accounts": n, "scale": x} when the load had them
  std::string seedgen_version;     // of the load
  int32_t load_day = 0;            // the load's as_of
  int32_t current_day = 0;         // the last drifted day, else the load's
  int64_t days_drifted = 0;
  std::map<std::string, std::string> checksums;   // sha256 of each table's generated COPY text on current_day
};

// read_drift_state: the latest completed load and how far it has drifted; nullopt when the database holds
// none (or no seedgen bookkeeping at all).
std::optional<DriftState> read_drift_state(Connection& connection);

// LastRun: the latest run of seedgen.runs, whatever its state.
struct LastRun {
  int64_t run_id = 0;
  std::string status, profile, seed, as_of, error;
};

// read_last_run: nullopt when the database has no run (or no bookkeeping).
std::optional<LastRun> read_last_run(Connection& connection);

struct DayReport {
  int32_t day = 0;
  bool already_applied = false;    // another drift applied it first: nothing was written
  std::map<std::string, uint64_t> inserted, updated, deleted;   // by qualified table, tables that changed
  double seconds = 0;
  int attempts = 0;                // transactions tried (more than 1 after lock waits)
};

// apply_drift_day: writes `diff` (from state.current_day to diff.to_day = current_day + 1) and records the
// day with `generated` (the new day's checksums and figures). Throws Error(kLockTimeout) naming the session
// that held a lock for longer than the policy allows, Error(kInterrupted) when *cancel became true before
// the commit, Error(kLoad) with the server's reason; in every case nothing of the day was written.
DayReport apply_drift_day(Connection& connection, const DriftState& state, const DayDiff& diff,
                          const GenerationResult& generated, const LockPolicy& policy, const std::atomic<bool>* cancel);

}  // namespace seedgen

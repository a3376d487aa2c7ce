// drift_writer.h: where a loaded estate stands in time (the load drift moves and its last drifted day),
// and one day of drift written to it: every table's inserts, updates and deletes with their events, the
// cost roll-ups, the ledger row and the key's history, in one transaction (or, trickled, in many small
// ones whose last writes the ledger row). Readers never wait for it: rows change under
// ROW EXCLUSIVE, the updated_at triggers are switched off for the day under SHARE ROW EXCLUSIVE and the
// roll-ups refresh CONCURRENTLY, none of which conflicts with a reader's ACCESS SHARE. A day that fails
// or is killed leaves the previous day exactly as it was; a day already applied is not applied again.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/action_runner.h"
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
  int64_t partial_steps = 0;       // steps of day current_day + 1 a stopped --follow wrote (the day is unfinished)
  int64_t partial_of = 0;          // ... of how many
};

// read_drift_state: the latest completed load and how far it has drifted; nullopt when the database holds
// none (or no seedgen bookkeeping at all).
std::optional<DriftState> read_drift_state(Connection& connection);

// loaded_drift_state: read_drift_state's state; Error(kTarget) in one line when the database holds no load.
DriftState loaded_drift_state(Connection& connection);

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
  int64_t steps = 0;               // trickled: the day's steps (each its own transaction), else 0
  int64_t resumed_after = 0;       // trickled: steps an earlier, stopped drift had written
  std::vector<ActionOutcome> actions;   // approved optimization actions carried out before the day's changes
};

// apply_drift_day: writes `diff` (from state.current_day to diff.to_day = current_day + 1) and records the
// day with `generated` (the new day's checksums and figures). Throws Error(kLockTimeout) naming the session
// that held a lock for longer than the policy allows, Error(kInterrupted) when *cancel became true before
// the commit, Error(kLoad) with the server's reason; in every case nothing of the day was written.
DayReport apply_drift_day(Connection& connection, const DriftState& state, const DayDiff& diff,
                          const GenerationResult& generated, const LockPolicy& policy, const std::atomic<bool>* cancel);

// kTrickleStepRows: the most rows one step of a trickled day writes (one table's inserts, updates or deletes).
constexpr size_t kTrickleStepRows = 500;

// apply_drift_day_in_steps: writes the day as apply_drift_day does, but in steps of at most kTrickleStepRows
// rows, each in its own transaction (and a day with DriftState::partial_steps can only be finished this way), spread evenly over `day_seconds` of wall time; the last transaction
// refreshes the roll-ups and writes the ledger row. Readers see the day arrive piece by piece, each piece
// consistent. Resumes after the steps an earlier, stopped call wrote. Throws as apply_drift_day does;
// Error(kInterrupted) between steps leaves the steps written so far for the next drift to resume.
DayReport apply_drift_day_in_steps(Connection& connection, const DriftState& state, const DayDiff& diff,
                                   const GenerationResult& generated, const LockPolicy& policy,
                                   const std::atomic<bool>* cancel, double day_seconds);

}  // namespace seedgen

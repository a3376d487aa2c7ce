// loader.h: loads a fleet into PostgreSQL without ever blocking its readers for long: the new fleet is built
// beside the live one, in a staging schema of its own run, over several connections (staged_build.h), and
// swapped in by one short transaction (swap.h). Before any work the load checks what it can (load_checks.h)
// and migrates if needed (own transactions); a failed, interrupted or killed load leaves the live fleet as it
// was, and whatever it staged is removed by it, or by the next load or `seedgen clean` (leftovers.h). The
// fleet comes from the generator (load_fleet) or from a bundle written by `seedgen --out` (load_bundle), by
// the very same path.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "db/leftovers.h"
#include "db/lock_wait.h"
#include "db/run_log.h"
#include "db/swap.h"
#include "pipeline/pipeline.h"

namespace seedgen {

struct World;

struct LoadOptions {
  std::string url;
  bool reset = false;
  GenerationOptions generation;   // its cancel flag also stops the load; load_bundle uses its on_progress only
  std::function<void(const std::string& phase)> on_phase;   // a phase starts
  // on_step: after each step of a phase: every index built ("indexes"), key attached ("keys"), foreign key
  // validated ("foreign keys"), table given its settings, triggers, policies and grants ("settings"), view and view index built
  // ("rollups"), with the steps done and the phase's total. Called from the loader's worker threads, and
  // on_progress is too: the callbacks must be thread-safe. seedgen never runs two of on_phase, on_step and
  // on_progress at once.
  std::function<void(const std::string& phase, int done, int total, const std::string& item)> on_step;
  int connections = 0;            // 0: default_connections()
  LockPolicy locks;               // --lock-timeout, --wait
  std::string layout;             // "" : the database's (kDefaultLayout for a fresh one)
};

struct LoadReport {
  GenerationResult generation;
  std::vector<PhaseTiming> phases;
  std::vector<BuildTiming> index_builds;   // every table index built, keys' included
  std::vector<std::string> migrated;       // migrations (and layout files) applied first
  std::string layout;
  int64_t run_id = 0;
  int connections = 0;
  CleanReport cleaned;                     // earlier loads' leftovers found and removed
  SwapResult swap;
  bool old_fleet_left = false;             // the replaced fleet's schema could not be dropped yet
};

// default_connections: one more than the cores, at least 2 and at most 8. The longest index build (a GIN)
// keeps one backend busy for most of a large load; the others keep every core busy meanwhile with COPY and
// the other builds.
int default_connections();

// load_fleet: generates `world` and loads it. Throws Error(kConnection / kTarget / kMigration / kLoad /
// kLockTimeout / kInterrupted).
LoadReport load_fleet(const World& world, const LoadOptions& options);

// load_bundle: loads the bundle in `folder` (manifest.json and its COPY files), recording the bundle's
// profile, seed, as_of and checksums. Also throws Error(kIo) for an unreadable, foreign or damaged bundle.
LoadReport load_bundle(const std::filesystem::path& folder, const LoadOptions& options);

}  // namespace seedgen

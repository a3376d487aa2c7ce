// leftovers.h: what killed loads leave behind, found and removed: 'loading' runs whose loader is gone become
// 'abandoned', and the schemas of runs that no live loader owns (seedgen_stage_<run>, a fleet being built;
// seedgen_old_<run>, a fleet a swap replaced) are dropped. Safe while other loads run: a run is alive exactly
// while its loader holds the run's lock (run_log.h). Run by every load before it stages, and by `seedgen clean`.
#pragma once

#include <string>
#include <vector>

#include "db/lock_wait.h"

namespace seedgen {

class Connection;

struct CleanReport {
  int abandoned_runs = 0;
  std::vector<std::string> dropped;   // schemas removed
  std::vector<std::string> busy;      // schemas another session still had locked (left for next time)
};

// clean_leftovers: waits for each schema's locks per `policy`.
CleanReport clean_leftovers(Connection& connection, const LockPolicy& policy);

}  // namespace seedgen

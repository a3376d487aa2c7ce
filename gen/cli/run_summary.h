// run_summary.h: what seedgen prints when it is done (like pgbench -i's "done in"), and the same report
// as JSON for machines (--json FILE).
#pragma once

#include <string>
#include <vector>

#include "db/run_log.h"
#include "pipeline/pipeline.h"

namespace seedgen {

struct World;

struct RunSummary {
  std::string mode;                    // "load", "out", "count-only"
  std::string destination;             // database URL (password hidden) or folder
  GenerationResult generation;
  std::vector<PhaseTiming> phases;
  std::vector<std::string> migrated;
  int64_t run_id = 0;
  int abandoned_runs = 0;              // earlier killed loads this load found and marked
  double total_seconds = 0;
};

void print_summary(const World& world, const RunSummary& summary);
// write_json_report: throws Error(kIo) when the file cannot be written.
void write_json_report(const std::string& path, const World& world, const RunSummary& summary);

}  // namespace seedgen

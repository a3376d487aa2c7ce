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
  std::string mode;                    // "load", "out", "count-only", "load-bundle"
  std::string destination;             // database URL (password hidden) or folder
  std::string profile, seed, as_of;    // what was generated or loaded
  size_t accounts = 0;                 // 0 when unknown (a bundle)
  GenerationResult generation;
  std::vector<PhaseTiming> phases;
  std::vector<std::string> migrated;
  int64_t run_id = 0;
  int abandoned_runs = 0;              // earlier killed loads this load found and marked
  double total_seconds = 0;
};

// describe_world: the profile, seed, as_of and account count of `world`, for the summary.
void describe_world(const World& world, RunSummary& summary);

void print_summary(const RunSummary& summary);
// write_json_report: throws Error(kIo) when the file cannot be written ("-": standard output).
void write_json_report(const std::string& path, const RunSummary& summary);

// report_run: the human summary on stdout unless `quiet` or `json` is "-" (which gives stdout to the JSON),
// and the JSON report when `json` names a file or "-".
void report_run(const RunSummary& summary, bool quiet, const std::string& json);

}  // namespace seedgen

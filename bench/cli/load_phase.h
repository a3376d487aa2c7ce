// load_phase.h: seedbench's concurrent phases (--clients N): the quiet run, the same run with the writer
// alongside (--with-drift), and the capacity search of each (--find-capacity), in that order, into the
// report. The writer is started before a drift phase's clients connect and stopped after its last
// measurement; if it ends on its own meanwhile, the phase fails (its figures would not be under writes).
#pragma once

#include <string>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/cli/bench_options.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

// LoadFleet: the accounts a concurrent phase draws from: the three fixed classes and the whole fleet.
struct LoadFleet {
  std::vector<AccountClass> classes;   // largest, median, small
  std::vector<AccountClass> pool;      // every account, with subjects
  std::string as_of;
};

// check_writer: throws Error(kUsage) when --with-drift asks for the drift engine and this build of seedgen
// has none; otherwise records what will run in report.writer. Call before measuring anything.
void check_writer(const std::string& url, const ConcurrencyOptions& options, BenchReport& report);

// run_load_phases: the concurrent phases and capacity searches; their results go to report.load_runs,
// report.capacities, report.mix and report.writer.
void run_load_phases(const std::string& url, const BenchOptions& options, const std::vector<CatalogQuery>& catalog,
                     const LoadFleet& fleet, BenchReport& report);

}  // namespace seedgen::bench

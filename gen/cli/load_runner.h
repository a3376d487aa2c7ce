// load_runner.h: what both loading commands (`seedgen --profile P` and `seedgen load DIR`) do around the
// loader: its options from the shared flags, with the progress display on its callbacks, and its report turned
// into the summary, with notes on stderr about what it found and left (earlier runs' leftovers, an old fleet
// it could not drop yet).
#pragma once

#include <string>

#include "cli/generate_options.h"
#include "cli/progress.h"
#include "cli/run_summary.h"
#include "db/loader.h"

namespace seedgen {

// loader_options: REQUIRES: `progress` outlives the load.
LoadOptions loader_options(const LoadFlags& flags, Progress& progress);

// summarize_load: moves `report` into `summary` and prints the notes.
void summarize_load(LoadReport report, const LoadOptions& options, RunSummary& summary);

}  // namespace seedgen

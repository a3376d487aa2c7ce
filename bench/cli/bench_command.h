// bench_command.h: one seedbench run from parsed options to written reports: read the fleet, time the
// catalog, analyse plans and indexes, write JSON/HTML/Markdown, apply the gate. Throws seedgen::Error;
// returns the exit code (0, or kExitGate when --gate finds a p95 over the target).
#pragma once

#include "bench/cli/bench_options.h"
#include "command_line/exit_codes.h"   // kExitGate, shared with seedgen score

namespace seedgen::bench {

int run_bench(const BenchOptions& options);

}  // namespace seedgen::bench

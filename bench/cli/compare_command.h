// compare_command.h: `seedbench compare A.json B.json`: two seedbench JSON reports side by side, per
// series, query and account class: p50/p95/p99 old, new and the p95 change; Markdown on stdout (or
// --summary), the A/B page with --report. Returns kExitGate when a p95 regressed past --max-regression
// (and --min-change-ms), 0 otherwise; throws Error(kUsage) for bad flags and Error(kIo) for a report
// that cannot be read.
#pragma once

namespace seedgen::bench {

// is_compare_command: argv[1] is "compare".
bool is_compare_command(int argc, char** argv);

int run_compare(int argc, char** argv);

}  // namespace seedgen::bench

// benchmark_reporters.h: Google Benchmark's console and JSON reporters with two changes seedbench needs.
//  - Stable names. A benchmark with a fixed iteration count is named "query/class/iterations:N/real_time",
//    and N follows each run's warm-up, so tools that match runs by name (Google Benchmark's compare.py)
//    could not pair most benchmarks of two runs. These reporters drop the iterations part: the names are
//    "query/class/real_time" in both outputs (the count stays in each run's "iterations" field).
//  - No "Library was built as DEBUG" banner. Debian 12 builds libbenchmark without NDEBUG, which turns on
//    the library's internal checks and that warning. seedbench times every execution itself with
//    steady_clock around the query, so the library's checks are outside the measured interval; the
//    console reporter prints one line saying so instead. (The JSON context still says
//    "library_build_type": "debug", as it describes the library.)
// Both wrap the library's own reporters; one instance per benchmark run, used from one thread.
#pragma once

#include <vector>

#include <benchmark/benchmark.h>

namespace seedgen::bench {

// stable_runs: `runs` with the iterations part of every name removed.
std::vector<benchmark::BenchmarkReporter::Run> stable_runs(const std::vector<benchmark::BenchmarkReporter::Run>& runs);

class StableConsoleReporter : public benchmark::ConsoleReporter {
 public:
  StableConsoleReporter() : benchmark::ConsoleReporter(OO_Tabular) {}
  bool ReportContext(const Context& context) override;
  void ReportRuns(const std::vector<Run>& runs) override;
};

class StableJsonReporter : public benchmark::JSONReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override;
};

}  // namespace seedgen::bench

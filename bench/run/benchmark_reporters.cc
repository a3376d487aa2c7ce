// benchmark_reporters.cc: name rewriting and the console context line.
#include "bench/run/benchmark_reporters.h"

#include <ostream>

namespace seedgen::bench {

std::vector<benchmark::BenchmarkReporter::Run> stable_runs(const std::vector<benchmark::BenchmarkReporter::Run>& runs) {
  std::vector<benchmark::BenchmarkReporter::Run> stable = runs;
  for (auto& run : stable) run.run_name.iterations.clear();
  return stable;
}

bool StableConsoleReporter::ReportContext(const Context& context) {
  // What ConsoleReporter::ReportContext does, minus PrintBasicContext's banner (see the header).
  name_field_width_ = context.name_field_width;
  printed_header_ = false;
  prev_counters_.clear();
  GetErrorStream() << "seedbench: Google Benchmark on " << context.cpu_info.num_cpus
                   << " CPUs; latencies are timed by seedbench around each execution (Debian's library "
                      "build keeps its internal checks, outside that interval)\n";
  return true;
}

void StableConsoleReporter::ReportRuns(const std::vector<Run>& runs) {
  benchmark::ConsoleReporter::ReportRuns(stable_runs(runs));
}

void StableJsonReporter::ReportRuns(const std::vector<Run>& runs) {
  benchmark::JSONReporter::ReportRuns(stable_runs(runs));
}

}  // namespace seedgen::bench

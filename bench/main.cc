// main.cc: seedbench's entry point, the only place that turns errors into messages and exit codes
// (README, "seedbench"; bench_exit_codes in bench_options.cc): 0 ok, 1 internal, 2 usage, 4 connection,
// 5 no usable fleet, 8 i/o, 9 gate failed (or, for `seedbench compare` and --baseline, a regression past
// --max-regression).
#include <exception>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "bench/cli/bench_command.h"
#include "bench/cli/bench_options.h"
#include "bench/cli/compare_command.h"
#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "core/error.h"

namespace {

// initialize_google_benchmark: hands Google Benchmark its own flags, plus the JSON output when asked.
// The argument strings live as long as the program: Google Benchmark keeps pointers to them.
void initialize_google_benchmark(const char* program, const seedgen::bench::BenchOptions& options) {
  static std::vector<std::string> arguments;
  static std::vector<char*> argv;
  arguments = {program};
  if (!options.benchmark_json_path.empty()) {
    arguments.push_back("--benchmark_out=" + options.benchmark_json_path);
    arguments.push_back("--benchmark_out_format=json");
  }
  arguments.insert(arguments.end(), options.benchmark_flags.begin(), options.benchmark_flags.end());
  for (auto& argument : arguments) argv.push_back(argument.data());
  int argc = static_cast<int>(argv.size());
  benchmark::Initialize(&argc, argv.data());
  if (argc > 1) throw seedgen::Error(seedgen::ErrorKind::kUsage, fmt::format("unknown Google Benchmark flag: {}", argv[1]));
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (seedgen::bench::is_compare_command(argc, argv)) return seedgen::bench::run_compare(argc, argv);
    const auto options = seedgen::bench::parse_bench_options(argc, argv);
    if (options.help) {
      fmt::print("{}", seedgen::bench::bench_help());
      return seedgen::kExitOk;
    }
    if (options.version) {
      fmt::print("seedbench {}\n", SEEDGEN_VERSION);
      return seedgen::kExitOk;
    }
    initialize_google_benchmark(argv[0], options);
    return seedgen::bench::run_bench(options);
  } catch (const seedgen::Error& error) {
    fmt::print(stderr, "seedbench: {}\n", seedgen::printable(error.what()));
    return seedgen::exit_code_for(error.kind());
  } catch (const std::exception& error) {
    fmt::print(stderr, "seedbench: internal error: {}\n", seedgen::printable(error.what()));
    return seedgen::kExitInternal;
  }
}

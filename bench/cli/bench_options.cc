// bench_options.cc: cxxopts definitions and the checks on their values.
#include "bench/cli/bench_options.h"

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "bench/cli/bench_command.h"
#include "bench/cli/phase_options.h"
#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "core/error.h"
#include "util/data_home.h"
#include "util/redact_password.h"

namespace seedgen::bench {
namespace {

cxxopts::Options bench_flags() {
  cxxopts::Options options("seedbench", "Time the agent query catalog against a loaded seedgen fleet.");
  options.custom_help("[OPTION...] [--benchmark_* ...]");
  options.add_options()
      ("db", "database URL or key=value string (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("profile", "refuse unless the loaded fleet is of this profile", cxxopts::value<std::string>()->default_value(""))
      ("queries", "comma-separated globs over query names (default: all)", cxxopts::value<std::string>()->default_value(""))
      ("queries-dir", "the query catalog (default: sql/queries of the data home)", cxxopts::value<std::string>()->default_value(""))
      ("gate", "exit 9 naming every query whose p95 exceeds the target")
      ("target-ms", "the latency target for p95 (default 100)", cxxopts::value<std::string>())
      ("json", "write seedbench's JSON report to FILE ('-': standard output, instead of the summary)",
       cxxopts::value<std::string>()->default_value(""))
      ("report", "write the HTML report to FILE", cxxopts::value<std::string>()->default_value(""))
      ("summary", "write the Markdown summary to FILE (default: standard output)", cxxopts::value<std::string>()->default_value(""))
      ("benchmark-json", "write Google Benchmark's JSON (for compare.py) to FILE",
       cxxopts::value<std::string>()->default_value(""))
      ("budget-ms", "aimed time per query and account class (default 1000)", cxxopts::value<std::string>())
      ("min-iterations", "fewest timed executions per benchmark (default 50)", cxxopts::value<std::string>())
      ("max-iterations", "most timed executions per benchmark (default 1000)", cxxopts::value<std::string>())
      ("plan-cache-mode", "auto, force_custom_plan or force_generic_plan for the timed sessions "
       "(default: the server's setting)", cxxopts::value<std::string>()->default_value(""))
      ("no-single-client", "skip the one-client timings of each query and class (Google Benchmark)")
      ("no-analysis", "skip EXPLAIN, index speedups and verdicts")
      ("no-index-hiding", "skip hiding each used index (keeps EXPLAIN and verdicts)")
      ("explain-timeout-ms", "cap on each EXPLAIN with an index hidden (default 30000)", cxxopts::value<std::string>())
      ("quiet", "print errors only: no progress lines, no summary on standard output")
      ("version", "print the version and exit")
      ("h,help", "show this help");
  add_phase_flags(options);
  return options;
}

std::vector<std::string> split_selectors(const std::string& text) {
  std::vector<std::string> selectors;
  for (size_t start = 0; start < text.size();) {
    const size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) selectors.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return selectors;
}

// take_benchmark_flags: moves --benchmark_* arguments out of argv into `flags`, returning the new argc.
int take_benchmark_flags(int argc, char** argv, std::vector<std::string>& flags) {
  int kept = 0;
  for (int index = 0; index < argc; ++index) {
    const std::string argument = argv[index];
    if (index > 0 && argument.rfind("--benchmark_out", 0) == 0) {
      // seedbench writes that file through its own reporter (stable names): --benchmark-json says where.
      throw Error(ErrorKind::kUsage, fmt::format("{} is not supported: use --benchmark-json FILE", argument));
    }
    if (index > 0 && argument.rfind("--benchmark_", 0) == 0) flags.push_back(argument);
    else argv[kept++] = argv[index];
  }
  return kept;
}

std::vector<ExitCodeDoc> bench_exit_codes() {
  return {
      {kExitOk, "success (and, with --gate, every p95 within the target)"},
      {kExitInternal, "internal error (a bug)"},
      {kExitUsage, "bad arguments: unknown flag or query name, a value out of range"},
      {kExitConnection, "database unreachable or credentials refused"},
      {kExitTarget, "no usable fleet: empty database, no completed seedgen load, answer key missing, other profile"},
      {kExitIo, "a report file could not be written"},
      {kExitGate, "the gate failed (--gate): a p95 over --target-ms; or a regression past --max-regression (--baseline, compare)"},
  };
}

void read_timing(const cxxopts::ParseResult& arguments, BenchOptions& options) {
  options.target_ms = number_flag(arguments, "target-ms", 0, 1e9).value_or(100);
  options.timing.budget_ms = number_flag(arguments, "budget-ms", 0, 1e9).value_or(1000);
  options.timing.min_iterations = static_cast<int>(integer_flag(arguments, "min-iterations", 1, 100000000).value_or(50));
  options.timing.max_iterations = static_cast<int>(integer_flag(arguments, "max-iterations", 1, 100000000).value_or(1000));
  if (options.timing.max_iterations < options.timing.min_iterations) {
    throw Error(ErrorKind::kUsage, "--max-iterations must be >= --min-iterations");
  }
  options.analysis.timeout_ms = static_cast<int>(integer_flag(arguments, "explain-timeout-ms", 1, 86400000).value_or(30000));
}

// joined: the command line for the report, with every password libpq would read replaced by ***.
std::string joined(int argc, char** argv) {
  std::string line;
  for (int index = 0; index < argc; ++index) line += (index > 0 ? " " : "") + redact_password(argv[index]);
  return line;
}

}  // namespace

std::string bench_help() { return help_text(bench_flags(), database_environment(), bench_exit_codes()); }

BenchOptions parse_bench_options(int argc, char** argv) {
  BenchOptions options;
  options.command_line = joined(argc, argv);
  argc = take_benchmark_flags(argc, argv, options.benchmark_flags);
  auto flags = bench_flags();
  const auto arguments = parse_flags(flags, argc, argv, options.help);
  if (options.help) return options;
  options.version = arguments.count("version") != 0;
  if (options.version) return options;
  options.db = arguments["db"].as<std::string>();
  options.profile = arguments["profile"].as<std::string>();
  options.queries_dir = arguments["queries-dir"].as<std::string>();
  if (options.queries_dir.empty()) options.queries_dir = (data_home() / "sql" / "queries").string();
  options.selectors = split_selectors(arguments["queries"].as<std::string>());
  options.gate = arguments.count("gate") != 0;
  options.quiet = arguments.count("quiet") != 0;
  options.json_path = arguments["json"].as<std::string>();
  options.report_path = arguments["report"].as<std::string>();
  options.summary_path = arguments["summary"].as<std::string>();
  options.benchmark_json_path = arguments["benchmark-json"].as<std::string>();
  read_timing(arguments, options);
  options.timing.benchmark_json = !options.benchmark_json_path.empty();
  options.plan_cache_mode = arguments["plan-cache-mode"].as<std::string>();
  if (!options.plan_cache_mode.empty() && options.plan_cache_mode != "auto" &&
      options.plan_cache_mode != "force_custom_plan" && options.plan_cache_mode != "force_generic_plan") {
    throw Error(ErrorKind::kUsage, "--plan-cache-mode must be auto, force_custom_plan or force_generic_plan");
  }
  options.single_client = arguments.count("no-single-client") == 0;
  options.analyse = arguments.count("no-analysis") == 0;
  options.analysis.per_index = arguments.count("no-index-hiding") == 0;
  if (options.json_path == "-" && options.summary_path == "-") {
    throw Error(ErrorKind::kUsage, "--json - and --summary - cannot both take standard output");
  }
  read_phase_options(arguments, options);
  return options;
}

}  // namespace seedgen::bench

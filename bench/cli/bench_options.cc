// bench_options.cc: cxxopts definitions and the checks on their values.
#include "bench/cli/bench_options.h"

#include <regex>

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "bench/cli/phase_options.h"
#include "command_line/parse_flags.h"
#include "core/error.h"

namespace seedgen::bench {
namespace {

cxxopts::Options bench_flags() {
  cxxopts::Options options("seedbench", "Time the agent query catalog against a loaded seedgen fleet.");
  options.add_options()
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("profile", "refuse unless the loaded fleet is of this profile", cxxopts::value<std::string>()->default_value(""))
      ("queries", "comma-separated globs over query names (default: all)", cxxopts::value<std::string>()->default_value(""))
      ("queries-dir", "the query catalog", cxxopts::value<std::string>()->default_value(SEEDGEN_SOURCE_DIR "/sql/queries"))
      ("gate", "exit 9 naming every query whose p95 exceeds the target")
      ("target-ms", "the latency target for p95", cxxopts::value<double>()->default_value("100"))
      ("json", "write seedbench's JSON report to FILE", cxxopts::value<std::string>()->default_value(""))
      ("report", "write the HTML report to FILE", cxxopts::value<std::string>()->default_value(""))
      ("summary", "write the Markdown summary to FILE (default: stdout)", cxxopts::value<std::string>()->default_value(""))
      ("benchmark-json", "write Google Benchmark's JSON (for compare.py) to FILE",
       cxxopts::value<std::string>()->default_value(""))
      ("budget-ms", "aimed time per query and account class", cxxopts::value<double>()->default_value("1000"))
      ("min-iterations", "fewest timed executions per benchmark", cxxopts::value<int>()->default_value("50"))
      ("max-iterations", "most timed executions per benchmark", cxxopts::value<int>()->default_value("1000"))
      ("plan-cache-mode", "auto, force_custom_plan or force_generic_plan for the timed sessions "
       "(default: the server's setting)", cxxopts::value<std::string>()->default_value(""))
      ("no-single-client", "skip the one-client timings of each query and class (Google Benchmark)")
      ("no-analysis", "skip EXPLAIN, index speedups and verdicts")
      ("no-index-hiding", "skip hiding each used index (keeps EXPLAIN and verdicts)")
      ("explain-timeout-ms", "cap on each EXPLAIN with an index hidden", cxxopts::value<int>()->default_value("30000"))
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

void require_positive(double value, const char* flag) {
  if (!(value > 0)) throw Error(ErrorKind::kUsage, fmt::format("--{} must be a positive number (got {})", flag, value));
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

// joined: the command line for the report, with any password in a URL or conninfo replaced by ***.
std::string joined(int argc, char** argv) {
  static const std::regex url_password(R"((://[^:/@\s]*):[^@\s]*@)");
  static const std::regex conninfo_password(R"(password=[^\s&]*)");
  std::string line;
  for (int index = 0; index < argc; ++index) line += (index > 0 ? " " : "") + std::string(argv[index]);
  line = std::regex_replace(line, url_password, "$1:***@");
  return std::regex_replace(line, conninfo_password, "password=***");
}

}  // namespace

BenchOptions parse_bench_options(int argc, char** argv) {
  BenchOptions options;
  options.command_line = joined(argc, argv);
  argc = take_benchmark_flags(argc, argv, options.benchmark_flags);
  auto flags = bench_flags();
  const auto arguments = parse_flags(flags, argc, argv, options.help);
  if (options.help) {
    options.help_text = flags.help();
    return options;
  }
  options.db = arguments["db"].as<std::string>();
  options.profile = arguments["profile"].as<std::string>();
  options.queries_dir = arguments["queries-dir"].as<std::string>();
  options.selectors = split_selectors(arguments["queries"].as<std::string>());
  options.gate = arguments.count("gate") != 0;
  options.target_ms = arguments["target-ms"].as<double>();
  require_positive(options.target_ms, "target-ms");
  options.json_path = arguments["json"].as<std::string>();
  options.report_path = arguments["report"].as<std::string>();
  options.summary_path = arguments["summary"].as<std::string>();
  options.benchmark_json_path = arguments["benchmark-json"].as<std::string>();
  options.timing.benchmark_json = !options.benchmark_json_path.empty();
  options.timing.budget_ms = arguments["budget-ms"].as<double>();
  require_positive(options.timing.budget_ms, "budget-ms");
  options.timing.min_iterations = arguments["min-iterations"].as<int>();
  options.timing.max_iterations = arguments["max-iterations"].as<int>();
  if (options.timing.min_iterations < 1 || options.timing.max_iterations < options.timing.min_iterations) {
    throw Error(ErrorKind::kUsage, "--min-iterations must be >= 1 and <= --max-iterations");
  }
  options.plan_cache_mode = arguments["plan-cache-mode"].as<std::string>();
  if (!options.plan_cache_mode.empty() && options.plan_cache_mode != "auto" &&
      options.plan_cache_mode != "force_custom_plan" && options.plan_cache_mode != "force_generic_plan") {
    throw Error(ErrorKind::kUsage, "--plan-cache-mode must be auto, force_custom_plan or force_generic_plan");
  }
  options.single_client = arguments.count("no-single-client") == 0;
  options.analyse = arguments.count("no-analysis") == 0;
  options.analysis.per_index = arguments.count("no-index-hiding") == 0;
  options.analysis.timeout_ms = arguments["explain-timeout-ms"].as<int>();
  require_positive(options.analysis.timeout_ms, "explain-timeout-ms");
  read_phase_options(arguments, options);
  return options;
}

}  // namespace seedgen::bench

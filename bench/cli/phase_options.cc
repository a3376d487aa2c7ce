// phase_options.cc: cxxopts definitions and checks of the optional phases.
#include "bench/cli/phase_options.h"

#include <cstdlib>

#include <fmt/format.h>

#include "core/error.h"

namespace seedgen::bench {
namespace {

void require(bool condition, const std::string& message) {
  if (!condition) throw Error(ErrorKind::kUsage, message);
}

void read_concurrency(const cxxopts::ParseResult& arguments, BenchOptions& options) {
  ConcurrencyOptions& load = options.concurrency;
  load.clients = arguments["clients"].as<int>();
  load.duration_s = arguments["duration"].as<double>();
  load.warmup_s = arguments["warmup"].as<double>();
  load.rate_qps = arguments["rate"].as<double>();
  load.mix_path = arguments["mix"].as<std::string>();
  if (load.mix_path.empty()) load.mix_path = options.queries_dir + "/mix.toml";
  load.seed = arguments["seed"].as<uint64_t>();
  load.with_drift = arguments.count("with-drift") != 0;
  load.drift_day_seconds = arguments["drift-day-seconds"].as<double>();
  load.drift_command = arguments["drift-command"].as<std::string>();
  load.find_capacity = arguments.count("find-capacity") != 0;
  load.capacity_step_s = arguments["capacity-step-seconds"].as<double>();
  load.capacity_steps = arguments["capacity-steps"].as<int>();
  require(load.clients >= 0 && load.clients <= 256, "--clients must be between 0 and 256");
  require(load.duration_s > 0 && load.warmup_s >= 0, "--duration must be positive and --warmup not negative");
  require(load.rate_qps >= 0, "--rate must not be negative");
  require(load.clients > 0 || (load.rate_qps == 0 && !load.with_drift && !load.find_capacity),
          "--rate, --with-drift and --find-capacity need --clients N");
  require(load.drift_day_seconds > 0, "--drift-day-seconds must be positive");
  require(load.capacity_step_s > 0 && load.capacity_steps >= 1, "--capacity-step-seconds and --capacity-steps must be positive");
}

void read_other_phases(const cxxopts::ParseResult& arguments, BenchOptions& options) {
  options.advisor.enabled = arguments.count("advise") != 0;
  options.advisor.share_of_target = arguments["advise-share"].as<double>();
  options.advisor.build = arguments["advise-build"].as<int>();
  require(options.advisor.share_of_target >= 0, "--advise-share must not be negative");
  require(options.advisor.build >= 0, "--advise-build must not be negative");
  options.cold.enabled = arguments.count("cold") != 0;
  options.cold.restart_command = arguments["cold-restart"].as<std::string>();
  options.cold.drop_os_cache = arguments.count("cold-keep-os-cache") == 0;
  const bool elsewhere = !options.db.empty() || std::getenv("DATABASE_URL") != nullptr || std::getenv("PGHOST") != nullptr;
  require(!options.cold.enabled || !options.cold.restart_command.empty() || !elsewhere,
          "--cold against a server other than the private cluster needs --cold-restart COMMAND");
  options.baseline.path = arguments["baseline"].as<std::string>();
  options.baseline.rule = read_regression_rule(arguments);
}

}  // namespace

void add_phase_flags(cxxopts::Options& flags) {
  flags.add_options("many clients")
      ("clients", "also run N clients at once for --duration (0: none)", cxxopts::value<int>()->default_value("0"))
      ("duration", "seconds each concurrent phase is measured", cxxopts::value<double>()->default_value("60"))
      ("warmup", "seconds of a concurrent phase not measured, first", cxxopts::value<double>()->default_value("5"))
      ("rate", "open loop: arrivals per second of the whole mix (default: closed loop)",
       cxxopts::value<double>()->default_value("0"))
      ("mix", "the workload mix (default: <queries-dir>/mix.toml)", cxxopts::value<std::string>()->default_value(""))
      ("seed", "seed of the question draws", cxxopts::value<uint64_t>()->default_value("1"))
      ("with-drift", "repeat each concurrent phase with the drift engine writing alongside")
      ("drift-day-seconds", "seconds over which the writer spreads one simulated day",
       cxxopts::value<double>()->default_value("60"))
      ("drift-command", "the writer to run instead of `seedgen drift --follow --day-seconds S --db URL`",
       cxxopts::value<std::string>()->default_value(""))
      ("find-capacity", "search the highest --rate at which every query's p95 stays within the target")
      ("capacity-step-seconds", "measured seconds of each capacity step", cxxopts::value<double>()->default_value("30"))
      ("capacity-steps", "most capacity steps", cxxopts::value<int>()->default_value("8"));
  flags.add_options("index advisor, cold caches, baseline")
      ("advise", "propose indexes with hypopg for queries over --advise-share of the target, build the best")
      ("advise-share", "advise queries whose p95 exceeds this share of the target",
       cxxopts::value<double>()->default_value("0.25"))
      ("advise-build", "build this many of the best recommendations for real (rolled back)",
       cxxopts::value<int>()->default_value("3"))
      ("cold", "time each query's first execution after a server restart (last phase; restarts the server)")
      ("cold-restart", "shell command that restarts the server (default: the private cluster's scripts/pg)",
       cxxopts::value<std::string>()->default_value(""))
      ("cold-keep-os-cache", "do not drop the OS page cache before each cold execution")
      ("baseline", "compare with this earlier seedbench JSON report", cxxopts::value<std::string>()->default_value(""))
      ;
  add_regression_flags(flags, "index advisor, cold caches, baseline");
}

void add_regression_flags(cxxopts::Options& flags, const std::string& group) {
  flags.add_options(group)
      ("max-regression", "a figure this share slower than the baseline fails (0.5: 50 %)",
       cxxopts::value<double>()->default_value("0.5"))
      ("min-change-ms", "changes smaller than this are never regressions", cxxopts::value<double>()->default_value("1"))
      ("regression-percentile", "the percentile judged: 50, 95 or 99", cxxopts::value<int>()->default_value("95"));
}

RegressionRule read_regression_rule(const cxxopts::ParseResult& arguments) {
  RegressionRule rule;
  rule.max_regression = arguments["max-regression"].as<double>();
  rule.min_change_ms = arguments["min-change-ms"].as<double>();
  rule.percentile = arguments["regression-percentile"].as<int>();
  require(rule.max_regression >= 0 && rule.min_change_ms >= 0, "--max-regression and --min-change-ms must not be negative");
  require(rule.percentile == 50 || rule.percentile == 95 || rule.percentile == 99,
          "--regression-percentile must be 50, 95 or 99");
  return rule;
}

void read_phase_options(const cxxopts::ParseResult& arguments, BenchOptions& options) {
  read_concurrency(arguments, options);
  read_other_phases(arguments, options);
}

}  // namespace seedgen::bench

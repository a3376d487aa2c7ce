// phase_options.cc: cxxopts definitions and checks of the optional phases.
#include "bench/cli/phase_options.h"

#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>

#include "command_line/flag_values.h"
#include "core/error.h"

namespace seedgen::bench {
namespace {

void require(bool condition, const std::string& message) {
  if (!condition) throw Error(ErrorKind::kUsage, message);
}

void read_concurrency(const cxxopts::ParseResult& arguments, BenchOptions& options) {
  ConcurrencyOptions& load = options.concurrency;
  load.clients = static_cast<int>(integer_flag(arguments, "clients", 0, 256).value_or(0));
  load.duration_s = number_flag(arguments, "duration", 0, 86400).value_or(60);
  load.warmup_s = number_flag(arguments, "warmup", -1, 86400).value_or(5);
  load.rate_qps = number_flag(arguments, "rate", -1, 1e6).value_or(0);
  load.mix_path = text_flag(arguments, "mix").value_or("");
  if (load.mix_path.empty()) load.mix_path = options.queries_dir + "/mix.toml";
  load.seed = static_cast<uint64_t>(integer_flag(arguments, "seed", 0, INT64_MAX).value_or(1));
  load.with_drift = arguments.count("with-drift") != 0;
  load.drift_day_seconds = number_flag(arguments, "drift-day-seconds", 0, 86400).value_or(60);
  load.drift_command = text_flag(arguments, "drift-command").value_or("");
  load.find_capacity = arguments.count("find-capacity") != 0;
  load.capacity_step_s = number_flag(arguments, "capacity-step-seconds", 0, 86400).value_or(30);
  load.capacity_steps = static_cast<int>(integer_flag(arguments, "capacity-steps", 1, 1000).value_or(8));
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
  options.advisor.share_of_target = number_flag(arguments, "advise-share", -1, 1000).value_or(0.25);
  options.advisor.build = static_cast<int>(integer_flag(arguments, "advise-build", 0, 100).value_or(3));
  require(options.advisor.share_of_target >= 0, "--advise-share must not be negative");
  require(options.advisor.build >= 0, "--advise-build must not be negative");
  options.cold.enabled = arguments.count("cold") != 0;
  options.cold.restart_command = text_flag(arguments, "cold-restart").value_or("");
  options.cold.drop_os_cache = arguments.count("cold-keep-os-cache") == 0;
  const bool elsewhere = !options.db.empty() || std::getenv("DATABASE_URL") != nullptr || std::getenv("PGHOST") != nullptr;
  require(!options.cold.enabled || !options.cold.restart_command.empty() || !elsewhere,
          "--cold against a server other than the private cluster needs --cold-restart COMMAND");
  options.baseline.path = text_flag(arguments, "baseline").value_or("");
  options.baseline.rule = read_regression_rule(arguments);
}

}  // namespace

void add_phase_flags(cxxopts::Options& flags) {
  flags.add_options("many clients")
      ("clients", "also run N clients at once for --duration (default 0: none)", cxxopts::value<std::string>())
      ("duration", "seconds each concurrent phase is measured (default 60)", cxxopts::value<std::string>())
      ("warmup", "seconds of a concurrent phase not measured, first (default 5)", cxxopts::value<std::string>())
      ("rate", "open loop: arrivals per second of the whole mix (default: closed loop)", cxxopts::value<std::string>())
      ("mix", "the workload mix (default: <queries-dir>/mix.toml)", cxxopts::value<std::string>())
      ("seed", "seed of the question draws (default 1)", cxxopts::value<std::string>())
      ("with-drift", "repeat each concurrent phase with the drift engine writing alongside")
      ("drift-day-seconds", "seconds over which the writer spreads one simulated day (default 60)", cxxopts::value<std::string>())
      ("drift-command", "the writer to run instead of `seedgen drift --follow --day-seconds S --db URL`",
       cxxopts::value<std::string>())
      ("find-capacity", "search the highest --rate at which every query's p95 stays within the target")
      ("capacity-step-seconds", "measured seconds of each capacity step (default 30)", cxxopts::value<std::string>())
      ("capacity-steps", "most capacity steps (default 8)", cxxopts::value<std::string>());
  flags.add_options("index advisor, cold caches, baseline")
      ("advise", "propose indexes with hypopg for queries over --advise-share of the target, build the best")
      ("advise-share", "advise queries whose p95 exceeds this share of the target (default 0.25)", cxxopts::value<std::string>())
      ("advise-build", "build this many of the best recommendations for real (rolled back) (default 3)", cxxopts::value<std::string>())
      ("cold", "time each query's first execution after a server restart (last phase; restarts the server)")
      ("cold-restart", "shell command that restarts the server (default: the private cluster's scripts/pg)",
       cxxopts::value<std::string>())
      ("cold-keep-os-cache", "do not drop the OS page cache before each cold execution")
      ("baseline", "compare with this earlier seedbench JSON report", cxxopts::value<std::string>())
      ;
  add_regression_flags(flags, "index advisor, cold caches, baseline");
}

void add_regression_flags(cxxopts::Options& flags, const std::string& group) {
  flags.add_options(group)
      ("max-regression", "a figure this share slower than the baseline fails (default 0.5: 50 %)", cxxopts::value<std::string>())
      ("min-change-ms", "changes smaller than this are never regressions (default 1)", cxxopts::value<std::string>())
      ("regression-percentile", "the percentile judged: 50, 95 or 99 (default 95)", cxxopts::value<std::string>());
}

RegressionRule read_regression_rule(const cxxopts::ParseResult& arguments) {
  RegressionRule rule;
  rule.max_regression = number_flag(arguments, "max-regression", -1, 1e6).value_or(0.5);
  rule.min_change_ms = number_flag(arguments, "min-change-ms", -1, 1e9).value_or(1);
  rule.percentile = static_cast<int>(integer_flag(arguments, "regression-percentile", 1, 99).value_or(95));
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

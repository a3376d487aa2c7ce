// load_phase.cc: quiet and drift phases, the writer around the latter, capacity searches.
#include "bench/cli/load_phase.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "bench/load/capacity_search.h"
#include "bench/load/database_client.h"
#include "bench/load/load_plan.h"
#include "bench/load/writer_process.h"
#include "core/error.h"

namespace seedgen::bench {
namespace {

void say(const std::string& line) { fmt::print(stderr, "seedbench: {}\n", line); }

std::vector<std::string> writer_argv(const std::string& url, const ConcurrencyOptions& options) {
  if (!options.drift_command.empty()) return shell_argv(options.drift_command);
  return default_drift_argv(sibling_binary("seedgen"), options.drift_day_seconds, url);
}

std::string writer_log_path() {
  return (std::filesystem::temp_directory_path() / fmt::format("seedbench-writer-{}.log", getpid())).string();
}

// PhaseRunner: what every run of one phase shares: the plan, the mix, the clients' factory.
class PhaseRunner {
 public:
  PhaseRunner(const std::string& url, const BenchOptions& options, const std::vector<CatalogQuery>& catalog,
              const LoadFleet& fleet)
      : options_(options),
        mix_(read_mix_file(options.concurrency.mix_path), catalog, fleet.pool.size()),
        plan_(build_load_plan(catalog, fleet.classes, fleet.pool, fleet.as_of)),
        clients_(database_clients(url, options.plan_cache_mode, catalog)) {}

  LoadRun run(const std::string& phase, double rate_qps, double duration_s) const {
    LoadOptions load;
    load.clients = options_.concurrency.clients;
    load.duration_s = duration_s;
    load.warmup_s = options_.concurrency.warmup_s;
    load.rate_qps = rate_qps;
    load.drain_s = std::max(2.0, duration_s / 4);
    load.seed = options_.concurrency.seed;
    load.phase = phase;
    say(fmt::format("{}: {} clients, {}, {} s", phase, load.clients,
                    rate_qps > 0 ? fmt::format("open loop at {} queries/s", rate_qps) : "closed loop", duration_s));
    return run_load_loop(plan_, mix_, clients_, load);
  }

  // capacity: the search of one phase, starting from half the closed-loop throughput `closed`.
  CapacityReport capacity(const std::string& phase, const LoadRun& closed, double target_ms) const {
    SearchOptions search;
    search.start_qps = std::max(0.5, closed.throughput_qps() / 2);
    search.max_steps = options_.concurrency.capacity_steps;
    const double step_s = options_.concurrency.capacity_step_s;
    CapacityReport report = search_capacity(
        [&](double rate) {
          const CapacityStep step = judge_step(run(phase, rate, step_s), target_ms);
          say(fmt::format("{}: {} queries/s {} (worst p95 {:.1f} ms, {})", phase, rate, step.passed ? "passes" : "fails",
                          step.worst_p95_ms, step.worst_query));
          return step;
        },
        search);
    report.phase = phase;
    report.clients = options_.concurrency.clients;
    report.step_seconds = step_s;
    return report;
  }

  MixWeights weights() const { return mix_.weights(); }

 private:
  const BenchOptions& options_;
  WorkloadMix mix_;
  LoadPlan plan_;
  ClientFactory clients_;
};

// run_phase: the measured run of one phase, then its capacity search if asked.
void run_phase(const PhaseRunner& runner, const std::string& phase, const BenchOptions& options, BenchReport& report) {
  const ConcurrencyOptions& load = options.concurrency;
  LoadRun measured = runner.run(phase, load.rate_qps, load.duration_s);
  if (load.find_capacity) {
    const LoadRun closed = load.rate_qps > 0 ? runner.run(phase, 0, load.capacity_step_s) : measured;
    report.capacities.push_back(runner.capacity(phase, closed, report.target_ms));
  }
  report.load_runs.push_back(std::move(measured));
}

}  // namespace

void check_writer(const std::string& url, const ConcurrencyOptions& options, BenchReport& report) {
  report.writer.requested = options.with_drift;
  const auto argv = writer_argv(url, options);
  report.writer.command = command_line_text(argv);
  if (options.with_drift && options.drift_command.empty() && !drift_engine_available(argv[0])) {
    throw Error(ErrorKind::kUsage, fmt::format("--with-drift: the drift engine is not available ({} has no `drift "
                                               "--follow` yet); no figures under writes can be measured", argv[0]));
  }
  report.writer.note = options.with_drift ? "" : std::string(kNoDriftWriteCost);
}

void run_load_phases(const std::string& url, const BenchOptions& options, const std::vector<CatalogQuery>& catalog,
                     const LoadFleet& fleet, BenchReport& report) {
  const PhaseRunner runner(url, options, catalog, fleet);
  report.mix = runner.weights();
  run_phase(runner, kQuietPhase, options, report);
  if (!options.concurrency.with_drift) return;
  const std::string log = writer_log_path();
  WriterProcess writer(writer_argv(url, options.concurrency), log);
  say(fmt::format("drift: writer started: {} (output in {})", report.writer.command, log));
  run_phase(runner, kDriftPhase, options, report);
  if (!writer.running()) {
    throw Error(ErrorKind::kTarget, fmt::format("the writer {} during the drift phase, so its figures are not under "
                                                "writes; its output is in {}", writer.ended_on_its_own(), log));
  }
  report.writer.note = fmt::format("ran through the drift phase, then {}; output in {}", writer.stop(), log);
}

}  // namespace seedgen::bench

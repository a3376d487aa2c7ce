// bench_command.cc: the phases of a seedbench run, in order.
#include "bench/cli/bench_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "bench/advisor/index_advisor.h"
#include "bench/analysis/index_verdicts.h"
#include "bench/catalog/query_catalog.h"
#include "bench/cli/load_phase.h"
#include "bench/compare/report_reader.h"
#include "bench/report/html_report.h"
#include "bench/report/json_report.h"
#include "bench/report/markdown_summary.h"
#include "util/text_file.h"
#include "bench/run/account_classes.h"
#include "bench/run/cold_timing.h"
#include "bench/run/index_inventory.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "bench/db/fleet_probe.h"
#include "bench/db/index_catalog.h"

namespace seedgen::bench {
namespace {

bool quiet_output = false;   // --quiet: errors only

void say(const std::string& line) {
  if (!quiet_output) fmt::print(stderr, "seedbench: {}\n", line);
}

// Diverted: while alive, what is written to file descriptor `stream` goes to `target` instead (a no-op
// when target is -1). Google Benchmark writes its table to stdout and its context to stderr; this is how
// --json - keeps stdout for the JSON and --quiet keeps both quiet.
class Diverted {
 public:
  Diverted(int stream, int target) : stream_(stream) {
    if (target < 0) return;
    std::fflush(nullptr);
    saved_ = dup(stream_);
    if (saved_ >= 0) dup2(target, stream_);
  }
  ~Diverted() {
    if (saved_ < 0) return;
    std::fflush(nullptr);
    dup2(saved_, stream_);
    close(saved_);
  }
  Diverted(const Diverted&) = delete;
  Diverted& operator=(const Diverted&) = delete;

 private:
  int stream_;
  int saved_ = -1;
};

// BenchmarkConsole: where Google Benchmark's output goes while the catalog is timed: as usual; its table
// on stderr when stdout carries the JSON; nowhere with --quiet (its errors become exceptions, printed
// by main after the timing).
class BenchmarkConsole {
 public:
  explicit BenchmarkConsole(const BenchOptions& options)
      : null_(options.quiet ? std::fopen("/dev/null", "w") : nullptr),
        stdout_(STDOUT_FILENO, null_ != nullptr ? fileno(null_) : options.json_path == "-" ? STDERR_FILENO : -1),
        stderr_(STDERR_FILENO, null_ != nullptr ? fileno(null_) : -1) {}
  ~BenchmarkConsole() {
    if (null_ != nullptr) std::fclose(null_);
  }
  BenchmarkConsole(const BenchmarkConsole&) = delete;
  BenchmarkConsole& operator=(const BenchmarkConsole&) = delete;

 private:
  std::FILE* null_;
  Diverted stdout_, stderr_;
};

DatasetFingerprint fingerprint_of(const LoadedRun& run) {
  return DatasetFingerprint{run.run_id,    run.profile,   run.seed,       run.as_of, run.seedgen_version,
                            run.resources, run.row_counts, run.checksums};
}

// Fleet: what is read about the database before anything is measured.
struct Fleet {
  LoadedRun run;
  std::vector<AccountClass> classes;
  std::vector<AccountClass> pool;   // every account with its subjects; read only for concurrent phases
  std::map<std::string, int64_t> table_rows;
  std::vector<IndexFacts> indexes;
};

std::vector<AccountClass> read_pool(Connection& probe, const std::vector<AccountSize>& sizes) {
  std::vector<AccountClass> pool;
  for (const auto& size : sizes) {
    pool.push_back({"any", size.account_id, size.resources, read_account_subjects(probe, size.account_id)});
  }
  return pool;
}

Fleet read_fleet(Connection& probe, const BenchOptions& options, BenchReport& report) {
  Fleet fleet;
  fleet.run = read_loaded_run(probe);
  if (!options.profile.empty() && options.profile != fleet.run.profile) {
    throw Error(ErrorKind::kTarget, fmt::format("the database holds profile '{}' (seed {}), not '{}'",
                                                fleet.run.profile, fleet.run.seed, options.profile));
  }
  const auto sizes = read_account_sizes(probe);
  fleet.classes = pick_account_classes(sizes);
  for (auto& account : fleet.classes) account.subjects = read_account_subjects(probe, account.account_id);
  if (options.concurrency.clients > 0) fleet.pool = read_pool(probe, sizes);
  fleet.table_rows = read_table_rows(probe);
  fleet.indexes = read_public_indexes(probe);
  report.dataset = fingerprint_of(fleet.run);
  report.server.settings = read_server_settings(probe);
  report.server.version = report.server.settings["server_version"];
  if (!options.plan_cache_mode.empty()) report.server.settings["plan_cache_mode"] = options.plan_cache_mode + " (seedbench)";
  report.accounts = fleet.classes;
  return fleet;
}

std::vector<QueryAnalysis> analyse_catalog(const std::string& url, const std::vector<CatalogQuery>& catalog,
                                           const Fleet& fleet, const AnalysisOptions& options) {
  QuerySession session(url);
  const auto catalog_indexes = catalog_index_names(fleet.indexes);
  std::vector<std::string> public_indexes;
  for (const auto& index : fleet.indexes) public_indexes.push_back(index.name);
  std::vector<QueryAnalysis> analyses;
  for (const auto& query : catalog) {
    const AccountClass account = classes_for(query, fleet.classes).front();   // largest, or global
    say(fmt::format("analysing {} ({})", query.name, account.name));
    analyses.push_back(analyse_query(session, query, account, fleet.run.as_of, fleet.table_rows,
                                     catalog_indexes, public_indexes, options));
  }
  return analyses;
}

AdvisorReport advise(const std::string& url, const BenchOptions& options, const std::vector<CatalogQuery>& catalog,
                     const Fleet& fleet, const BenchReport& report) {
  AdvisorSettings settings;
  settings.share_of_target = options.advisor.share_of_target;
  settings.build = options.advisor.build;
  settings.timeout_ms = options.analysis.timeout_ms;
  const auto queries = queries_to_advise(report, catalog, fleet.classes, settings.share_of_target);
  say(fmt::format("advising {} queries over {:.0f} ms", queries.size(), settings.share_of_target * report.target_ms));
  AdvisorSession session(url);
  return advise_indexes(session, queries, fleet.run.as_of, fleet.indexes, fleet.table_rows, settings);
}

void write_reports(const BenchReport& report, const BenchOptions& options, const Comparison* baseline) {
  if (!options.json_path.empty()) write_json_report(report, options.json_path);
  if (!options.report_path.empty()) write_html_report(report, options.report_path, baseline);
  const std::string summary = render_markdown_summary(report, baseline);
  if (!options.summary_path.empty()) write_text_file(options.summary_path, summary);
  else if (!options.quiet && options.json_path != "-") fmt::print("\n{}", summary);
}

int apply_gate(const BenchReport& report, const BenchOptions& options) {
  const auto failing = gate_failures(report);
  if (!options.gate || failing.empty()) return 0;
  std::vector<std::string> names;
  for (const auto& failure : failing) names.push_back(fmt::format("{} (p95 {:.1f} ms)", failure.label, failure.p95_ms));
  // Not say(): a failed gate is an error, shown even with --quiet.
  fmt::print(stderr, "seedbench: gate failed: {} over {} ms: {}\n", failing.size(), report.target_ms,
             fmt::join(names, ", "));
  return kExitGate;
}

RunInfo run_info(const BenchOptions& options) {
  RunInfo info;
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  info.started_at = stamp;
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  info.host = host;
  info.cpus = static_cast<int>(std::thread::hardware_concurrency());
  info.command_line = options.command_line;
  return info;
}

void time_single_client(const std::string& url, const BenchOptions& options, const std::vector<CatalogQuery>& catalog,
                        const Fleet& fleet, Connection& probe, BenchReport& report, IndexCounters& counters) {
  counters.scans_before = read_index_scans(probe);
  if (options.single_client) {
    const BenchmarkConsole console(options);
    QuerySession session(url, options.plan_cache_mode);
    report.timings = time_catalog(session, catalog, fleet.classes, fleet.run.as_of, options.timing);
    session.flush_statistics();
  }
  counters.scans_after = read_index_scans(probe);
}

}  // namespace

int run_bench(const BenchOptions& options) {
  quiet_output = options.quiet;
  auto catalog = load_query_catalog(options.queries_dir, options.selectors);   // bad names fail before connecting
  const std::string url = resolve_database_url(options.db);
  BenchReport report;
  report.target_ms = options.target_ms;
  report.seedbench_version = SEEDGEN_VERSION;
  report.run = run_info(options);
  check_writer(url, options.concurrency, report);   // before anything is measured
  std::optional<ComparableRun> baseline_run;
  if (!options.baseline.path.empty()) baseline_run = read_comparable_run(options.baseline.path);
  Connection probe(url);
  const Fleet fleet = read_fleet(probe, options, report);   // first: it names a database with no fleet
  catalog = load_query_catalog(options.queries_dir, options.selectors, {read_layout(probe)});
  say(fmt::format("{} queries on profile {} seed {} (run {}), {} resources", catalog.size(), fleet.run.profile,
                  fleet.run.seed, fleet.run.run_id, fleet.run.resources));

  IndexCounters counters;
  counters.build_seconds = fleet.run.index_seconds;
  time_single_client(url, options, catalog, fleet, probe, report, counters);
  if (options.concurrency.clients > 0) {
    run_load_phases(url, options, catalog, LoadFleet{fleet.classes, fleet.pool, fleet.run.as_of}, report);
  }
  if (options.analyse) {
    report.analyses = analyse_catalog(url, catalog, fleet, options.analysis);
    report.indexes = inventory_indexes(fleet.indexes, counters);
    judge_indexes(report.indexes, report.analyses, VerdictRules{});
  }
  if (options.advisor.enabled) report.advisor = advise(url, options, catalog, fleet, report);
  if (options.cold.enabled) {   // last: it restarts the server
    const ColdSettings cold{options.cold.restart_command.empty() ? default_restart_command() : options.cold.restart_command,
                            options.cold.drop_os_cache, options.plan_cache_mode};
    report.cold = time_cold(url, catalog, fleet.classes, fleet.run.as_of, cold);
  }
  std::optional<Comparison> baseline;
  if (baseline_run) {
    baseline = compare_runs(*baseline_run, comparable_run(report, "this run"), options.baseline.rule);
  }
  write_reports(report, options, baseline ? &*baseline : nullptr);
  const int gate = apply_gate(report, options);
  if (baseline && baseline->regressions() > 0) {
    fmt::print(stderr, "seedbench: {} p{} figures regressed against {}\n", baseline->regressions(),
               options.baseline.rule.percentile, options.baseline.path);
    return kExitGate;
  }
  return gate;
}

}  // namespace seedgen::bench

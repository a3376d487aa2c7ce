// bench_command.cc: the phases of a seedbench run, in order.
#include "bench/cli/bench_command.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "bench/analysis/index_verdicts.h"
#include "bench/catalog/query_catalog.h"
#include "bench/report/html_report.h"
#include "bench/report/json_report.h"
#include "bench/report/markdown_summary.h"
#include "util/text_file.h"
#include "bench/run/account_classes.h"
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
  std::map<std::string, int64_t> table_rows;
  std::vector<IndexFacts> indexes;
};

Fleet read_fleet(Connection& probe, const BenchOptions& options, BenchReport& report) {
  Fleet fleet;
  fleet.run = read_loaded_run(probe);
  if (!options.profile.empty() && options.profile != fleet.run.profile) {
    throw Error(ErrorKind::kTarget, fmt::format("the database holds profile '{}' (seed {}), not '{}'",
                                                fleet.run.profile, fleet.run.seed, options.profile));
  }
  fleet.classes = pick_account_classes(read_account_sizes(probe));
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
  std::vector<QueryAnalysis> analyses;
  for (const auto& query : catalog) {
    const AccountClass account = classes_for(query, fleet.classes).front();   // largest, or global
    say(fmt::format("analysing {} ({})", query.name, account.name));
    analyses.push_back(analyse_query(session, query, account, fleet.run.as_of, fleet.table_rows,
                                     catalog_indexes, options));
  }
  return analyses;
}

void write_reports(const BenchReport& report, const BenchOptions& options) {
  if (!options.json_path.empty()) write_json_report(report, options.json_path);
  if (!options.report_path.empty()) write_html_report(report, options.report_path);
  const std::string summary = render_markdown_summary(report);
  if (!options.summary_path.empty()) write_text_file(options.summary_path, summary);
  else if (!options.quiet && options.json_path != "-") fmt::print("\n{}", summary);
}

int apply_gate(const BenchReport& report, const BenchOptions& options) {
  const auto failing = failing_timings(report);
  if (!options.gate || failing.empty()) return 0;
  std::vector<std::string> names;
  for (const auto& timing : failing) {
    names.push_back(fmt::format("{}/{} (p95 {:.1f} ms)", timing.query, timing.account_class, timing.latency.p95));
  }
  // Not say(): a failed gate is an error, shown even with --quiet.
  fmt::print(stderr, "seedbench: gate failed: {} of {} over {} ms: {}\n", failing.size(), report.timings.size(),
             report.target_ms, fmt::join(names, ", "));
  return kExitGate;
}

}  // namespace

int run_bench(const BenchOptions& options) {
  quiet_output = options.quiet;
  const auto catalog = load_query_catalog(options.queries_dir, options.selectors);
  const std::string url = resolve_database_url(options.db);
  BenchReport report;
  report.target_ms = options.target_ms;
  report.seedbench_version = SEEDGEN_VERSION;
  Connection probe(url);
  const Fleet fleet = read_fleet(probe, options, report);
  say(fmt::format("{} queries on profile {} seed {} (run {}), {} resources", catalog.size(), fleet.run.profile,
                  fleet.run.seed, fleet.run.run_id, fleet.run.resources));

  IndexCounters counters;
  counters.build_seconds = fleet.run.index_seconds;
  counters.scans_before = read_index_scans(probe);
  {
    const BenchmarkConsole console(options);
    QuerySession session(url, options.plan_cache_mode);
    report.timings = time_catalog(session, catalog, fleet.classes, fleet.run.as_of, options.timing);
    session.flush_statistics();
  }
  counters.scans_after = read_index_scans(probe);
  if (options.analyse) {
    report.analyses = analyse_catalog(url, catalog, fleet, options.analysis);
    report.indexes = inventory_indexes(fleet.indexes, counters);
    judge_indexes(report.indexes, report.analyses, VerdictRules{});
  }
  write_reports(report, options);
  return apply_gate(report, options);
}

}  // namespace seedgen::bench

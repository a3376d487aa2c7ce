#include "cli/load_runner.h"

#include <fmt/format.h>

#include "cli/interrupts.h"
#include "db/database_url.h"
#include "util/redact_password.h"

namespace seedgen {
LoadOptions loader_options(const LoadFlags& flags, Progress& progress) {
  LoadOptions load;
  load.url = resolve_database_url(flags.db);
  load.reset = flags.reset;
  load.connections = flags.connections;
  load.locks = {flags.lock_timeout_ms, flags.wait};
  load.layout = flags.layout;
  load.generation.cancel = install_interrupt_handlers();
  load.generation.on_progress = [&progress](const GenerationProgress& update) { progress.rows(update); };
  load.on_phase = [&progress](const std::string& phase) { progress.phase(phase); };
  load.on_step = [&progress](const std::string& phase, int done, int total, const std::string& item) {
    progress.step(phase, done, total, item);
  };
  return load;
}

void summarize_load(LoadReport report, const LoadOptions& options, RunSummary& summary) {
  summary.destination = options.url.empty() ? "libpq environment (PG*)" : redact_password(options.url);
  summary.generation = std::move(report.generation);
  summary.phases = std::move(report.phases);
  summary.migrated = std::move(report.migrated);
  summary.run_id = report.run_id;
  summary.abandoned_runs = report.cleaned.abandoned_runs;
  const CleanReport& cleaned = report.cleaned;
  if (cleaned.abandoned_runs > 0) {
    fmt::print(stderr, "seedgen: note: marked {} earlier interrupted load(s) as abandoned\n", cleaned.abandoned_runs);
  }
  if (!cleaned.dropped.empty()) {
    fmt::print(stderr, "seedgen: note: removed {} schema(s) that earlier loads left behind\n", cleaned.dropped.size());
  }
  if (report.old_fleet_left) {
    fmt::print(stderr, "seedgen: note: the replaced fleet is still in schema seedgen_old_{} (a session kept it "
                       "locked); `seedgen clean` removes it\n", report.run_id);
  }
}

}  // namespace seedgen

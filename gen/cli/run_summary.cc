#include "cli/run_summary.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "model/world.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

double waste_share(const GenerationResult& result) {
  return result.monthly_cost > 0 ? result.planted_savings / result.monthly_cost : 0.0;
}

}  // namespace

void describe_world(const World& world, RunSummary& summary) {
  summary.profile = world.profile->name;
  summary.seed = std::to_string(world.profile->seed);
  summary.as_of = iso_date(world.as_of_day());
  summary.accounts = world.accounts.size();
}

void print_summary(const RunSummary& summary) {
  const GenerationResult& result = summary.generation;
  const double seconds = std::max(summary.total_seconds, 1e-9);
  fmt::print("seedgen {}: profile {} seed {} as_of {} -> {}\n", SEEDGEN_VERSION, summary.profile, summary.seed,
             summary.as_of, summary.destination);
  for (const auto& name : summary.migrated) fmt::print("  migrated {}\n", name);
  fmt::print("{:>44} {:>12} {:>10} {:>9}\n", "table", "rows", "MB", "sink s");
  for (const auto& [table, stats] : result.tables) {
    if (stats.rows == 0) continue;
    fmt::print("{:>44} {:>12} {:>10.1f} {:>9.2f}\n", table, stats.rows, stats.bytes / 1e6, stats.sink_seconds);
  }
  fmt::print("resources: {}  rows: {}  accounts: {}\n", result.resources, result.total_rows(),
             summary.accounts > 0 ? std::to_string(summary.accounts) : std::string("?"));
  fmt::print("planted waste: ${:.2f} of ${:.2f} monthly cost ({:.1f} %) in {} findings\n", result.planted_savings,
             result.monthly_cost, waste_share(result) * 100, result.planted_count);
  std::string phases;
  for (const auto& phase : summary.phases) phases += fmt::format("{}{} {:.2f} s", phases.empty() ? "" : ", ", phase.name, phase.seconds);
  fmt::print("done in {:.2f} s ({}); {:.0f} rows/s\n", summary.total_seconds, phases,
             static_cast<double>(result.total_rows()) / seconds);
  if (summary.run_id > 0) fmt::print("recorded as seedgen.runs run_id {}\n", summary.run_id);
  if (summary.abandoned_runs > 0) {
    fmt::print("note: marked {} earlier interrupted load(s) as abandoned\n", summary.abandoned_runs);
  }
}

void write_json_report(const std::string& path, const RunSummary& summary) {
  const GenerationResult& result = summary.generation;
  nlohmann::ordered_json report;
  report["seedgen_version"] = SEEDGEN_VERSION;
  report["mode"] = summary.mode;
  report["profile"] = summary.profile;
  report["seed"] = std::stoull(summary.seed);
  report["as_of"] = summary.as_of;
  report["accounts"] = summary.accounts;
  report["resources"] = result.resources;
  report["rows"] = result.total_rows();
  report["monthly_cost_usd"] = result.monthly_cost;
  report["planted_savings_usd"] = result.planted_savings;
  report["waste_share"] = waste_share(result);
  report["planted_findings"] = result.planted_count;
  report["run_id"] = summary.run_id;
  report["total_seconds"] = summary.total_seconds;
  for (const auto& phase : summary.phases) report["phases"][phase.name] = phase.seconds;
  for (const auto& [table, stats] : result.tables) {
    report["tables"][table] = {{"rows", stats.rows}, {"bytes", stats.bytes}, {"sha256", stats.sha256},
                               {"sink_seconds", stats.sink_seconds}};
  }
  write_text_file(path, report.dump(2) + '\n');
}

void report_run(const RunSummary& summary, bool quiet, const std::string& json) {
  if (!quiet && json != "-") print_summary(summary);
  if (!json.empty()) write_json_report(json, summary);
}

}  // namespace seedgen

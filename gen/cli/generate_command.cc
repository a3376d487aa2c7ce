#include "cli/generate_command.h"

#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "cli/generate_options.h"
#include "cli/interrupts.h"
#include "cli/load_runner.h"
#include "cli/progress.h"
#include "cli/run_summary.h"
#include "command_line/exit_codes.h"
#include "config/catalog_loader.h"
#include "core/calendar.h"
#include "db/loader.h"
#include "model/world.h"
#include "pipeline/file_sink.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

double seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

GenerationOptions generation_options(const GenerateOptions& options, Progress& progress) {
  GenerationOptions generation;
  generation.jobs = options.jobs;
  generation.shard_index = options.shard_index;
  generation.shard_count = options.shard_count;
  generation.cancel = install_interrupt_handlers();
  generation.on_progress = [&progress](const GenerationProgress& update) { progress.rows(update); };
  return generation;
}

void run_load(const World& world, const GenerateOptions& options, Progress& progress, RunSummary& summary) {
  LoadOptions load = loader_options(options.load, progress);
  if (load.layout.empty()) load.layout = world.profile->layout;
  load.generation.jobs = options.jobs;
  load.generation.shard_index = options.shard_index;
  load.generation.shard_count = options.shard_count;
  summary.mode = "load";
  summarize_load(load_fleet(world, load), load, summary);
}

void run_offline(const World& world, const GenerateOptions& options, Progress& progress, RunSummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  progress.phase("generate");
  const GenerationOptions generation = generation_options(options, progress);
  if (options.count_only) {
    DiscardSink sink;
    summary.mode = "count-only";
    summary.destination = "nowhere (--count-only)";
    summary.generation = generate(world, generation, sink);
  } else {
    FileSink sink(options.out);
    summary.mode = "out";
    summary.destination = options.out;
    summary.generation = generate(world, generation, sink);
    sink.finish(world, summary.generation, options.shard_index, options.shard_count);
  }
  summary.phases.push_back({"generate", seconds_since(started)});
}

}  // namespace

int32_t observed_day(const Profile& profile, std::optional<int32_t> as_of) {
  if (!as_of) return profile.as_of_day;
  if (*as_of < profile.as_of_day || *as_of > profile.as_of_day + kMaxDriftDays) {
    throw Error(ErrorKind::kUsage, fmt::format("--as-of must be from the profile's as_of {} to {} days after it (got {})",
                                               iso_date(profile.as_of_day), kMaxDriftDays, iso_date(*as_of)));
  }
  return *as_of;
}

int run_generate_command(int argc, char** argv) {
  const GenerateOptions options = parse_generate_options(argc, argv);
  if (options.help) {
    fmt::print("{}", generate_help());
    return kExitOk;
  }
  if (options.version) {
    fmt::print("seedgen {}\n", SEEDGEN_VERSION);
    return kExitOk;
  }
  const auto started = std::chrono::steady_clock::now();
  const Profile profile = load_profile(options.profile, options.overrides);
  const Catalog catalog = load_catalog(default_catalog_path());
  validate_profile_against_catalog(profile, catalog);
  const World world = plan_world(profile, catalog, observed_day(profile, options.as_of));

  if (!options.json.empty()) check_writable(options.json);
  RunSummary summary;
  describe_world(world, summary);
  {
    // The terminal line lives on stderr; log lines share stdout with the summary, unless the JSON takes it.
    const Progress::Mode mode = Progress::mode_for(options.quiet);
    Progress progress(mode, mode == Progress::Mode::kTerminal || options.json == "-" ? stderr : stdout);
    if (options.out.empty() && !options.count_only) {
      run_load(world, options, progress, summary);
    } else {
      run_offline(world, options, progress, summary);
    }
  }
  summary.total_seconds = seconds_since(started);
  report_run(summary, options.quiet, options.json);
  return kExitOk;
}

}  // namespace seedgen

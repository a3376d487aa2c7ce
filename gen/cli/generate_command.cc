#include "cli/generate_command.h"

#include <chrono>

#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "cli/generate_options.h"
#include "cli/interrupts.h"
#include "cli/load_runner.h"
#include "cli/progress_line.h"
#include "cli/run_summary.h"
#include "config/catalog_loader.h"
#include "db/loader.h"
#include "model/world.h"
#include "pipeline/file_sink.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

GenerationOptions generation_options(const GenerateOptions& options, ProgressLine& progress) {
  GenerationOptions generation;
  generation.jobs = options.jobs;
  generation.shard_index = options.shard_index;
  generation.shard_count = options.shard_count;
  generation.cancel = install_interrupt_handlers();
  generation.on_progress = [&progress](const GenerationProgress& update) { progress.update(update); };
  return generation;
}

void run_load(const World& world, const GenerateOptions& options, ProgressLine& progress, RunSummary& summary) {
  LoadOptions load = loader_options(options.load, progress);
  if (load.layout.empty()) load.layout = world.profile->layout;
  load.generation.jobs = options.jobs;
  load.generation.shard_index = options.shard_index;
  load.generation.shard_count = options.shard_count;
  summary.mode = "load";
  summarize_load(load_fleet(world, load), load, summary);
}

void run_offline(const World& world, const GenerateOptions& options, ProgressLine& progress, RunSummary& summary) {
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
  summary.phases.push_back({"generate", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()});
}

}  // namespace

int run_generate_command(int argc, char** argv) {
  const GenerateOptions options = parse_generate_options(argc, argv);
  if (options.help) {
    fmt::print("{}", options.help_text);
    return kExitOk;
  }
  const auto started = std::chrono::steady_clock::now();
  const Profile profile = load_profile(options.profile, options.overrides);
  const Catalog catalog = load_catalog(default_catalog_path());
  validate_profile_against_catalog(profile, catalog);
  const World world = plan_world(profile, catalog);

  if (!options.json.empty()) check_writable(options.json);
  RunSummary summary;
  describe_world(world, summary);
  {
    ProgressLine progress(!options.quiet);
    if (options.out.empty() && !options.count_only) {
      run_load(world, options, progress, summary);
    } else {
      run_offline(world, options, progress, summary);
    }
  }
  summary.total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  print_summary(summary);
  if (!options.json.empty()) write_json_report(options.json, summary);
  return kExitOk;
}

}  // namespace seedgen

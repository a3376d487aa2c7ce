#include "cli/load_command.h"

#include <chrono>

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "cli/generate_options.h"
#include "cli/load_runner.h"
#include "cli/progress.h"
#include "cli/run_summary.h"
#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "core/error.h"
#include "pipeline/bundle_manifest.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

cxxopts::Options load_flags() {
  cxxopts::Options options("seedgen load", "Load a bundle written by `seedgen --out DIR` into PostgreSQL.");
  options.positional_help("DIR");
  options.add_options()
      ("folder", "the bundle's folder", cxxopts::value<std::string>())
      ("json", "write the run report as JSON to FILE ('-': standard output, instead of the summary)",
       cxxopts::value<std::string>())
      ("quiet", "print errors only: no progress, no summary")
      ("h,help", "show this help");
  add_load_flags(options);
  options.parse_positional({"folder"});
  return options;
}

}  // namespace

int run_load_command(int argc, char** argv) {
  auto flags = load_flags();
  bool help = false;
  const auto arguments = parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", help_text(flags, database_environment(), seedgen_exit_codes()));
    return kExitOk;
  }
  if (arguments.count("folder") == 0) throw Error(ErrorKind::kUsage, "seedgen load needs the bundle's folder: seedgen load DIR");
  const std::string folder = arguments["folder"].as<std::string>();
  const std::string json = text_flag(arguments, "json").value_or("");
  if (arguments.count("json") != 0 && json.empty()) throw Error(ErrorKind::kUsage, "--json needs a file name or '-'");
  const bool quiet = arguments.count("quiet") != 0;
  const LoadFlags load_flags_given = parse_load_flags(arguments);
  const auto started = std::chrono::steady_clock::now();
  const BundleManifest manifest = read_bundle_manifest(folder);
  if (!json.empty()) check_writable(json);
  RunSummary summary;
  summary.mode = "load-bundle";
  summary.profile = manifest.profile;
  summary.seed = manifest.seed;
  summary.as_of = manifest.as_of;
  {
    const Progress::Mode mode = Progress::mode_for(quiet);
    Progress progress(mode, mode == Progress::Mode::kTerminal || json == "-" ? stderr : stdout);
    const LoadOptions load = loader_options(load_flags_given, progress);
    summarize_load(load_bundle(folder, load), load, summary);
  }
  summary.total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report_run(summary, quiet, json);
  return kExitOk;
}

}  // namespace seedgen

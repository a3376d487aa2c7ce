#include "cli/patterns_command.h"

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "config/waste_patterns.h"

namespace seedgen {
namespace {

cxxopts::Options patterns_flags() {
  cxxopts::Options options("seedgen patterns", "Print the waste pattern ids of the catalog, one per line.");
  options.add_options()("h,help", "show this help");
  return options;
}

}  // namespace

int run_patterns_command(int argc, char** argv) {
  auto flags = patterns_flags();
  bool help = false;
  parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", help_text(flags, {}, seedgen_exit_codes()));
    return kExitOk;
  }
  for (Pattern pattern : all_patterns()) fmt::print("{}\n", pattern_id(pattern));
  return kExitOk;
}

}  // namespace seedgen

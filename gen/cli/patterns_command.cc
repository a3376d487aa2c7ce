#include "cli/patterns_command.h"

#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "config/waste_patterns.h"
#include "core/error.h"

namespace seedgen {

int run_patterns_command(int argc, char** argv) {
  if (argc > 1) throw Error(ErrorKind::kUsage, fmt::format("seedgen patterns takes no arguments (got '{}')", argv[1]));
  for (Pattern pattern : all_patterns()) fmt::print("{}\n", pattern_id(pattern));
  return kExitOk;
}

}  // namespace seedgen

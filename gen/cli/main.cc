// main.cc: seedgen's entry point. The only place that turns errors into messages and exit codes.
#include <exception>
#include <string>

#include <fmt/format.h>

#include "cli/clean_command.h"
#include "cli/drift_command.h"
#include "cli/generate_command.h"
#include "cli/interrupts.h"
#include "cli/load_command.h"
#include "cli/migrate_command.h"
#include "cli/patterns_command.h"
#include "cli/profiles_command.h"
#include "cli/act_command.h"
#include "cli/score_command.h"
#include "cli/status_command.h"
#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "core/error.h"

namespace {

// Command: a word after `seedgen` that selects what to do; anything starting with "--" is a load.
struct Command {
  const char* name;
  int (*run)(int argc, char** argv);   // argv[0] is the command's name
};

constexpr Command kCommands[] = {
    {"clean", seedgen::run_clean_command},
    {"act", seedgen::run_act_command},
    {"drift", seedgen::run_drift_command},
    {"load", seedgen::run_load_command},
    {"migrate", seedgen::run_migrate_command},
    {"patterns", seedgen::run_patterns_command},
    {"profiles", seedgen::run_profiles_command},
    {"score", seedgen::run_score_command},
    {"status", seedgen::run_status_command},
};

int dispatch(int argc, char** argv) {
  if (argc < 2) throw seedgen::Error(seedgen::ErrorKind::kUsage, "no command given (see seedgen --help)");
  const std::string word = argv[1];
  for (const Command& command : kCommands) {
    if (word == command.name) return command.run(argc - 1, argv + 1);
  }
  if (word.rfind("-", 0) == 0) return seedgen::run_generate_command(argc, argv);
  throw seedgen::Error(seedgen::ErrorKind::kUsage,
                       "unknown command '" + seedgen::printable(word) +
                           "' (commands: act, clean, drift, load, migrate, patterns, profiles, score, status; see seedgen --help)");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const seedgen::Error& error) {
    fmt::print(stderr, "seedgen: {}\n", seedgen::printable(error.what()));
    if (error.kind() == seedgen::ErrorKind::kInterrupted && seedgen::interrupt_signal() != 0) {
      return 128 + seedgen::interrupt_signal();
    }
    return seedgen::exit_code_for(error.kind());
  } catch (const std::exception& error) {
    fmt::print(stderr, "seedgen: internal error: {}\n", seedgen::printable(error.what()));
    return seedgen::kExitInternal;
  }
}

// main.cc: seedgen's entry point. The only place that turns errors into messages and exit codes.
#include <cstring>
#include <exception>

#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "cli/clean_command.h"
#include "cli/generate_command.h"
#include "cli/interrupts.h"
#include "cli/load_command.h"
#include "cli/migrate_command.h"
#include "cli/patterns_command.h"
#include "core/error.h"

namespace {

constexpr const char* kUsage =
    "usage: seedgen --profile P [--db URL] [--seed N] [--accounts N] [--scale X] [--jobs N] [--shard i/n]\n"
    "                           [--reset] [--connections N] [--lock-timeout D | --wait] [--layout NAME]\n"
    "                           [--out DIR | --count-only] [--json FILE] [--quiet]\n"
    "       seedgen load DIR [--db URL] [--reset] [--connections N] [--lock-timeout D | --wait] [--json FILE]\n"
    "       seedgen migrate [--db URL] [--status] [--layout NAME]\n"
    "       seedgen clean [--db URL] [--lock-timeout D | --wait]\n"
    "       seedgen patterns             (the waste pattern ids, one per line)\n"
    "       seedgen --version\n";

int dispatch(int argc, char** argv) {
  if (argc < 2) throw seedgen::Error(seedgen::ErrorKind::kUsage, "no command given (see seedgen --help)");
  const std::string command = argv[1];
  if (command == "migrate") return seedgen::run_migrate_command(argc - 1, argv + 1);
  if (command == "load") return seedgen::run_load_command(argc - 1, argv + 1);
  if (command == "clean") return seedgen::run_clean_command(argc - 1, argv + 1);
  if (command == "patterns") return seedgen::run_patterns_command(argc - 1, argv + 1);
  if (command == "--version") {
    fmt::print("seedgen {}\n", SEEDGEN_VERSION);
    return seedgen::kExitOk;
  }
  if (command == "-h" || command == "--help") {
    fmt::print("{}", kUsage);
    return seedgen::kExitOk;
  }
  if (command.rfind("--", 0) == 0) return seedgen::run_generate_command(argc, argv);
  throw seedgen::Error(seedgen::ErrorKind::kUsage, "unknown command '" + command + "' (see seedgen --help)");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const seedgen::Error& error) {
    fmt::print(stderr, "seedgen: {}\n", error.what());
    if (error.kind() == seedgen::ErrorKind::kInterrupted && seedgen::interrupt_signal() != 0) {
      return 128 + seedgen::interrupt_signal();
    }
    return seedgen::exit_code_for(error.kind());
  } catch (const std::exception& error) {
    fmt::print(stderr, "seedgen: internal error: {}\n", error.what());
    return seedgen::kExitInternal;
  }
}

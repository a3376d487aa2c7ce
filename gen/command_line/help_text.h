// help_text.h: the --help page of a command: cxxopts' usage and flag list, then the environment
// variables the command reads and its exit codes, so that --help alone answers "what can I pass, what
// does it read, what does the exit status mean". The tables live with each command; this only lays
// them out.
#pragma once

#include <string>
#include <vector>

#include <cxxopts.hpp>

namespace seedgen {

struct EnvironmentDoc {
  std::string name;      // e.g. "DATABASE_URL"
  std::string meaning;
};

struct ExitCodeDoc {
  int code;
  std::string meaning;
};

// help_text: flags.help() followed by "Environment:" and "Exit codes:" sections (each omitted when empty).
std::string help_text(const cxxopts::Options& flags, const std::vector<EnvironmentDoc>& environment,
                      const std::vector<ExitCodeDoc>& exit_codes);

// database_environment: the variables every command that connects reads to find the database.
std::vector<EnvironmentDoc> database_environment();

}  // namespace seedgen

#include "command_line/help_text.h"

#include <fmt/format.h>

namespace seedgen {

std::string help_text(const cxxopts::Options& flags, const std::vector<EnvironmentDoc>& environment,
                      const std::vector<ExitCodeDoc>& exit_codes) {
  std::string text = flags.help();
  if (!environment.empty()) {
    text += "\nEnvironment:\n";
    for (const auto& variable : environment) text += fmt::format("  {:<24} {}\n", variable.name, variable.meaning);
  }
  if (!exit_codes.empty()) {
    text += "\nExit codes:\n";
    for (const auto& exit_code : exit_codes) text += fmt::format("  {:>3}  {}\n", exit_code.code, exit_code.meaning);
  }
  return text;
}

std::vector<EnvironmentDoc> database_environment() {
  return {
      {"DATABASE_URL", "the database when --db is not given"},
      {"PGHOST, PGPORT, PGUSER, ...", "libpq's variables, used when neither --db nor DATABASE_URL is set"},
      {"PGPASSWORD, PGPASSFILE", "libpq's password sources (never printed)"},
      {"SEEDGEN_HOME", "the folder with profiles/ and sql/ (default: the install prefix or checkout of the binary)"},
      {"SEEDGEN_PG_DIR", "the private cluster used when no database is named (default: <home>/.seedgen/pg)"},
  };
}

}  // namespace seedgen

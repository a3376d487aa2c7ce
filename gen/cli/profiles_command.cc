#include "cli/profiles_command.h"

#include <fstream>
#include <string>

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "config/profile_loader.h"

namespace seedgen {
namespace {

cxxopts::Options profiles_flags() {
  cxxopts::Options options("seedgen profiles", "List the profiles seedgen can generate, with their sizes.");
  options.add_options()("h,help", "show this help");
  return options;
}

// summary_line: the first comment line of a profile file without its "name.toml: " prefix.
std::string summary_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line) || line.rfind("#", 0) != 0) return "";
  line.erase(0, line.find_first_not_of("# "));
  const std::string prefix = file.filename().string() + ": ";
  if (line.rfind(prefix, 0) == 0) line.erase(0, prefix.size());
  return line;
}

}  // namespace

int run_profiles_command(int argc, char** argv) {
  auto flags = profiles_flags();
  bool help = false;
  parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", help_text(flags, {{"SEEDGEN_HOME", "the folder with profiles/ (default: the binary's install or checkout)"},
                                       {"SEEDGEN_PROFILES_DIR", "a folder of profiles to list instead"}},
                               seedgen_exit_codes()));
    return kExitOk;
  }
  fmt::print("{:<10} {:>12} {:>9} {:>8} {:>6}  {}\n", "profile", "resources", "accounts", "metrics", "usage", "about");
  for (const std::string& name : available_profiles()) {
    const Profile profile = load_profile(name);
    fmt::print("{:<10} {:>12} {:>9} {:>7}d {:>5}d  {}\n", name, profile.resources, profile.accounts,
               profile.metrics_days, profile.usage_days, summary_line(profiles_folder() / (name + ".toml")));
  }
  fmt::print("(in {}; seedgen --profile NAME loads one)\n", profiles_folder().string());
  return kExitOk;
}

}  // namespace seedgen

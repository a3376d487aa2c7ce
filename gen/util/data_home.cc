#include "util/data_home.h"

#include <cstdlib>
#include <string>
#include <system_error>

#include "core/error.h"

namespace seedgen {
namespace {

bool holds_data(const std::filesystem::path& folder) {
  std::error_code error;
  return std::filesystem::is_regular_file(folder / "profiles" / "base.toml", error) &&
         std::filesystem::is_directory(folder / "sql" / "migrations", error);
}

std::filesystem::path running_executable() {
  std::error_code error;
  std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) throw Error(ErrorKind::kIo, "cannot find the running executable (/proc/self/exe): " + error.message());
  return path;
}

}  // namespace

std::filesystem::path find_data_home(const std::filesystem::path& executable, const std::string& home_override) {
  if (!home_override.empty()) {
    if (!holds_data(home_override)) {
      throw Error(ErrorKind::kIo, "SEEDGEN_HOME=" + home_override + " does not hold profiles/base.toml and sql/migrations/");
    }
    return std::filesystem::absolute(home_override).lexically_normal();
  }
  const std::filesystem::path bin = executable.parent_path();
  if (const auto installed = bin.parent_path() / "share" / "seedgen"; holds_data(installed)) {
    return installed.lexically_normal();
  }
  for (std::filesystem::path folder = bin; !folder.empty(); folder = folder.parent_path()) {
    if (holds_data(folder)) return folder;
    if (folder == folder.root_path()) break;
  }
  throw Error(ErrorKind::kIo, "cannot find seedgen's data files (profiles/, sql/) for " + executable.string() +
                                  ": install with cmake --install, run it from a checkout, or set SEEDGEN_HOME");
}

const std::filesystem::path& data_home() {
  static const std::filesystem::path home = [] {
    const char* override_value = std::getenv("SEEDGEN_HOME");
    return find_data_home(running_executable(), override_value == nullptr ? "" : override_value);
  }();
  return home;
}

}  // namespace seedgen

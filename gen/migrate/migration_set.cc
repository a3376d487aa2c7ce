#include "migrate/migration_set.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "util/data_home.h"
#include "util/sha256.h"

namespace seedgen {
namespace {

// parse_version: the leading digits of a migration file name, or -1 when there are none or no '_'.
int parse_version(const std::string& file_name) {
  size_t digits = 0;
  while (digits < file_name.size() && std::isdigit(static_cast<unsigned char>(file_name[digits]))) ++digits;
  if (digits == 0 || digits > 9 || digits >= file_name.size() || file_name[digits] != '_') return -1;
  return std::stoi(file_name.substr(0, digits));
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kIo, "cannot read migration " + path.string());
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace

std::vector<MigrationFile> load_migration_set(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::directory_iterator entries(folder, error);
  if (error) throw Error(ErrorKind::kIo, "cannot read migrations folder " + folder.string() + ": " + error.message());

  std::vector<MigrationFile> migrations;
  for (const auto& entry : entries) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    MigrationFile migration;
    migration.name = entry.path().filename().string();
    migration.version = parse_version(migration.name);
    if (migration.version < 0) {
      throw Error(ErrorKind::kTarget, "migration " + entry.path().string() + " is not named NNN_name.sql");
    }
    migration.sql = read_file(entry.path());
    // libpq sends a statement as a C string: a NUL would silently cut the file short, and the rest would
    // be recorded as applied without ever running.
    if (const size_t nul = migration.sql.find('\0'); nul != std::string::npos) {
      throw Error(ErrorKind::kMigration, "migration " + migration.name + " contains a NUL byte at offset " +
                                             std::to_string(nul) + "; PostgreSQL cannot run it");
    }
    migration.checksum = sha256_hex(migration.sql);
    migrations.push_back(std::move(migration));
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const MigrationFile& a, const MigrationFile& b) { return a.version < b.version; });
  for (size_t index = 1; index < migrations.size(); ++index) {
    if (migrations[index].version == migrations[index - 1].version) {
      throw Error(ErrorKind::kTarget, "migrations " + migrations[index - 1].name + " and " + migrations[index].name +
                                          " share version " + std::to_string(migrations[index].version));
    }
  }
  return migrations;
}

std::filesystem::path default_migrations_folder() {
  if (const char* folder = std::getenv("SEEDGEN_MIGRATIONS_DIR"); folder != nullptr && *folder != '\0') {
    return folder;
  }
  return data_home() / "sql" / "migrations";
}

std::filesystem::path default_layouts_folder() {
  if (const char* folder = std::getenv("SEEDGEN_LAYOUTS_DIR"); folder != nullptr && *folder != '\0') return folder;
  return data_home() / "sql" / "layouts";
}

std::vector<std::string> available_layouts() {
  std::vector<std::string> names = {kDefaultLayout};
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(default_layouts_folder(), error)) {
    if (entry.is_directory() && entry.path().filename() != kDefaultLayout) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Layout load_layout(const std::string& name) {
  Layout layout{name, {}};
  if (name == kDefaultLayout) return layout;
  const auto names = available_layouts();
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::string listed;
    for (const auto& known : names) listed += (listed.empty() ? "" : ", ") + known;
    throw Error(ErrorKind::kUsage, "unknown layout '" + name + "' (available: " + listed + ")");
  }
  layout.files = load_migration_set(default_layouts_folder() / name);
  return layout;
}

}  // namespace seedgen

// migration_set.h: the ordered set of migration files in a folder (sql/migrations/NNN_name.sql).
// It knows nothing of databases: it finds files, parses their versions, reads them and checksums them,
// and refuses a folder whose versions are duplicated or malformed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace seedgen {

struct MigrationFile {
  int version = 0;            // the NNN prefix
  std::string name;           // the file name, e.g. "001_create_cloud_accounts.sql"
  std::string sql;            // the file's contents
  std::string checksum;       // sha256 of the contents, hex
};

// load_migration_set: reads every *.sql file in `folder`, sorted by version.
// Throws Error(kIo) when the folder cannot be read, and Error(kTarget) naming the file when a name has
// no numeric prefix or two files share a version, and Error(kMigration) naming the file when it holds a
// NUL byte (which libpq would silently cut the statement at).
std::vector<MigrationFile> load_migration_set(const std::filesystem::path& folder);

// default_migrations_folder: $SEEDGEN_MIGRATIONS_DIR, else sql/migrations of the data home.
std::filesystem::path default_migrations_folder();

// Layout: a physical layout of the fleet tables, chosen when a database is migrated: the files of
// sql/layouts/<name>/ (NNN_name.sql, like migrations) run after the migrations. The default layout, "spec",
// is the spec's DDL as the migrations create it and has no files.
struct Layout {
  std::string name;
  std::vector<MigrationFile> files;
};

inline constexpr const char* kDefaultLayout = "spec";

// load_layout: the layout called `name`. Throws Error(kUsage) naming the available layouts for an unknown
// one, and what load_migration_set throws for its folder.
Layout load_layout(const std::string& name);

// available_layouts: "spec" and the folders of default_layouts_folder(), sorted.
std::vector<std::string> available_layouts();

// default_layouts_folder: $SEEDGEN_LAYOUTS_DIR, else the sql/layouts of the source tree.
std::filesystem::path default_layouts_folder();

}  // namespace seedgen

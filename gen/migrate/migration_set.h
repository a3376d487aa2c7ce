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

}  // namespace seedgen

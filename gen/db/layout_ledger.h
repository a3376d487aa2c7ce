// layout_ledger.h: a database's layout (migration_set.h's Layout): which sql/layouts/<name>/ files it
// applied after its migrations, recorded in seedgen.layout_migrations (sql/seedgen/002_layouts.sql). A
// database has one layout for its life: "spec" (no files) until a layout is applied, which is allowed only
// while its fleet tables are empty. The code knows no layout by name beyond the default.
#pragma once

#include <string>
#include <vector>

#include "migrate/migration_set.h"

namespace seedgen {

class Connection;

// database_layout: the layout the ledger names, kDefaultLayout when it names none or there is no ledger.
// Throws Error(kTarget) when it names several.
std::string database_layout(Connection& connection);

// apply_layout: REQUIRES: apply_migrations() ran. Applies the pending files of `layout`, each in its own
// transaction with its ledger row, and returns them as "layouts/<name>/<file>". Throws Error(kTarget) for a
// database of another non-default layout, a changed or missing applied file, or a first non-default layout
// on a database whose fleet tables (`fleet_tables`, qualified) hold rows; Error(kMigration) when a file fails.
std::vector<std::string> apply_layout(Connection& connection, const Layout& layout,
                                      const std::vector<std::string>& fleet_tables);

}  // namespace seedgen

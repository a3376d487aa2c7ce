#include "db/layout_ledger.h"

#include <map>

#include "core/error.h"
#include "db/connection.h"
#include "db/fleet_plan.h"
#include "db/migrator.h"
#include "db/session.h"
#include "embedded_sql/loader.h"

namespace seedgen {
namespace {

// refuse_changed_files: every applied file of the layout still exists, unchanged.
void refuse_changed_files(Connection& connection, const Layout& layout) {
  std::map<int, const MigrationFile*> by_version;
  for (const auto& file : layout.files) by_version[file.version] = &file;
  pqxx::read_transaction transaction(connection.session());
  for (const auto& row : run_sql(transaction, sql::loader::applied_layout_files, layout.name)) {
    const auto found = by_version.find(row[0].as<int>());
    const std::string name = row[1].as<std::string>();
    if (found == by_version.end()) {
      throw Error(ErrorKind::kTarget, "applied layout file layouts/" + layout.name + "/" + name + " is missing");
    }
    if (found->second->checksum != row[2].as<std::string>()) {
      throw Error(ErrorKind::kTarget, "layout file layouts/" + layout.name + "/" + name +
                                          " has changed since it was applied; write a new file instead");
    }
  }
}

std::map<int, bool> applied_versions(Connection& connection, const std::string& layout) {
  std::map<int, bool> applied;
  pqxx::read_transaction transaction(connection.session());
  for (const auto& row : run_sql(transaction, sql::loader::applied_layout_files, layout)) applied[row[0].as<int>()] = true;
  return applied;
}

void apply_file(Connection& connection, const Layout& layout, const MigrationFile& file) {
  try {
    pqxx::work transaction(connection.session());
    set_setting(transaction, "search_path", "public, extensions", true);
    install_catalog_functions(transaction);   // a layout file may rebuild tables from the catalog, as a load does
    transaction.exec(file.sql);
    run_sql(transaction, sql::loader::record_layout_file, layout.name, file.version, file.name, file.checksum);
    transaction.commit();
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kMigration, "layout file layouts/" + layout.name + "/" + file.name +
                                           " failed and was rolled back: " + describe_sql_error(error));
  }
}

}  // namespace

std::string database_layout(Connection& connection) {
  pqxx::read_transaction transaction(connection.session());
  std::vector<std::string> layouts;
  for (const auto& row : run_sql(transaction, sql::loader::database_layout)) layouts.push_back(row[0].as<std::string>());
  if (layouts.empty()) return kDefaultLayout;
  if (layouts.size() > 1) {
    throw Error(ErrorKind::kTarget, "the database's layout ledger names several layouts (" + layouts[0] + ", " +
                                        layouts[1] + "); it cannot be loaded");
  }
  return layouts[0];
}

std::vector<std::string> apply_layout(Connection& connection, const Layout& layout,
                                      const std::vector<std::string>& fleet_tables) {
  MigrationLock lock(connection);
  const std::string current = database_layout(connection);
  if (current != kDefaultLayout && current != layout.name) {
    throw Error(ErrorKind::kTarget, "the database has layout " + current + ", not " + layout.name +
                                        "; a layout is chosen once, when a database is first migrated");
  }
  refuse_changed_files(connection, layout);
  const auto applied = applied_versions(connection, layout.name);
  std::vector<std::string> names;
  for (const auto& file : layout.files) {
    if (applied.count(file.version) != 0) continue;
    if (current == kDefaultLayout && names.empty()) {
      pqxx::read_transaction transaction(connection.session());
      const auto occupied = run_sql(transaction, sql::loader::first_non_empty, text_array(fleet_tables));
      if (!occupied.empty()) {
        throw Error(ErrorKind::kTarget, "cannot give layout " + layout.name + " to a database whose fleet has rows (" +
                                            occupied[0][0].as<std::string>() + "); migrate an empty database instead");
      }
    }
    apply_file(connection, layout, file);
    names.push_back("layouts/" + layout.name + "/" + file.name);
  }
  return names;
}

}  // namespace seedgen

#include "cli/migrate_command.h"

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "db/layout_ledger.h"
#include "db/migrator.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

cxxopts::Options migrate_options() {
  cxxopts::Options options("seedgen migrate",
                           "Apply the pending migrations of sql/migrations, in order, each in its own transaction.\n"
                           "A schema that `supabase db push` created from the same migrations is recognised by its\n"
                           "catalog and recorded as applied; any other existing schema is refused.");
  options.add_options()
      ("db", "database URL or key=value string (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("status", "list applied and pending migrations; change nothing")
      ("migrations", "folder of NNN_name.sql files (default: sql/migrations of the data home)",
       cxxopts::value<std::string>()->default_value(""))
      ("layout", "the database layout: spec (default) or a folder of sql/layouts, applied after the migrations",
       cxxopts::value<std::string>()->default_value(kDefaultLayout))
      ("h,help", "show this help");
  return options;
}

std::vector<std::string> fleet_tables() {
  std::vector<std::string> tables;
  for (const auto& spec : table_specs()) tables.push_back(spec.qualified_name());
  return tables;
}

void print_states(const std::vector<MigrationState>& states) {
  size_t pending = 0;
  for (const auto& state : states) {
    const std::string how = state.adopted ? "adopted " : "applied ";
    fmt::print("{:>4}  {:<48} {}\n", state.version, state.name, state.applied ? how + state.applied_at : "pending");
    if (!state.applied) ++pending;
  }
  fmt::print("{} applied, {} pending\n", states.size() - pending, pending);
}

}  // namespace

int run_migrate_command(int argc, char** argv) {
  auto options = migrate_options();
  bool help = false;
  const auto arguments = parse_flags(options, argc, argv, help);
  if (help) {
    auto environment = database_environment();
    environment.push_back({"SEEDGEN_MIGRATIONS_DIR", "the migrations folder when --migrations is not given"});
    fmt::print("{}", help_text(options, environment, seedgen_exit_codes()));
    return kExitOk;
  }

  const std::string folder = arguments["migrations"].as<std::string>();
  const Layout layout = load_layout(arguments["layout"].as<std::string>());
  const auto migrations = load_migration_set(folder.empty() ? default_migrations_folder() : std::filesystem::path(folder));
  Connection connection(resolve_database_url(arguments["db"].as<std::string>()));
  if (arguments.count("status") != 0) {
    print_states(migration_states(connection, migrations));
    fmt::print("layout: {}\n", database_layout(connection));
    return kExitOk;
  }
  auto applied = apply_migrations(connection, migrations);
  for (auto& name : apply_layout(connection, layout, fleet_tables())) applied.push_back(std::move(name));
  for (const auto& name : applied) fmt::print("migrated {}\n", name);
  fmt::print("{}\n", applied.empty() ? "migrations: up to date (nothing to apply)"
                                     : fmt::format("migrations: {} of {} newly recorded", applied.size(),
                                                   migrations.size() + layout.files.size()));
  return kExitOk;
}

}  // namespace seedgen

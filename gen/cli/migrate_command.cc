#include "cli/migrate_command.h"

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "command_line/exit_codes.h"
#include "command_line/parse_flags.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "db/migrator.h"

namespace seedgen {
namespace {

cxxopts::Options migrate_options() {
  cxxopts::Options options("seedgen migrate", "Apply the pending migrations of sql/migrations, in order.");
  options.add_options()
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("status", "list applied and pending migrations; change nothing")
      ("migrations", "folder of NNN_name.sql files", cxxopts::value<std::string>()->default_value(""))
      ("h,help", "show this help");
  return options;
}

void print_states(const std::vector<MigrationState>& states) {
  size_t pending = 0;
  for (const auto& state : states) {
    fmt::print("{:>4}  {:<48} {}\n", state.version, state.name,
               state.applied ? "applied " + state.applied_at : "pending");
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
    fmt::print("{}", options.help());
    return kExitOk;
  }

  const std::string folder = arguments["migrations"].as<std::string>();
  const auto migrations = load_migration_set(folder.empty() ? default_migrations_folder() : std::filesystem::path(folder));
  Connection connection(resolve_database_url(arguments["db"].as<std::string>()));
  if (arguments.count("status") != 0) {
    print_states(migration_states(connection, migrations));
    return kExitOk;
  }
  const auto applied = apply_migrations(connection, migrations);
  for (const auto& name : applied) fmt::print("applied {}\n", name);
  fmt::print("{}\n", applied.empty() ? "migrations: up to date (nothing to apply)"
                                     : fmt::format("migrations: applied {} of {}", applied.size(), migrations.size()));
  return kExitOk;
}

}  // namespace seedgen

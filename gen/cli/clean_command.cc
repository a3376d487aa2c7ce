#include "cli/clean_command.h"

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "cli/generate_options.h"
#include "command_line/exit_codes.h"
#include "command_line/parse_flags.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "db/leftovers.h"

namespace seedgen {
namespace {

cxxopts::Options clean_flags() {
  cxxopts::Options options("seedgen clean", "Remove what killed or interrupted loads left behind.");
  options.add_options()
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("lock-timeout", "how long to wait for a leftover another session still holds, e.g. 30s (default 30s)",
       cxxopts::value<std::string>())
      ("wait", "wait for such sessions as long as it takes")
      ("h,help", "show this help");
  return options;
}

}  // namespace

int run_clean_command(int argc, char** argv) {
  auto flags = clean_flags();
  bool help = false;
  const auto arguments = parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", flags.help());
    return kExitOk;
  }
  LockPolicy policy;
  if (arguments.count("lock-timeout") != 0) {
    policy.timeout_ms = parse_duration_ms(arguments["lock-timeout"].as<std::string>(), "--lock-timeout");
  }
  policy.wait = arguments.count("wait") != 0;
  Connection connection(resolve_database_url(arguments["db"].as<std::string>()));
  const CleanReport report = clean_leftovers(connection, policy);
  for (const auto& schema : report.dropped) fmt::print("removed schema {}\n", schema);
  fmt::print("clean: {} schema(s) removed, {} run(s) marked abandoned\n", report.dropped.size(), report.abandoned_runs);
  if (!report.busy.empty()) {
    throw Error(ErrorKind::kLockTimeout, "kept " + report.busy.front() + (report.busy.size() > 1 ? " and others" : "") +
                                             ": another session still holds it; retry later, raise --lock-timeout or "
                                             "pass --wait");
  }
  return kExitOk;
}

}  // namespace seedgen

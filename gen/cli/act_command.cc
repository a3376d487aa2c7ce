#include "cli/act_command.h"

#include <string>

#include <cxxopts.hpp>
#include <fmt/format.h>

#include "cli/action_summary.h"
#include "cli/generate_options.h"
#include "cli/interrupts.h"
#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "core/calendar.h"
#include "core/error.h"
#include "db/action_runner.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "db/drift_writer.h"
#include "db/load_checks.h"
#include "db/migrator.h"
#include "db/session.h"
#include "embedded_sql/drift.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

struct ActOptions {
  std::string db;
  bool approve_pending = false;
  LockPolicy locks;
  std::string json;
  bool quiet = false;
};

cxxopts::Options act_flags() {
  cxxopts::Options options("seedgen act",
                           "Carry out the approved optimization actions of the loaded estate at the end of its current\n"
                           "day, in one transaction: their effects, AWS's refusals, the findings they clear, incidents.\n"
                           "Every drift day does the same before its own changes.");
  options.add_options()
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("approve-pending", "approve every pending action first (as service_role would), then carry them out")
      ("lock-timeout", "how long to wait for a load or drift to finish, e.g. 30s (default 30s)", cxxopts::value<std::string>())
      ("wait", "wait for a load or drift as long as it takes")
      ("json", "write the actions' outcomes as JSON to FILE ('-': standard output)", cxxopts::value<std::string>())
      ("quiet", "print errors only")
      ("h,help", "show this help");
  return options;
}

ActOptions parse_act_options(const cxxopts::ParseResult& arguments) {
  ActOptions options;
  options.db = arguments["db"].as<std::string>();
  options.approve_pending = arguments.count("approve-pending") != 0;
  if (auto timeout = text_flag(arguments, "lock-timeout")) options.locks.timeout_ms = parse_duration_ms(*timeout, "--lock-timeout");
  options.locks.wait = arguments.count("wait") != 0;
  options.json = text_flag(arguments, "json").value_or("");
  if (arguments.count("json") != 0 && options.json.empty()) throw Error(ErrorKind::kUsage, "--json needs a file name or '-'");
  options.quiet = arguments.count("quiet") != 0;
  return options;
}

// actable_state: the load to act on, refused with one line when there is none or a drift day is half written.
DriftState actable_state(Connection& connection) {
  const DriftState state = loaded_drift_state(connection);
  if (state.partial_steps > 0) {
    throw Error(ErrorKind::kTarget, "day " + iso_date(state.current_day + 1) + " is partly written by seedgen drift --follow; "
                                    "finish it with seedgen drift before acting");
  }
  return state;
}

}  // namespace

int run_act_command(int argc, char** argv) {
  auto flags = act_flags();
  bool help = false;
  const auto arguments = parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", help_text(flags, database_environment(), seedgen_exit_codes()));
    return kExitOk;
  }
  const ActOptions options = parse_act_options(arguments);
  if (!options.json.empty()) check_writable(options.json);
  const std::atomic<bool>* cancel = install_interrupt_handlers();
  Connection connection(resolve_database_url(options.db));
  connection.announce("act");
  ensure_bookkeeping(connection);
  take_load_lock(connection, options.locks, cancel);
  const DriftState state = actable_state(connection);
  std::vector<ActionOutcome> outcomes;
  {
    pqxx::work transaction(connection.session());
    set_setting(transaction, "lock_timeout", std::to_string(lock_timeout_ms(options.locks)), true);
    run_sql(transaction, sql::drift::lock_run, state.run_id);
    // The key's history records today's findings before the actions clear some (time to detect needs them).
    run_sql(transaction, sql::drift::track_findings, state.run_id, iso_date(state.current_day));
    outcomes = execute_approved_actions(transaction, state.run_id, state.current_day, options.approve_pending);
    if (cancel->load()) throw Error(ErrorKind::kInterrupted, "interrupted; no action was carried out");
    transaction.commit();
  }
  if (!options.quiet) {
    const std::string summary = action_summary(outcomes);
    fmt::print("act {}: {}\n", iso_date(state.current_day), summary.empty() ? "no approved action to carry out" : summary);
    for (const auto& outcome : outcomes) {
      if (!outcome.error.empty()) fmt::print("  {} {} {}: {}\n", outcome.action_type, outcome.resource_type, outcome.resource_id, outcome.error);
    }
  }
  if (!options.json.empty()) {
    write_text_file(options.json, nlohmann::json({{"day", iso_date(state.current_day)}, {"actions", actions_json(outcomes)}}).dump(2) + "\n");
  }
  return kExitOk;
}

}  // namespace seedgen

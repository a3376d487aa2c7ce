#include "cli/status_command.h"

#include <cxxopts.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "core/calendar.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "db/drift_writer.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

cxxopts::Options status_flags() {
  cxxopts::Options options("seedgen status", "Where the loaded estate stands: profile, seed, the day it was loaded at, "
                                             "the day it is at now,\nthe days drifted, and the last run's state.");
  options.add_options()
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("json", "write the status as JSON to FILE ('-': standard output, instead of the lines)", cxxopts::value<std::string>())
      ("h,help", "show this help");
  return options;
}

nlohmann::json status_json(const DriftState& state, const LastRun& last) {
  return {{"profile", state.profile}, {"seed", state.seed}, {"run_id", state.run_id},
          {"first_as_of", iso_date(state.load_day)}, {"as_of", iso_date(state.current_day)},
          {"days_drifted", state.days_drifted}, {"seedgen_version", state.seedgen_version},
          {"partial_day", state.partial_steps > 0 ? nlohmann::json{{"day", iso_date(state.current_day + 1)},
                                                                   {"steps_written", state.partial_steps},
                                                                   {"steps", state.partial_of}}
                                                  : nlohmann::json()},
          {"last_run", {{"run_id", last.run_id}, {"status", last.status}, {"profile", last.profile}, {"seed", last.seed},
                        {"as_of", last.as_of}, {"error", last.error}}}};
}

void print_status(const DriftState& state, const LastRun& last) {
  fmt::print("profile {} seed {} (run {}, seedgen {})\n", state.profile, state.seed, state.run_id, state.seedgen_version);
  fmt::print("loaded at {}; now at {}; {} day(s) drifted\n", iso_date(state.load_day), iso_date(state.current_day),
             state.days_drifted);
  if (state.partial_steps > 0) {
    fmt::print("{} partly written: {} of {} steps (a stopped seedgen drift --follow; seedgen drift finishes it)\n",
               iso_date(state.current_day + 1), state.partial_steps, state.partial_of);
  }
  if (last.run_id != state.run_id) {
    fmt::print("last run: {} {} (profile {} seed {} as_of {}){}\n", last.run_id, last.status, last.profile, last.seed,
               last.as_of, last.error.empty() ? "" : ": " + last.error);
  } else {
    fmt::print("last run: {} {}\n", last.run_id, last.status);
  }
}

}  // namespace

int run_status_command(int argc, char** argv) {
  auto flags = status_flags();
  bool help = false;
  const auto arguments = parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", help_text(flags, database_environment(), seedgen_exit_codes()));
    return kExitOk;
  }
  const std::string json = text_flag(arguments, "json").value_or("");
  if (arguments.count("json") != 0 && json.empty()) throw Error(ErrorKind::kUsage, "--json needs a file name or '-'");
  if (!json.empty()) check_writable(json);
  Connection connection(resolve_database_url(arguments["db"].as<std::string>()));
  const auto state = read_drift_state(connection);
  const auto last = read_last_run(connection);
  if (!state || !last) {
    throw Error(ErrorKind::kTarget, last ? fmt::format("no completed seedgen load in this database (last run {} {})",
                                                       last->run_id, last->status)
                                         : std::string("no seedgen load in this database"));
  }
  if (json.empty()) {
    print_status(*state, *last);
  } else {
    write_text_file(json, status_json(*state, *last).dump(2) + "\n");
  }
  return kExitOk;
}

}  // namespace seedgen

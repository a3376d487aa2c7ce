#include "cli/drift_command.h"

#include <cstdio>
#include <string>

#include <cxxopts.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/action_summary.h"
#include "cli/generate_command.h"
#include "cli/generate_options.h"
#include "cli/interrupts.h"
#include "command_line/exit_codes.h"
#include "command_line/flag_values.h"
#include "command_line/help_text.h"
#include "command_line/parse_flags.h"
#include "config/catalog_loader.h"
#include "config/profile_loader.h"
#include "core/calendar.h"
#include "core/error.h"
#include "db/connection.h"
#include "db/database_url.h"
#include "db/drift_change_set.h"
#include "db/drift_steps.h"
#include "db/drift_writer.h"
#include "db/layout_ledger.h"
#include "db/load_checks.h"
#include "db/migrator.h"
#include "drift/drift.h"
#include "model/world.h"
#include "util/text_file.h"

namespace seedgen {
namespace {

struct DriftOptions {
  std::string db;
  std::optional<int64_t> days;
  std::optional<int32_t> until;
  int jobs = 2;
  LockPolicy locks;
  bool quiet = false;
  std::string json;
  bool follow = false;
  double day_seconds = 60;
  std::string out;   // --out: write change sets here instead of applying them
};

cxxopts::Options drift_flags() {
  cxxopts::Options options("seedgen drift",
                           "Move the loaded estate forward day by day, one transaction per day: the rows of each new\n"
                           "day, the answer key with them. A drifted estate equals a direct load of the same day.");
  options.add_options()
      ("days", "days to move forward, 1 to 3650 (default 1)", cxxopts::value<std::string>())
      ("until", "move forward up to this day, YYYY-MM-DD", cxxopts::value<std::string>())
      ("db", "database URL (default: $DATABASE_URL, libpq PG* env, else the private cluster)",
       cxxopts::value<std::string>()->default_value(""))
      ("jobs", "generator threads, 1 to 256 (default: number of cores)", cxxopts::value<std::string>())
      ("lock-timeout", "how long a day may wait for its locks in all, e.g. 30s (default 30s)", cxxopts::value<std::string>())
      ("wait", "wait for the locks as long as it takes")
      ("follow", "trickle: write each day in small transactions spread over --day-seconds, and keep going "
                 "(until --days or --until, else until interrupted)")
      ("out", "write each day's change set to DIR/YYYY-MM-DD (COPY files and apply.sql, for psql) instead of "
              "applying it; the database is not changed", cxxopts::value<std::string>())
      ("day-seconds", "with --follow: wall-clock seconds one day's writes are spread over, above 0 and at most 86400 (default 60)",
       cxxopts::value<std::string>())
      ("json", "write the days' report as JSON to FILE ('-': standard output)", cxxopts::value<std::string>())
      ("quiet", "print errors only")
      ("h,help", "show this help");
  return options;
}

DriftOptions parse_drift_options(const cxxopts::ParseResult& arguments) {
  DriftOptions options;
  options.db = arguments["db"].as<std::string>();
  options.days = integer_flag(arguments, "days", 1, kMaxDriftDays);
  options.until = date_flag(arguments, "until");
  if (options.days && options.until) throw Error(ErrorKind::kUsage, "--days and --until exclude each other");
  options.jobs = static_cast<int>(integer_flag(arguments, "jobs", 1, 256).value_or(default_jobs()));
  if (auto timeout = text_flag(arguments, "lock-timeout")) options.locks.timeout_ms = parse_duration_ms(*timeout, "--lock-timeout");
  options.locks.wait = arguments.count("wait") != 0;
  options.quiet = arguments.count("quiet") != 0;
  options.json = text_flag(arguments, "json").value_or("");
  options.follow = arguments.count("follow") != 0;
  options.out = text_flag(arguments, "out").value_or("");
  if (arguments.count("out") != 0 && options.out.empty()) throw Error(ErrorKind::kUsage, "--out needs a folder");
  if (!options.out.empty() && options.follow) throw Error(ErrorKind::kUsage, "--out and --follow exclude each other");
  if (auto seconds = number_flag(arguments, "day-seconds", 0, 86400)) {
    if (!options.follow) throw Error(ErrorKind::kUsage, "--day-seconds needs --follow");
    options.day_seconds = *seconds;
  }
  if (arguments.count("json") != 0 && options.json.empty()) throw Error(ErrorKind::kUsage, "--json needs a file name or '-'");
  return options;
}

// checked_state: the load to drift, refused with one line when there is none or seedgen cannot drift it.
DriftState checked_state(Connection& connection) {
  const DriftState state = loaded_drift_state(connection);
  if (state.seedgen_version != SEEDGEN_VERSION) {
    throw Error(ErrorKind::kTarget, fmt::format("the estate was loaded by seedgen {}; this is seedgen {}: drift it with that "
                                                "version or load it again", state.seedgen_version, SEEDGEN_VERSION));
  }
  if (database_layout(connection) == "citus") {
    throw Error(ErrorKind::kTarget, "seedgen drift supports the spec and partitioned layouts, not citus: load the day "
                                    "directly instead (seedgen --profile P --as-of DATE --reset)");
  }
  return state;
}

int32_t target_day(const DriftOptions& options, const DriftState& state) {
  const int32_t target = options.until  ? *options.until
                         : options.days ? state.current_day + static_cast<int32_t>(*options.days)
                         : options.follow ? state.load_day + kMaxDriftDays
                                          : state.current_day + 1;
  if (target < state.current_day) {
    throw Error(ErrorKind::kUsage, fmt::format("--until {} is before the estate's day {}: days cannot be reversed",
                                               iso_date(target), iso_date(state.current_day)));
  }
  if (target > state.load_day + kMaxDriftDays) {
    throw Error(ErrorKind::kUsage, fmt::format("an estate drifts at most {} days past its load ({}); {} is further",
                                               kMaxDriftDays, iso_date(state.load_day), iso_date(target)));
  }
  return target;
}

// check_regenerated: the day seedgen regenerates must be the day the database holds, or the differences
// would be applied to another estate (another profile file, other overrides, a shard, a bundle changed).
void check_regenerated(const DriftState& state, const DayRows& day, const GenerationResult& generated) {
  for (const auto& [table, stats] : generated.tables) {
    const auto recorded = state.checksums.find(table);
    if (recorded != state.checksums.end() && recorded->second == stats.sha256) continue;
    throw Error(ErrorKind::kTarget, fmt::format("the estate in the database is not what profile {} seed {} gives on {} ({} "
                                                "differs): it was loaded from another profile file, a shard or a changed "
                                                "bundle; load it again to drift it", state.profile, state.seed,
                                                iso_date(day.day), table));
  }
}

nlohmann::json day_json(const DayReport& report) {
  return {{"day", iso_date(report.day)}, {"already_applied", report.already_applied}, {"inserted", report.inserted},
          {"updated", report.updated}, {"deleted", report.deleted}, {"seconds", report.seconds}, {"attempts", report.attempts},
          {"steps", report.steps}, {"resumed_after", report.resumed_after}, {"actions", actions_json(report.actions)}};
}

uint64_t total(const std::map<std::string, uint64_t>& counts) {
  uint64_t sum = 0;
  for (const auto& [table, count] : counts) sum += count;
  return sum;
}

// apply_day: writes the day to the database, in one transaction or trickled (and a day a stopped --follow left
// partly written step by step, whatever the mode), and says so.
DayReport apply_day(Connection& connection, const DriftOptions& options, const DriftState& loaded, const DriftState& current,
                    const DayDiff& diff, const GenerationResult& generated, const std::atomic<bool>* cancel) {
  const bool in_steps = options.follow || (diff.to_day == loaded.current_day + 1 && loaded.partial_steps > 0);
  const DayReport done = in_steps ? apply_drift_day_in_steps(connection, current, diff, generated, options.locks, cancel,
                                                             options.follow ? options.day_seconds : 0)
                                  : apply_drift_day(connection, current, diff, generated, options.locks, cancel);
  if (!options.quiet) {
    fmt::print("drift {}: {} rows inserted, {} updated, {} deleted in {:.1f} s{}{}\n", iso_date(done.day), total(done.inserted),
               total(done.updated), total(done.deleted), done.seconds,
               done.steps > 0 ? fmt::format(" ({} transactions{})", done.steps + 1,
                                            done.resumed_after > 0 ? fmt::format(", {} written before", done.resumed_after) : "")
                              : "",
               done.already_applied ? " (already applied)" : "");
    if (!done.actions.empty()) fmt::print("drift {}: {} first\n", iso_date(done.day), action_summary(done.actions));
    std::fflush(stdout);
  }
  return done;
}

// write_day_files: writes the day's change set to --out's DIR/YYYY-MM-DD instead, and says so.
void write_day_files(Connection& connection, const DriftOptions& options, const DriftState& current, const DayDiff& diff,
                     const GenerationResult& generated) {
  const std::string folder = options.out + "/" + iso_date(diff.to_day);
  write_change_set(connection, current, diff, generated, folder);
  if (options.quiet) return;
  const DayCounts counts = count_changes(diff);
  fmt::print("drift {}: change set of {} rows inserted, {} updated, {} deleted written to {}\n", iso_date(diff.to_day),
             total(counts.inserted), total(counts.updated), total(counts.deleted), folder);
}

}  // namespace

int run_drift_command(int argc, char** argv) {
  auto flags = drift_flags();
  bool help = false;
  const auto arguments = parse_flags(flags, argc, argv, help);
  if (help) {
    fmt::print("{}", help_text(flags, database_environment(), seedgen_exit_codes()));
    return kExitOk;
  }
  const DriftOptions options = parse_drift_options(arguments);
  if (!options.json.empty()) check_writable(options.json);
  if (!options.out.empty()) {
    create_folder(options.out);
    check_writable(options.out + "/apply.sql");
  }
  const std::atomic<bool>* cancel = install_interrupt_handlers();
  Connection connection(resolve_database_url(options.db));
  connection.announce("drift");
  const DriftState state = checked_state(connection);
  ensure_bookkeeping(connection);   // a load by this version may predate the drift tables' latest columns
  const int32_t target = target_day(options, state);
  const Profile profile = load_profile(state.profile, overrides_from_json(state.profile_overrides, state.seed));
  const Catalog catalog = load_catalog(default_catalog_path());
  if (options.out.empty()) take_load_lock(connection, options.locks, cancel);
  nlohmann::json report = {{"profile", state.profile}, {"seed", state.seed}, {"from", iso_date(state.current_day)},
                           {"to", iso_date(target)}, {"days", nlohmann::json::array()}};
  if (target > state.current_day) {
    DayRows before = collect_day(plan_world(profile, catalog, state.current_day), options.jobs, cancel);
    check_regenerated(state, before, before.result);
    DriftState current = state;
    for (int32_t day = state.current_day + 1; day <= target; ++day) {
      DayRows after = collect_day(plan_world(profile, catalog, day), options.jobs, cancel);
      const DayDiff diff = diff_days(before, after);
      if (options.out.empty()) {
        report["days"].push_back(day_json(apply_day(connection, options, state, current, diff, after.result, cancel)));
      } else {
        write_day_files(connection, options, current, diff, after.result);
      }
      current.current_day = day;
      before = std::move(after);
    }
  } else if (!options.quiet) {
    fmt::print("drift: the estate is already at {}\n", iso_date(state.current_day));
  }
  if (!options.json.empty()) write_text_file(options.json, report.dump(2) + "\n");
  return kExitOk;
}

}  // namespace seedgen

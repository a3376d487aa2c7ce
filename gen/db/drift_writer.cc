#include "db/drift_writer.h"

#include <chrono>
#include <functional>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/error.h"
#include "db/action_runner.h"
#include "db/connection.h"
#include "db/drift_steps.h"
#include "db/session.h"
#include "drift/drift.h"
#include "embedded_sql/drift.h"
#include "pipeline/pipeline.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

int32_t day_of(const pqxx::field& field) {
  const auto day = parse_iso_date(field.as<std::string>());
  if (!day) throw Error(ErrorKind::kTarget, "seedgen's bookkeeping holds a date that is not a date: " + field.as<std::string>());
  return *day;
}

std::string holder(Connection& connection) {
  std::vector<std::string> tables;
  for (const auto& spec : table_specs()) tables.push_back(spec.qualified_name());
  pqxx::work transaction(connection.session());
  const auto found = run_sql(transaction, sql::drift::lock_holder, text_array(tables));
  if (found.empty()) return "";
  return describe_holder(found[0][0].as<int>(), found[0][1].as<std::string>(), found[0][2].as<std::string>(),
                         found[0][3].as<long>(), found[0][5].as<std::string>() + " on " + found[0][4].as<std::string>());
}

DayReport started_report(const DayDiff& diff) {
  DayReport report;
  report.day = diff.to_day;
  const DayCounts counts = count_changes(diff);
  report.inserted = counts.inserted;
  report.updated = counts.updated;
  report.deleted = counts.deleted;
  return report;
}

void check_cancel(const std::atomic<bool>* cancel, const std::string& message) {
  if (cancel != nullptr && cancel->load()) throw Error(ErrorKind::kInterrupted, message);
}

// pause_until: sleeps until `due`, waking every 50 ms to see whether the drift was interrupted.
void pause_until(std::chrono::steady_clock::time_point due, const std::atomic<bool>* cancel, const std::string& message) {
  for (;;) {
    check_cancel(cancel, message);
    const auto now = std::chrono::steady_clock::now();
    if (now >= due) return;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(due - now, std::chrono::milliseconds(50)));
  }
}

// begin_day: starts one of the day's transactions: its settings, the run's row locked, and the day checked.
// false (and report.already_applied) when another drift applied the day first.
bool begin_day(pqxx::work& transaction, const DriftState& state, const DayDiff& diff, DayReport& report) {
  set_setting(transaction, "lock_timeout", std::to_string(kLockSliceMs), true);
  set_setting(transaction, "synchronous_commit", "on", true);
  const auto last = run_sql(transaction, sql::drift::lock_run, state.run_id)[0][0];
  const int32_t current = last.is_null() ? state.load_day : day_of(last);
  if (current >= diff.to_day) {
    report.already_applied = true;
    return false;
  }
  if (current != diff.from_day) {
    throw Error(ErrorKind::kTarget, "the estate is at " + iso_date(current) + ", not at " + iso_date(diff.from_day) +
                                        ": another drift moved it meanwhile; run seedgen drift again");
  }
  return true;
}

// finish_day: the day's roll-ups, the key's history and the ledger row (with the rows `counts` gives), in the
// day's (last) transaction.
void finish_day(pqxx::work& transaction, const DriftState& state, const DayDiff& diff, const GenerationResult& generated,
                const DayReport& counts) {
  reapply_actions(transaction, state.run_id);
  drop_overridden_events(transaction, state.run_id, diff.to_day);
  accrue_action_savings(transaction, state.run_id, diff.to_day);
  run_generated(transaction, run_sql(transaction, sql::drift::refresh_rollups));
  run_sql(transaction, sql::drift::track_findings, state.run_id, iso_date(diff.to_day));
  run_sql(transaction, sql::drift::record_day, state.run_id, iso_date(diff.to_day), std::string(SEEDGEN_VERSION),
          counts_json(counts.inserted), counts_json(counts.updated), counts_json(counts.deleted),
          checksums_json(generated), generated.monthly_cost, generated.planted_savings);
}

// guarded: runs `write`, turning the server's errors into Error(kLoad) that say where the estate stands.
void guarded(const DayDiff& diff, const std::function<void()>& write) {
  try {
    write();
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorKind::kLoad, "drift day " + iso_date(diff.to_day) + " failed: " + describe_sql_error(error) +
                                      "; the estate is still at " + iso_date(diff.from_day));
  } catch (const pqxx::broken_connection& error) {
    throw Error(ErrorKind::kLoad, "drift day " + iso_date(diff.to_day) + " failed: the server closed the connection (" +
                                      first_line(error.what()) + "); the estate is still at " + iso_date(diff.from_day));
  }
}

}  // namespace

std::optional<DriftState> read_drift_state(Connection& connection) {
  pqxx::work transaction(connection.session());
  if (!run_sql(transaction, sql::drift::has_drift_ledger)[0][0].as<bool>()) return std::nullopt;
  const auto rows = run_sql(transaction, sql::drift::drift_state);
  if (rows.empty()) return std::nullopt;
  const auto& row = rows[0];
  DriftState state;
  state.run_id = row[0].as<int64_t>();
  state.profile = row[1].as<std::string>();
  state.seed = row[2].as<uint64_t>();
  state.profile_overrides = row[3].as<std::string>();
  state.load_day = day_of(row[4]);
  state.seedgen_version = row[5].as<std::string>();
  state.current_day = row[6].is_null() ? state.load_day : day_of(row[6]);
  state.checksums = nlohmann::json::parse(row[7].as<std::string>()).get<std::map<std::string, std::string>>();
  state.days_drifted = row[8].as<int64_t>();
  if (run_sql(transaction, sql::drift::has_drift_steps)[0][0].as<bool>()) {
    const auto steps = run_sql(transaction, sql::drift::steps_written, state.run_id, iso_date(state.current_day + 1))[0];
    state.partial_steps = steps[0].as<int64_t>();
    state.partial_of = steps[1].is_null() ? 0 : steps[1].as<int64_t>();
  }
  return state;
}

DriftState loaded_drift_state(Connection& connection) {
  auto state = read_drift_state(connection);
  if (!state) throw Error(ErrorKind::kTarget, "no completed seedgen load in this database: load one first (seedgen --profile P)");
  return *state;
}

std::optional<LastRun> read_last_run(Connection& connection) {
  pqxx::work transaction(connection.session());
  if (!run_sql(transaction, sql::drift::has_drift_ledger)[0][0].as<bool>()) return std::nullopt;
  const auto rows = run_sql(transaction, sql::drift::last_run);
  if (rows.empty()) return std::nullopt;
  return LastRun{rows[0][0].as<int64_t>(), rows[0][1].as<std::string>(), rows[0][2].as<std::string>(),
                 rows[0][3].as<std::string>(), rows[0][4].as<std::string>(), rows[0][5].as<std::string>()};
}

DayReport apply_drift_day(Connection& connection, const DriftState& state, const DayDiff& diff,
                          const GenerationResult& generated, const LockPolicy& policy, const std::atomic<bool>* cancel) {
  DayReport report = started_report(diff);
  const auto started = std::chrono::steady_clock::now();
  guarded(diff, [&] {
    retry_on_lock_timeout(policy, "the locks for drift day " + iso_date(diff.to_day), [&] {
      ++report.attempts;
      pqxx::work transaction(connection.session());
      if (!begin_day(transaction, state, diff, report)) return true;
      if (run_sql(transaction, sql::drift::steps_written, state.run_id, iso_date(diff.to_day))[0][0].as<int64_t>() > 0) {
        throw Error(ErrorKind::kTarget, "day " + iso_date(diff.to_day) + " was partly written by seedgen drift --follow; "
                                        "run seedgen drift again to finish it");
      }
      run_sql(transaction, sql::drift::track_findings, state.run_id, iso_date(diff.from_day));
      report.actions = execute_approved_actions(transaction, state.run_id, diff.from_day, false);
      const DayPlan plan(transaction, diff, state.run_id);
      for (const DayStep& step : plan.steps()) write_day_step(connection, transaction, diff, plan, step);
      finish_day(transaction, state, diff, generated, report);
      check_cancel(cancel, "interrupted; day " + iso_date(diff.to_day) + " was not applied");
      transaction.commit();
      return true;
    }, [&] { return holder(connection); }, cancel);
  });
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

DayReport apply_drift_day_in_steps(Connection& connection, const DriftState& state, const DayDiff& diff,
                                   const GenerationResult& generated, const LockPolicy& policy,
                                   const std::atomic<bool>* cancel, double day_seconds) {
  DayReport report = started_report(diff);
  const auto started = std::chrono::steady_clock::now();
  guarded(diff, [&] {
    const DayPlan plan = [&] {
      pqxx::read_transaction transaction(connection.session());
      return DayPlan(transaction, diff, state.run_id, kTrickleStepRows);
    }();
    const auto& steps = plan.steps();
    report.steps = static_cast<int64_t>(steps.size());
    for (size_t i = 0; i <= steps.size() && !report.already_applied; ++i) {
      const double due = steps.empty() ? day_seconds : day_seconds * static_cast<double>(i) / static_cast<double>(steps.size());
      const std::string stopped = "interrupted; day " + iso_date(diff.to_day) +
                                  (i == 0 ? " was not begun" : fmt::format(" is partly written ({} of {} steps): seedgen drift "
                                                                           "resumes it", i, steps.size()));
      pause_until(started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(due)),
                  cancel, stopped);
      retry_on_lock_timeout(policy, "the locks for drift day " + iso_date(diff.to_day), [&] {
        ++report.attempts;
        pqxx::work transaction(connection.session());
        if (!begin_day(transaction, state, diff, report)) return true;
        if (i == steps.size()) {
          finish_day(transaction, state, diff, generated, report);
          run_sql(transaction, sql::drift::clear_steps, state.run_id, iso_date(diff.to_day));
        } else if (run_sql(transaction, sql::drift::step_written, state.run_id, iso_date(diff.to_day), static_cast<int>(i))[0][0].as<bool>()) {
          ++report.resumed_after;
          return true;
        } else {
          if (i == 0) {
            run_sql(transaction, sql::drift::track_findings, state.run_id, iso_date(diff.from_day));
            report.actions = execute_approved_actions(transaction, state.run_id, diff.from_day, false);
          }
          write_day_step(connection, transaction, diff, plan, steps[i]);
          // Readers of the step's table never see an action undone mid-day (the rest waits for the last step).
          reapply_actions(transaction, state.run_id, table_specs()[steps[i].table].qualified_name());
          run_sql(transaction, sql::drift::record_step, state.run_id, iso_date(diff.to_day), static_cast<int>(i),
                  static_cast<int>(steps.size()));
        }
        transaction.commit();
        return true;
      }, [&] { return holder(connection); }, cancel);
    }
  });
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace seedgen

#include "db/action_runner.h"

#include "core/calendar.h"
#include "db/session.h"
#include "embedded_sql/act.h"

namespace seedgen {

std::vector<ActionOutcome> execute_approved_actions(pqxx::transaction_base& transaction, int64_t run_id, int32_t day,
                                                    bool approve_pending) {
  std::vector<ActionOutcome> outcomes;
  for (const auto& row : run_sql(transaction, sql::act::execute_approved, run_id, iso_date(day), approve_pending)) {
    outcomes.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                        row[3].as<std::string>(), row[4].as<std::string>(), row[5].as<std::string>()});
  }
  return outcomes;
}

int reapply_actions(pqxx::transaction_base& transaction, int64_t run_id, const std::optional<std::string>& table) {
  return run_sql(transaction, sql::act::reapply, run_id, table)[0][0].as<int>();
}

void drop_overridden_events(pqxx::transaction_base& transaction, int64_t run_id, int32_t day) {
  run_sql(transaction, sql::act::drop_overridden_events, run_id, iso_date(day));
}

void accrue_action_savings(pqxx::transaction_base& transaction, int64_t run_id, int32_t day) {
  run_sql(transaction, sql::act::accrue_savings, run_id, iso_date(day));
}

}  // namespace seedgen

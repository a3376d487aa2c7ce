// action_runner.h: carrying out the agents' optimization actions inside a transaction the caller owns
// (seedgen act's, or a drift day's). The rules live in SQL (sql/seedgen/004-008, docs/AGENTS.md): which
// action does what, AWS's refusals, the key's findings an action clears, incidents, realised savings.
// Here: run them in order, re-impose them after a drift day, accrue a day's savings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace seedgen {

struct ActionOutcome {
  std::string action_id, action_type, resource_type, resource_id;
  std::string outcome;   // completed or failed
  std::string error;     // AWS's refusal, e.g. "VolumeInUse: ...", when failed
};

// execute_approved_actions: every approved action of the estate (after approving the pending ones when
// `approve_pending`), carried out at the end of `day` of run `run_id`, oldest approval first.
std::vector<ActionOutcome> execute_approved_actions(pqxx::transaction_base& transaction, int64_t run_id, int32_t day,
                                                    bool approve_pending);

// reapply_actions: the completed actions of run `run_id` imposed again after a drift day's own changes
// (only those whose resource rows live in `table`, a qualified name, when one is given); returns how many.
int reapply_actions(pqxx::transaction_base& transaction, int64_t run_id, const std::optional<std::string>& table = {});

// drop_overridden_events: day `day`'s events of the model's changes that re-imposed actions undid.
void drop_overridden_events(pqxx::transaction_base& transaction, int64_t run_id, int32_t day);

// accrue_action_savings: day `day`'s saving for every action completed before it.
void accrue_action_savings(pqxx::transaction_base& transaction, int64_t run_id, int32_t day);

}  // namespace seedgen

// action_summary.h: how seedgen act and seedgen drift report the optimization actions they carried out:
// one line for people, a JSON array for tools.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/action_runner.h"

namespace seedgen {

// action_summary: "3 actions carried out: 2 completed, 1 failed" (empty when there were none).
std::string action_summary(const std::vector<ActionOutcome>& outcomes);

// actions_json: one object per action, in the order they ran.
nlohmann::json actions_json(const std::vector<ActionOutcome>& outcomes);

}  // namespace seedgen

#include "cli/action_summary.h"

#include <fmt/format.h>

namespace seedgen {

std::string action_summary(const std::vector<ActionOutcome>& outcomes) {
  if (outcomes.empty()) return "";
  size_t failed = 0;
  for (const auto& outcome : outcomes) failed += outcome.outcome == "failed" ? 1 : 0;
  return fmt::format("{} action{} carried out: {} completed, {} failed", outcomes.size(), outcomes.size() == 1 ? "" : "s",
                     outcomes.size() - failed, failed);
}

nlohmann::json actions_json(const std::vector<ActionOutcome>& outcomes) {
  auto list = nlohmann::json::array();
  for (const auto& outcome : outcomes) {
    list.push_back({{"action_id", outcome.action_id}, {"action_type", outcome.action_type},
                    {"resource_type", outcome.resource_type}, {"resource_id", outcome.resource_id},
                    {"outcome", outcome.outcome}, {"error", outcome.error.empty() ? nlohmann::json() : nlohmann::json(outcome.error)}});
  }
  return list;
}

}  // namespace seedgen

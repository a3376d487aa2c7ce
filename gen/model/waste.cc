// waste.cc: the key's bookkeeping and which findings count.
#include "model/waste.h"

#include <map>
#include <utility>

#include "model/account_model.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

using ResourceKey = std::pair<ResourceType, std::string>;

// better: the finding that counts for its resource: the larger saving, then the earlier pattern.
bool better(const PlantedWaste& candidate, const PlantedWaste& current) {
  if (candidate.estimated_monthly_savings != current.estimated_monthly_savings) {
    return candidate.estimated_monthly_savings > current.estimated_monthly_savings;
  }
  return candidate.pattern < current.pattern;
}

}  // namespace

void record_waste(AccountModel& model, ResourceType type, const std::string& resource_id, Pattern pattern,
                  double monthly_savings) {
  // Kept as numeric(12,4) stores it, so that the run's total is the sum of the key's rows.
  model.planted.push_back(PlantedWaste{type, resource_id, pattern, monthly_savings < 0 ? 0 : round4(monthly_savings), false});
}

void record_containment(AccountModel& model, ResourceType child_type, const std::string& child_id,
                        ResourceType parent_type, const std::string& parent_id, Pattern parent_pattern) {
  model.containments.push_back(Containment{child_type, child_id, parent_type, parent_id, parent_pattern});
}

void resolve_counts(AccountModel& model) {
  std::map<ResourceKey, PlantedWaste*> best;
  for (PlantedWaste& finding : model.planted) {
    finding.counts_for_savings = false;
    PlantedWaste*& current = best[{finding.resource_type, finding.resource_id}];
    if (current == nullptr || better(finding, *current)) current = &finding;
  }
  for (auto& [resource, finding] : best) finding->counts_for_savings = true;
  for (const Containment& containment : model.containments) {
    const auto parent = best.find({containment.parent_type, containment.parent_id});
    if (parent == best.end() || parent->second->pattern != containment.parent_pattern) continue;
    const auto child = best.find({containment.child_type, containment.child_id});
    if (child != best.end()) child->second->counts_for_savings = false;
  }
  model.planted_savings = 0;
  for (const PlantedWaste& finding : model.planted) {
    if (finding.counts_for_savings) model.planted_savings += finding.estimated_monthly_savings;
  }
}

}  // namespace seedgen

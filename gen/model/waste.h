// waste.h: the answer key: every finding (resource, pattern) whose rule holds on the as_of day, with its
// estimated monthly saving, and which findings count for the estate's waste share (docs/MODEL.md,
// section 5). Findings are recorded by each domain's rule evaluation; resolve_counts then picks, for each
// resource, the one finding whose saving counts (the largest; ties go to the catalog's pattern order),
// and drops it where another resource's counted finding already contains that saving.
#pragma once

#include <string>
#include <vector>

#include "config/profile.h"
#include "config/waste_patterns.h"

namespace seedgen {

struct AccountModel;

struct PlantedWaste {
  ResourceType resource_type;
  std::string resource_id;               // the resource_id convention (docs/DATA.md)
  Pattern pattern;
  double estimated_monthly_savings = 0;  // USD/month
  bool counts_for_savings = false;       // set by resolve_counts
};

// A resource whose saving is part of another's finding: an autoscaling member in its group's
// asg_overprovisioned saving, a volume in its stopped instance's ec2_stopped_30d saving.
struct Containment {
  ResourceType child_type;
  std::string child_id;
  ResourceType parent_type;
  std::string parent_id;
  Pattern parent_pattern;
};

// record_waste: adds a finding to the account's key (savings >= 0).
void record_waste(AccountModel& model, ResourceType type, const std::string& resource_id, Pattern pattern,
                  double monthly_savings);
// record_containment: notes that `child`'s saving is contained in `parent`'s finding of `parent_pattern`.
void record_containment(AccountModel& model, ResourceType child_type, const std::string& child_id,
                        ResourceType parent_type, const std::string& parent_id, Pattern parent_pattern);
// resolve_counts: sets counts_for_savings on every finding and model.planted_savings to their sum.
void resolve_counts(AccountModel& model);

inline constexpr double kHoursPerMonth = 730.0;

}  // namespace seedgen

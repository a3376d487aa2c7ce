// waste.h: the planted-waste answer key and the decisions that plant it.
// Each pattern id is one of the 27 of the waste catalog (section 3). A resource is planted with a
// pattern at the profile's rate; a near miss sits just on the safe side of the same threshold and is
// never recorded, so that a sloppy query is caught.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/profile.h"
#include "rng/rng.h"

namespace seedgen {

struct World;

struct PlantedWaste {
  ResourceType resource_type;
  std::string resource_id;            // the resource_id convention (docs/DATA.md)
  Pattern pattern;
  double estimated_monthly_savings = 0;  // USD/month
};

// The decision for one resource and one pattern.
enum class Plant { kNone, kWaste, kNearMiss };

// decide_plant: kWaste with the profile's rate for `pattern`; else kNearMiss with rate × near_miss_rate;
// else kNone. Always draws exactly one value from `rng`.
Plant decide_plant(Rng& rng, const World& world, Pattern pattern);

// waste_rate: the profile's plant rate for `pattern` (0 when the profile does not name it).
double waste_rate(const World& world, Pattern pattern);

inline constexpr double kHoursPerMonth = 730.0;

}  // namespace seedgen

// legacy_planting.h: TRANSITIONAL. The plant decisions of the domains not yet moved to the lifecycle
// model (docs/MODEL.md); removed once every domain evaluates its rules on generated values.
#pragma once

#include "config/waste_patterns.h"
#include "rng/rng.h"

namespace seedgen {

struct World;

enum class Plant { kNone, kWaste, kNearMiss };
Plant decide_plant(Rng& rng, const World& world, Pattern pattern);
double waste_rate(const World& world, Pattern pattern);

}  // namespace seedgen

#include "model/legacy_planting.h"

#include "model/world.h"

namespace seedgen {

double waste_rate(const World& world, Pattern pattern) {
  const auto& rates = world.profile->waste_rates;
  const auto found = rates.find(pattern);
  return found == rates.end() ? 0.0 : found->second;
}

Plant decide_plant(Rng& rng, const World& world, Pattern pattern) {
  const double rate = waste_rate(world, pattern);
  const double draw = rng.unit();
  if (draw < rate) return Plant::kWaste;
  if (draw < rate + rate * world.profile->near_miss_rate) return Plant::kNearMiss;
  return Plant::kNone;
}

}  // namespace seedgen

// commitment_utilization.cc: the daily utilisation series of a commitment, a pure function of
// (world, commitment, day), read by the builder (planted savings) and by the emitter.
#include <algorithm>

#include "copy/row_writer.h"
#include "model/commitments/commitment_builders.h"

namespace seedgen {

double utilization_on(const World& world, const Commitment& commitment, int32_t day) {
  Rng rng = day_rng(world, "commitment_utilization_daily", commitment.key, day);
  const double offset = commitment.utilization_spread * (2.0 * rng.unit() - 1.0);
  const double percent = std::clamp(commitment.utilization_level + offset, 0.0, 100.0);
  return static_cast<double>(round_scaled(percent, 2)) / 100.0;
}

int32_t utilization_first_day(const World& world, const Commitment& commitment) {
  return std::max(usage_first_day(world), commitment.start_date);
}

int32_t utilization_last_day(const World& world, const Commitment& commitment) {
  return std::min(world.as_of_day(), commitment.end_date);
}

double recent_utilization_mean(const World& world, const Commitment& commitment) {
  const int32_t first =
      std::max(utilization_first_day(world, commitment), world.as_of_day() - kUtilizationWindowDays + 1);
  const int32_t last = utilization_last_day(world, commitment);
  if (first > last) return 100.0;
  double sum = 0;
  for (int32_t day = first; day <= last; ++day) sum += utilization_on(world, commitment, day);
  return sum / (last - first + 1);
}

double on_demand_equivalent_hourly(const Commitment& commitment) {
  return commitment.hourly_commitment_amount / (1.0 - commitment.savings_rate);
}

}  // namespace seedgen

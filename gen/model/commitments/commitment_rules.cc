// commitment_rules.cc: the two commitment patterns, evaluated on the values the emitters store
// (docs/data/commitments.md, "Rules"), each read literally:
// - commitment_expiring: as_of - 30 <= end_date <= as_of + 30;
// - commitment_underutilized: start_date <= as_of, end_date > as_of + 30 (so the two are disjoint), and the
//   mean stored utilization_percent of the rows dated as_of - 29 .. as_of is below 80.
// It also adds each active commitment's unused fee to the account's cost: the used part pays for resources
// their own domains already price on demand.
#include <cstdlib>

#include "core/calendar.h"
#include "model/commitments/commitment_builders.h"
#include "model/usage_series.h"

namespace seedgen {

void evaluate_commitment_rules(const World& world, AccountModel& model) {
  const int32_t as_of = world.as_of_day();
  for (const Commitment& commitment : model.commitments.commitments) {
    const double amount_month = commitment.hourly_commitment_amount * kHoursPerMonth;
    const bool started = commitment.start_date <= as_of;
    const double mean = recent_utilization_mean(world, model, commitment);
    if (started && as_of <= commitment.end_date) add_monthly_cost(model, (1.0 - mean / 100.0) * amount_month);
    if (std::abs(commitment.end_date - as_of) <= kExpiringWindowDays) {
      const double rate = commitment.savings_rate;
      record_waste(model, ResourceType::kCommitment, commitment.resource_id, Pattern::kCommitmentExpiring,
                   round4(rate / (1.0 - rate) * amount_month));
    } else if (started && commitment.end_date > as_of + kExpiringWindowDays && mean < kUnderutilizedBelowPercent) {
      record_waste(model, ResourceType::kCommitment, commitment.resource_id, Pattern::kCommitmentUnderutilized,
                   round4((1.0 - mean / 100.0) * amount_month));
    }
  }
}

}  // namespace seedgen

// commitment_builders.h: the pieces build_commitments is made of, and the utilisation series that both the
// builder (planted savings) and the emitter (commitment_utilization_daily) read. Internal to the
// commitments domain and its tests.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/legacy_planting.h"
#include "model/account_model.h"

namespace seedgen {

// The windows of the two planted rules (docs/data/commitments.md).
inline constexpr int32_t kUtilizationWindowDays = 30;  // commitment_underutilized: [as_of - 29, as_of]
inline constexpr double kUnderutilizedBelowPercent = 80.0;
inline constexpr int32_t kExpiringWindowDays = 30;     // commitment_expiring: end_date within as_of +- 30

// build_commitment_list / build_api_clients / build_optimization_actions: the three entity lists, in
// this order (actions reference clients and planted resources).
void build_commitment_list(const World& world, AccountModel& model);
void build_api_clients(const World& world, AccountModel& model);
void build_optimization_actions(const World& world, AccountModel& model);

// utilization_on: the stored utilization_percent of `day` (rounded to 2 decimals, within
// level +- spread, clamped to 0..100). Meaningful only while the commitment is active.
double utilization_on(const World& world, const Commitment& commitment, int32_t day);

// utilization_first_day / utilization_last_day: the days commitment_utilization_daily has rows for;
// first > last when it has none.
int32_t utilization_first_day(const World& world, const Commitment& commitment);
int32_t utilization_last_day(const World& world, const Commitment& commitment);

// recent_utilization_mean: the mean stored utilization_percent over the rows dated in
// [as_of - 29, as_of]; 100 when there are none.
double recent_utilization_mean(const World& world, const Commitment& commitment);

// on_demand_equivalent_hourly: what the committed usage would cost on demand, amount / (1 - rate).
double on_demand_equivalent_hourly(const Commitment& commitment);

// record_commitment_waste: marks the commitment as planted and adds it to the answer key with resource_type
// 'commitment'.
inline void record_commitment_waste(AccountModel& model, Commitment& commitment, Pattern pattern,
                                    double monthly_savings) {
  commitment.planted_pattern = pattern;
  commitment.planted_savings = monthly_savings;
  record_waste(model, ResourceType::kCommitment, commitment.resource_id, pattern, monthly_savings);
}

}  // namespace seedgen

// commitment_builders.h: the pieces build_commitments is made of, the utilisation series that both the
// rules (findings and savings) and the emitter (commitment_utilization_daily) read, and the rules' windows.
// Internal to the commitments domain and its tests.
#pragma once

#include <cstdint>

#include "model/account_model.h"

namespace seedgen {

// The windows of the two rules (docs/data/commitments.md).
inline constexpr int32_t kUtilizationWindowDays = 30;  // commitment_underutilized: [as_of - 29, as_of]
inline constexpr double kUnderutilizedBelowPercent = 80.0;
inline constexpr int32_t kExpiringWindowDays = 30;     // commitment_expiring: end_date within as_of +- 30

// build_commitment_list / build_api_clients / build_optimization_actions: the three entity lists, in
// this order (actions reference clients).
void build_commitment_list(const World& world, AccountModel& model);
void build_api_clients(const World& world, AccountModel& model);
void build_optimization_actions(const World& world, AccountModel& model);
// evaluate_commitment_rules: records every commitment_expiring and commitment_underutilized finding of the
// as_of day from the stored values, and adds the unused part of each active commitment to the account's cost.
void evaluate_commitment_rules(const World& world, AccountModel& model);

// group_usage_on: the on-demand USD/hour the group's members ran at on `day` on average (hours running
// / 24 x hourly cost, summed).
double group_usage_on(const AccountModel& model, const CoveredGroup& group, int32_t day);

// utilization_on: the stored utilization_percent of `day` (2 decimals): the share of the commitment's
// capacity the group's usage fills that day, with the day's hour-to-hour mismatch, at most 100.
// Meaningful only while the commitment is active.
double utilization_on(const World& world, const AccountModel& model, const Commitment& commitment, int32_t day);

// utilization_first_day / utilization_last_day: the days commitment_utilization_daily has rows for;
// first > last when it has none.
int32_t utilization_first_day(const World& world, const Commitment& commitment);
int32_t utilization_last_day(const World& world, const Commitment& commitment);

// recent_utilization_mean: the mean stored utilization_percent over the rows dated in
// [as_of - 29, as_of]; 100 when there are none.
double recent_utilization_mean(const World& world, const AccountModel& model, const Commitment& commitment);

// on_demand_equivalent_hourly: what the committed usage would cost on demand, amount / (1 - rate).
double on_demand_equivalent_hourly(const Commitment& commitment);

}  // namespace seedgen

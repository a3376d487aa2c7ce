// commitment_utilization.cc: the daily utilisation series of a commitment, a pure function of
// (world, model, commitment, day): the usage of the population it covers that day against its capacity.
#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "copy/row_writer.h"
#include "model/commitments/commitment_builders.h"
#include "model/usage_series.h"

namespace seedgen {
namespace {

// share_of_day_alive: the share of `day` inside [born_at, died_at).
double share_of_day_alive(const Life& life, int32_t day) {
  const int64_t start = static_cast<int64_t>(day) * kSecondsPerDay;
  const int64_t end = start + kSecondsPerDay;
  const int64_t from = std::max(start, life.born_at), to = std::min(end, life.died_at);
  return to > from ? static_cast<double>(to - from) / kSecondsPerDay : 0.0;
}

double member_share_of_day(const AccountModel& model, const CoveredMember& member, int32_t day) {
  switch (member.source) {
    case CoveredMember::Source::kInstance:
      return instance_hours_on(model.ec2.instances[member.index], day) / 24.0;
    case CoveredMember::Source::kRds:
      return share_of_day_alive(model.platform.rds_instances[member.index].life, day);
    case CoveredMember::Source::kCache:
      return share_of_day_alive(model.platform.cache_clusters[member.index].life, day);
  }
  return 0;
}

}  // namespace

double group_usage_on(const AccountModel& model, const CoveredGroup& group, int32_t day) {
  double usage = 0;
  for (const CoveredMember& member : group.members) usage += member.hourly_usd * member_share_of_day(model, member, day);
  return usage;
}

// The day's usage fills the capacity hour by hour; hours above it are billed on demand and hours below it
// waste the difference, so a day whose mean usage is near the capacity is a little under 100 %: the
// mismatch is lognormal (sigma 4 %) on the ratio, and a day at or above 1.0 is 100 %.
double utilization_on(const World& world, const AccountModel& model, const Commitment& commitment, int32_t day) {
  Rng rng = day_rng(world, "commitment_utilization_daily", commitment.key, day);
  const double mismatch = std::exp(rng.normal(0, 0.04));
  const double ratio = commitment.capacity_on_demand > 0
                           ? group_usage_on(model, model.commitments.groups[commitment.group], day) / commitment.capacity_on_demand
                           : 0.0;
  return round2(100.0 * std::min(1.0, ratio * mismatch));
}

int32_t utilization_first_day(const World& world, const Commitment& commitment) {
  return std::max(usage_first_day(world), commitment.start_date);
}

int32_t utilization_last_day(const World& world, const Commitment& commitment) {
  return std::min(world.as_of_day(), commitment.end_date);
}

double recent_utilization_mean(const World& world, const AccountModel& model, const Commitment& commitment) {
  const int32_t first =
      std::max(utilization_first_day(world, commitment), world.as_of_day() - kUtilizationWindowDays + 1);
  const int32_t last = utilization_last_day(world, commitment);
  if (first > last) return 100.0;
  double sum = 0;
  for (int32_t day = first; day <= last; ++day) sum += utilization_on(world, model, commitment, day);
  return sum / (last - first + 1);
}

double on_demand_equivalent_hourly(const Commitment& commitment) {
  return commitment.hourly_commitment_amount / (1.0 - commitment.savings_rate);
}

}  // namespace seedgen

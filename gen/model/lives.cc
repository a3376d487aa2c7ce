// lives.cc: birth rates calibrated to an expected population, births enumerated day by day, lifetimes
// drawn from lognormal mixtures.
#include "model/lives.h"

#include <algorithm>
#include <cmath>

#include "core/calendar.h"
#include "model/calendar_effects.h"
#include "model/world.h"

namespace seedgen {
namespace {

constexpr uint32_t kMaxBirthsPerDay = 65536;   // the ordinal's range (16 bits of the entity coordinates)

double normal_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

// weekday_mean: the mean birth factor over a week (5 weekdays at 1, 2 weekend days at `weekend`).
double weekday_mean(const LifeSpec& spec) { return (5.0 + 2.0 * spec.weekend_birth_factor) / 7.0; }

double draw_lifetime_days(Rng& rng, const LifeSpec& spec) {
  const double pick = rng.unit();
  const double spread = rng.normal(0, 1);
  double cumulative = 0;
  for (const LifetimeComponent& component : spec.lifetimes) {
    cumulative += component.share;
    if (pick < cumulative) {
      return std::min(spec.max_lifetime_days, component.median_days * std::exp(component.sigma * spread));
    }
  }
  return spec.max_lifetime_days;
}

}  // namespace

double survival(const LifeSpec& spec, double age_days) {
  if (age_days >= spec.max_lifetime_days) return 0;
  double alive = 1;
  for (const LifetimeComponent& component : spec.lifetimes) {
    const double dead = age_days <= 0 ? 0 : 1 - normal_tail(std::log(age_days / component.median_days) / component.sigma);
    alive -= component.share * dead;
  }
  return std::max(0.0, alive);
}

BirthProcess::BirthProcess(const World& world, const AccountPlan& account, const LifeSpec& spec,
                           double expected_population)
    : world_(world), account_(account), spec_(spec) {
  first_day_ = static_cast<int32_t>(account.created_at / kSecondsPerDay);
  // Expected survivors at the end of the anchor day per unit of anchor-day birth rate: sum over ages of
  // growth x survival (weekday and holiday factors average out to their weekly mean, applied below).
  const double anchor_age = world.anchor_day() - first_day_;
  double survivors = 0;
  for (double age = 0; age <= std::min(anchor_age, spec.max_lifetime_days);) {
    const double step = age < 60 ? 1.0 : (age < 400 ? 4.0 : 16.0);
    const double growth = std::exp(-spec.growth_per_year * age / 365.0);
    survivors += step * growth * survival(spec, age + 0.5 * step);
    age += step;
  }
  rate_ = survivors > 0 ? expected_population / survivors : 0;
}

double BirthProcess::births_expected(int32_t day) const {
  const double growth = std::exp(spec_.growth_per_year * (day - world_.anchor_day()) / 365.0);
  double factor = is_weekend(day) ? spec_.weekend_birth_factor : 1.0;
  if (is_holiday(day)) factor *= spec_.holiday_birth_factor;
  return rate_ * growth * factor / weekday_mean(spec_);
}

Life BirthProcess::make_life(int32_t day, uint32_t ordinal, Rng& stream) const {
  Life life;
  life.birth_day = day;
  life.ordinal = ordinal;
  int64_t second = 0;
  if (spec_.business_hours) {
    const int64_t local = 8 * 3600 + static_cast<int64_t>(stream.below(11 * 3600));
    second = (local - utc_offset_hours(account_.home_region()) * 3600 + kSecondsPerDay) % kSecondsPerDay;
  } else {
    second = stream.below(static_cast<uint32_t>(kSecondsPerDay));
  }
  life.born_at = std::max(static_cast<int64_t>(day) * kSecondsPerDay + second, account_.created_at + 60);
  const double lifetime = draw_lifetime_days(stream, spec_);
  life.died_at = lifetime >= spec_.max_lifetime_days ? kNever
                                                      : life.born_at + static_cast<int64_t>(lifetime * kSecondsPerDay);
  return life;
}

std::vector<Life> BirthProcess::lives_during(int64_t from, int64_t to) const {
  std::vector<Life> lives;
  if (rate_ <= 0) return lives;
  const int32_t last_day = static_cast<int32_t>((to - 1) / kSecondsPerDay);
  const int32_t earliest = static_cast<int32_t>(from / kSecondsPerDay - std::ceil(spec_.max_lifetime_days)) - 1;
  for (int32_t day = std::max(first_day_, earliest); day <= last_day; ++day) {
    Rng births(world_.seed(), spec_.kind, entity_key(account_.index, "births", static_cast<uint64_t>(day)));
    const int64_t count = std::min<int64_t>(births.poisson(births_expected(day)), kMaxBirthsPerDay);
    for (uint32_t ordinal = 0; ordinal < static_cast<uint32_t>(count); ++ordinal) {
      const uint64_t key = entity_key(account_.index, spec_.kind, static_cast<uint64_t>(day) << 16 | ordinal);
      Rng stream(world_.seed(), spec_.kind, key);
      Life life = make_life(day, ordinal, stream);
      life.key = key;
      if (life.alive_during(from, to)) lives.push_back(life);
    }
  }
  return lives;
}

Rng BirthProcess::life_stream(const Life& life) const { return Rng(world_.seed(), spec_.kind, mix64(life.key + 1)); }

}  // namespace seedgen

// lives.h: births and lifetimes of the entities of one (account, kind), the heart of the lifecycle model
// (docs/MODEL.md, section 3). Births of day t are a Poisson draw from the stream (seed, kind, account, t);
// each birth is an entity with its own stream that gives its birth second and lifetime (and, to its
// domain, everything else). The population alive at any time is found by enumerating the births of the
// days that can still have a survivor, so no day is ever replayed and any day can be computed alone.
// Thread-compatible: a BirthProcess is immutable after construction.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "model/organization.h"
#include "rng/rng.h"

namespace seedgen {

struct World;

inline constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

// One lognormal component of a lifetime mixture.
struct LifetimeComponent {
  double share = 1;          // probability of this component
  double median_days = 30;
  double sigma = 1;
};

// What a kind of entity does over time. Shares of the components add up to at most 1; the rest never dies
// (within max_lifetime_days, after which every entity is gone).
struct LifeSpec {
  std::string_view kind;                      // stream and key name, e.g. "instance"
  std::vector<LifetimeComponent> lifetimes;
  double max_lifetime_days = 2000;
  double weekend_birth_factor = 0.35;         // births on Saturdays and Sundays, relative to weekdays
  double holiday_birth_factor = 0.3;          // births on the holidays of calendar_effects.h
  double growth_per_year = 0.2;               // the birth rate grows by e^(growth x years) around the anchor
  bool business_hours = true;                 // born 08:00-19:00 in the home region (else any time of day)
};

struct Life {
  uint64_t key = 0;          // entity key: seeds every stream of this entity
  int32_t birth_day = 0;
  uint32_t ordinal = 0;      // its rank among the births of that day (the id coordinates use it)
  int64_t born_at = 0;       // seconds since epoch
  int64_t died_at = kNever;  // seconds since epoch, or kNever

  bool alive_at(int64_t time) const { return born_at <= time && time < died_at; }
  bool alive_during(int64_t from, int64_t to) const { return born_at < to && died_at > from; }
};

// stable_pick: which of `count` candidates an entity with key `draw` points at (a snapshot's volume, a log
// group's function, an address's instance): the eligible candidate whose key weighs most for the draw
// (rendezvous hashing), `count` when none is eligible. The pick moves only when its candidate goes or stops
// being eligible; others coming and going leave it, so a day of drift does not re-point what a resource
// points at, as picking by position in the day's population would.
template <class KeyOf, class Eligible>
size_t stable_pick(uint64_t draw, size_t count, KeyOf key_of, Eligible eligible) {
  size_t best = count;
  uint64_t best_weight = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!eligible(i)) continue;
    const uint64_t weight = mix64(draw ^ mix64(key_of(i)));
    if (best == count || weight > best_weight) {
      best = i;
      best_weight = weight;
    }
  }
  return best;
}

// stable_pick: the same among all `count` candidates.
template <class KeyOf>
size_t stable_pick(uint64_t draw, size_t count, KeyOf key_of) {
  return stable_pick(draw, count, key_of, [](size_t) { return true; });
}

class BirthProcess {
 public:
  // BirthProcess: births of `spec` in `account`, at a rate such that the expected population alive at
  // the end of the calibration anchor day is `expected_population`.
  BirthProcess(const World& world, const AccountPlan& account, const LifeSpec& spec, double expected_population);

  // lives_during: every life alive at some time in [from, to) (seconds), in birth order.
  std::vector<Life> lives_during(int64_t from, int64_t to) const;
  // lives_at: every life alive at `time`.
  std::vector<Life> lives_at(int64_t time) const { return lives_during(time, time + 1); }
  // life_stream: the entity's own stream for its attributes (independent of the draws that made its Life).
  Rng life_stream(const Life& life) const;

  double rate_at_anchor() const { return rate_; }   // births per day on an average anchor-year weekday mix

 private:
  double births_expected(int32_t day) const;
  Life make_life(int32_t day, uint32_t ordinal, Rng& stream) const;

  const World& world_;
  const AccountPlan& account_;
  const LifeSpec& spec_;
  double rate_ = 0;
  int32_t first_day_ = 0;   // the account's creation day
};

// expected_alive: the fraction of births of age `age_days` still alive (the survival function).
double survival(const LifeSpec& spec, double age_days);

}  // namespace seedgen

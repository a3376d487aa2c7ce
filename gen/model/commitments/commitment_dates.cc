// commitment_dates.cc: end_date windows of the lifecycles and the fallbacks that keep terms inside the
// account's lifetime.
#include "model/commitments/commitment_dates.h"

#include <algorithm>
#include <cmath>

namespace seedgen {
namespace {

constexpr int32_t kDaysPerYear = 365;
constexpr int32_t kStartAfterAccountDays = 15;

struct OffsetRange {
  int32_t low = 0;
  int32_t high = 0;   // inclusive; as_of + offset is end_date
};

OffsetRange window_of(Lifecycle lifecycle, int32_t term_days) {
  switch (lifecycle) {
    case Lifecycle::kExpiringSoon: return {0, 30};
    case Lifecycle::kLapsedRecently: return {-30, -1};
    case Lifecycle::kNearExpiring: return {31, 40};
    case Lifecycle::kNearLapsed: return {-40, -31};
    case Lifecycle::kExpired: return {-400, -41};
    case Lifecycle::kActive: break;
  }
  return {41, term_days - 31};   // started at least 31 days ago: a full 30-day utilisation window
}

Lifecycle fallback_of(Lifecycle lifecycle) {
  switch (lifecycle) {
    case Lifecycle::kLapsedRecently: return Lifecycle::kExpiringSoon;
    case Lifecycle::kNearLapsed: return Lifecycle::kNearExpiring;
    case Lifecycle::kExpired: return Lifecycle::kActive;
    default: return lifecycle;
  }
}

// try_place: the placement when some end_date of the window leaves the start late enough.
bool try_place(Lifecycle lifecycle, int term_months, double position, int32_t as_of_day, int32_t account_day,
               TermPlacement& placement) {
  const int32_t term_days = kDaysPerYear * term_months / 12;
  OffsetRange range = window_of(lifecycle, term_days);
  // start = as_of + offset - term_days must be >= account_day + kStartAfterAccountDays.
  range.low = std::max(range.low, account_day + kStartAfterAccountDays - as_of_day + term_days);
  if (range.low > range.high) return false;
  const int32_t span = range.high - range.low + 1;
  const int32_t offset = range.low + std::min(span - 1, static_cast<int32_t>(std::floor(position * span)));
  placement = TermPlacement{lifecycle, term_months, as_of_day + offset - term_days, as_of_day + offset};
  return true;
}

}  // namespace

bool has_ended(Lifecycle lifecycle) {
  return lifecycle == Lifecycle::kLapsedRecently || lifecycle == Lifecycle::kNearLapsed ||
         lifecycle == Lifecycle::kExpired;
}

TermPlacement place_term(Lifecycle lifecycle, int term_months, double position, int32_t as_of_day,
                         int32_t account_day) {
  TermPlacement placement;
  for (Lifecycle candidate : {lifecycle, fallback_of(lifecycle)}) {
    if (term_months == 36 && try_place(candidate, 36, position, as_of_day, account_day, placement)) return placement;
    if (try_place(candidate, 12, position, as_of_day, account_day, placement)) return placement;
  }
  // Accounts are at least 400 days old, so a 12-month active term always fits; this is a last resort.
  return TermPlacement{Lifecycle::kActive, 12, as_of_day - 31, as_of_day - 31 + kDaysPerYear};
}

}  // namespace seedgen

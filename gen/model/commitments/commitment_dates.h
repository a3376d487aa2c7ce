// commitment_dates.h: where a commitment's term sits relative to as_of. The lifecycle decides the window
// end_date falls in (the two planted rules read end_date); place_term turns it into dates that start after
// the account was created, falling back to a shorter term or a safer lifecycle when it cannot.
#pragma once

#include <cstdint>

namespace seedgen {

enum class Lifecycle {
  kActive,           // end_date in [as_of + 41, as_of + term - 31]: started over 30 days ago, the ordinary case
  kExpiringSoon,     // end_date in [as_of, as_of + 30]: commitment_expiring
  kLapsedRecently,   // end_date in [as_of - 30, as_of - 1]: commitment_expiring
  kNearExpiring,     // end_date in [as_of + 31, as_of + 40]: near miss
  kNearLapsed,       // end_date in [as_of - 40, as_of - 31]: near miss
  kExpired,          // end_date in [as_of - 400, as_of - 41]
};

bool has_ended(Lifecycle lifecycle);

struct TermPlacement {
  Lifecycle lifecycle = Lifecycle::kActive;  // may differ from the one asked for (see place_term)
  int term_months = 12;
  int32_t start_date = 0;
  int32_t end_date = 0;
};

// place_term: dates for `lifecycle` with `term_months` (12 or 36), end_date picked in the lifecycle's
// window by `position` in [0, 1). The start must fall at least 15 days after `account_day`; when it
// cannot, a 36-month term becomes 12 months, then a lapsed lifecycle becomes its upcoming twin and
// kExpired becomes kActive. end_date = start_date + 365 days per year (AWS terms are 365-day years).
TermPlacement place_term(Lifecycle lifecycle, int term_months, double position, int32_t as_of_day,
                         int32_t account_day);

}  // namespace seedgen

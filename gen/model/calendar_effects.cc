// calendar_effects.cc: weekends, holidays and regional offsets.
#include "model/calendar_effects.h"

#include "core/calendar.h"

namespace seedgen {
namespace {

// nth_weekday: the day of the n-th `weekday` (0 = Monday) of a month; n = -1 means the last one.
int32_t nth_weekday(int32_t year, uint32_t month, int wanted, int n) {
  if (n > 0) {
    const int32_t first = days_from_civil({year, month, 1});
    const int shift = (wanted - weekday(first) + 7) % 7;
    return first + shift + 7 * (n - 1);
  }
  const int32_t next_first = month == 12 ? days_from_civil({year + 1, 1, 1}) : days_from_civil({year, month + 1, 1});
  const int32_t last = next_first - 1;
  return last - (weekday(last) - wanted + 7) % 7;
}

}  // namespace

bool is_weekend(int32_t day) { return weekday(day) >= 5; }

bool is_holiday(int32_t day) {
  const CivilDate date = civil_from_days(day);
  if ((date.month == 12 && date.day >= 24) || (date.month == 1 && date.day == 1)) return true;
  if (date.month == 7 && date.day == 4) return true;
  if (date.month == 5 && day == nth_weekday(date.year, 5, 0, -1)) return true;      // Memorial Day
  if (date.month == 9 && day == nth_weekday(date.year, 9, 0, 1)) return true;       // Labor Day
  if (date.month == 11) {
    const int32_t thanksgiving = nth_weekday(date.year, 11, 3, 4);
    if (day == thanksgiving || day == thanksgiving + 1) return true;
  }
  return false;
}

double business_activity(int32_t day, double weekend) {
  const CivilDate date = civil_from_days(day);
  const bool year_end = (date.month == 12 && date.day >= 24) || (date.month == 1 && date.day == 1);
  if (year_end) return weekend * 0.9;
  if (is_weekend(day)) return weekend;
  if (is_holiday(day)) return 0.5 * (1 + weekend);
  return 1.0;
}

int utc_offset_hours(std::string_view region) {
  if (region.starts_with("us-east")) return -5;
  if (region.starts_with("us-west")) return -8;
  if (region.starts_with("ca-")) return -5;
  if (region.starts_with("sa-")) return -3;
  if (region.starts_with("eu-west")) return 0;
  if (region.starts_with("eu-")) return 1;
  if (region == "ap-southeast-1") return 8;
  if (region == "ap-southeast-2") return 10;
  if (region.starts_with("ap-northeast")) return 9;
  if (region.starts_with("ap-south")) return 5;
  return 0;
}

}  // namespace seedgen

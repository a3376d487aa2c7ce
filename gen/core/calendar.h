// calendar.h: dates and timestamps as plain integers (days and seconds since 1970-01-01 UTC), with
// the civil-calendar conversions seedgen needs. No time zone, no wall clock: time is anchored on the
// profile's as_of date.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace seedgen {

struct CivilDate {
  int32_t year = 1970;
  uint32_t month = 1;  // 1..12
  uint32_t day = 1;    // 1..31
};

// days_from_civil / civil_from_days: Howard Hinnant's algorithms, exact for the proleptic Gregorian calendar.
constexpr int32_t days_from_civil(CivilDate date) {
  const int32_t year = date.year - (date.month <= 2 ? 1 : 0);
  const int32_t era = (year >= 0 ? year : year - 399) / 400;
  const uint32_t year_of_era = static_cast<uint32_t>(year - era * 400);
  const uint32_t day_of_year = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const uint32_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int32_t>(day_of_era) - 719468;
}

constexpr CivilDate civil_from_days(int32_t days) {
  days += 719468;
  const int32_t era = (days >= 0 ? days : days - 146096) / 146097;
  const uint32_t day_of_era = static_cast<uint32_t>(days - era * 146097);
  const uint32_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int32_t year = static_cast<int32_t>(year_of_era) + era * 400;
  const uint32_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const uint32_t month_index = (5 * day_of_year + 2) / 153;
  const uint32_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const uint32_t month = month_index < 10 ? month_index + 3 : month_index - 9;
  return CivilDate{year + (month <= 2 ? 1 : 0), month, day};
}

// weekday: 0 = Monday ... 6 = Sunday.
constexpr int weekday(int32_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

constexpr int64_t kSecondsPerDay = 86400;

// iso_date: "YYYY-MM-DD" of days since 1970-01-01.
inline std::string iso_date(int32_t days) {
  const CivilDate date = civil_from_days(days);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year), date.month, date.day);
  return text;
}

// parse_iso_date: the day of "YYYY-MM-DD" (a real calendar date), nullopt for anything else.
inline std::optional<int32_t> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int field = 0; field < 3; ++field) {
    for (size_t i = starts[field]; i < starts[field] + lengths[field]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      fields[field] = fields[field] * 10 + (text[i] - '0');
    }
  }
  if (fields[1] < 1 || fields[1] > 12 || fields[2] < 1 || fields[2] > 31) return std::nullopt;
  const int32_t day = days_from_civil(CivilDate{fields[0], static_cast<unsigned>(fields[1]), static_cast<unsigned>(fields[2])});
  if (iso_date(day) != text) return std::nullopt;   // 2025-02-30 comes back as March
  return day;
}

}  // namespace seedgen

// calendar_test.cc: the civil-calendar conversions. Expected day numbers and weekdays were computed with
// Python's datetime ((date - date(1970, 1, 1)).days and date.weekday(), Monday = 0).
#include "core/calendar.h"

#include <gtest/gtest.h>

namespace seedgen {
namespace {

struct KnownDay {
  CivilDate date;
  int32_t days;
  int weekday;
};

constexpr KnownDay kKnownDays[] = {
    {{1970, 1, 1}, 0, 3},        {{2000, 3, 1}, 11017, 2}, {{2024, 2, 29}, 19782, 3},
    {{1900, 1, 1}, -25567, 0},   {{2100, 12, 31}, 47846, 4}, {{2025, 1, 15}, 20103, 2},
};

TEST(Calendar, KnownDatesBothWays) {
  for (const KnownDay& known : kKnownDays) {
    EXPECT_EQ(days_from_civil(known.date), known.days) << known.date.year << "-" << known.date.month;
    const CivilDate back = civil_from_days(known.days);
    EXPECT_EQ(back.year, known.date.year);
    EXPECT_EQ(back.month, known.date.month);
    EXPECT_EQ(back.day, known.date.day);
    EXPECT_EQ(weekday(known.days), known.weekday) << known.days;
  }
}

TEST(Calendar, EveryDayOfFourCenturiesRoundTripsAndFollowsTheNext) {
  // 1900-01-01 .. 2299-12-31 covers the 100- and 400-year leap rules (1900 and 2100 are not leap years).
  for (int32_t days = -25567; days < 120000; ++days) {
    const CivilDate date = civil_from_days(days);
    ASSERT_EQ(days_from_civil(date), days);
    const CivilDate next = civil_from_days(days + 1);
    const bool same_month = next.month == date.month && next.year == date.year;
    ASSERT_TRUE(same_month ? next.day == date.day + 1 : next.day == 1) << days;
  }
}

TEST(Calendar, IsoDateIsZeroPadded) {
  EXPECT_EQ(iso_date(0), "1970-01-01");
  EXPECT_EQ(iso_date(11017), "2000-03-01");
  EXPECT_EQ(iso_date(-25567), "1900-01-01");
}

}  // namespace
}  // namespace seedgen

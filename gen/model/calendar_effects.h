// calendar_effects.h: the calendar as workloads feel it: weekends, the holidays when business workloads
// quieten and launches pause (24 December to 1 January, plus the US federal holidays most of these
// companies keep: New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving and the day
// after), and the UTC offset of each region's business hours. Pure functions of the day.
#pragma once

#include <cstdint>
#include <string_view>

namespace seedgen {

bool is_weekend(int32_t day);
// is_holiday: a day of the year-end break or a US holiday listed above.
bool is_holiday(int32_t day);
// business_activity: how busy a business-hours workload is on `day` relative to a weekday: 1 on weekdays,
// `weekend` on Saturdays and Sundays, and the year-end break and holidays in between.
double business_activity(int32_t day, double weekend);
// utc_offset_hours: the offset of the region's local business day from UTC (e.g. -5 for us-east-1).
int utc_offset_hours(std::string_view region);

}  // namespace seedgen

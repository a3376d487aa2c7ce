// generate_command.h: `seedgen --profile P [...]`: generate a fleet and load it (default), write it as
// COPY files (--out DIR), or only count it (--count-only); then print the summary.
#pragma once

#include <cstdint>
#include <optional>

namespace seedgen {

struct Profile;

// kMaxDriftDays: how far past its calibration day (the profile's as_of) an estate may be observed, by
// --as-of or by seedgen drift: ten years.
constexpr int32_t kMaxDriftDays = 3650;

// observed_day: the day a run observes the estate at: `as_of` (--as-of) or the profile's as_of.
// Error(kUsage) for a day before the profile's as_of or more than kMaxDriftDays after it.
int32_t observed_day(const Profile& profile, std::optional<int32_t> as_of);

int run_generate_command(int argc, char** argv);

}  // namespace seedgen

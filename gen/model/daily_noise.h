// daily_noise.h: the slow part of a daily series, computable for any day alone. Fast, day-to-day noise
// comes from the (entity, day) stream (day_rng); slow variation (a trend, a busy fortnight, a quiet
// month) from value noise: lattice points every `period` days, each a uniform draw from its own stream,
// smoothly interpolated, so neighbouring days move together and days a period apart barely correlate.
#pragma once

#include <cstdint>
#include <string_view>

namespace seedgen {

// smooth_noise: a value in [-1, 1] for `day` of the entity's series `series`.
double smooth_noise(uint64_t seed, std::string_view series, uint64_t entity, int32_t day, double period);

}  // namespace seedgen

#include "model/daily_noise.h"

#include <cmath>

#include "rng/rng.h"

namespace seedgen {
namespace {

double lattice(uint64_t seed, std::string_view series, uint64_t entity, int64_t point) {
  Rng rng(seed, series, mix64(entity ^ mix64(static_cast<uint64_t>(point) + 0x51ed)));
  return 2.0 * rng.unit() - 1.0;
}

}  // namespace

double smooth_noise(uint64_t seed, std::string_view series, uint64_t entity, int32_t day, double period) {
  const double position = day / period;
  const double floor = std::floor(position);
  const double fraction = position - floor;
  const double smooth = fraction * fraction * (3.0 - 2.0 * fraction);
  const auto point = static_cast<int64_t>(floor);
  const double low = lattice(seed, series, entity, point);
  const double high = lattice(seed, series, entity, point + 1);
  return low + (high - low) * smooth;
}

}  // namespace seedgen

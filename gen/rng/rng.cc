#include "rng/rng.h"

#include <cmath>

namespace seedgen {

double Rng::unit() {
  const uint64_t high = next() >> 5;   // 27 bits
  const uint64_t low = next() >> 6;    // 26 bits
  return static_cast<double>((high << 26) | low) * (1.0 / 9007199254740992.0);
}

double Rng::normal(double mean, double stddev) {
  const double u1 = 1.0 - unit();      // (0, 1]: log stays finite
  const double u2 = unit();
  constexpr double kTwoPi = 6.283185307179586;
  return mean + stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

double Rng::lognormal(double median, double sigma) { return median * std::exp(normal(0.0, sigma)); }

int64_t Rng::poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean >= 30) {
    const double value = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
    return value < 0 ? 0 : static_cast<int64_t>(value);
  }
  // Inversion: walk the cumulative distribution until it passes one uniform draw.
  const double target = unit();
  double probability = std::exp(-mean);
  double cumulative = probability;
  int64_t count = 0;
  while (cumulative <= target && count < 200) {
    ++count;
    probability *= mean / static_cast<double>(count);
    cumulative += probability;
  }
  return count;
}

size_t Rng::weighted(std::span<const double> weights) {
  double total = 0;
  for (double weight : weights) total += weight;
  double target = unit() * total;
  for (size_t index = 0; index < weights.size(); ++index) {
    if (target < weights[index]) return index;
    target -= weights[index];
  }
  for (size_t index = weights.size(); index > 0; --index) {
    if (weights[index - 1] > 0) return index - 1;
  }
  return 0;
}

void Rng::hex(char* out, size_t digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  uint32_t bits = 0;
  for (size_t index = 0; index < digits; ++index) {
    if (index % 8 == 0) bits = next();
    out[index] = kHex[bits & 0xf];
    bits >>= 4;
  }
}

size_t weighted_index(std::span<const double> weights, double draw) {
  double total = 0;
  for (double weight : weights) total += weight;
  double target = draw * total;
  for (size_t index = 0; index < weights.size(); ++index) {
    if (target < weights[index]) return index;
    target -= weights[index];
  }
  return weights.size() - 1;
}

}  // namespace seedgen

// rng.h: seedgen's random streams and the distributions drawn from them.
// A stream is pcg32 keyed by (seed, table, entity), so any slice of any table can be generated on its
// own, in any order, on any thread, with the same result. Distributions are written here over pcg32's
// unbiased bounded draw; std::*_distribution is never used (its output differs between libraries).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include <pcg_random.hpp>

namespace seedgen {

// mix64: the splitmix64 finaliser, a bijective 64-bit mix.
constexpr uint64_t mix64(uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

// name_hash: FNV-1a of a table or column name, for stream keys.
constexpr uint64_t name_hash(std::string_view name) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char character : name) hash = (hash ^ static_cast<uint8_t>(character)) * 0x100000001b3ULL;
  return hash;
}

// entity_key: a stable key for the index-th entity of a kind within an account.
constexpr uint64_t entity_key(uint32_t account_index, std::string_view kind, uint64_t index) {
  return mix64(mix64(name_hash(kind) ^ (static_cast<uint64_t>(account_index) << 40)) + index);
}

class Rng {
 public:
  // Rng: the stream for (seed, table, entity). Different tuples give independent streams.
  Rng(uint64_t seed, std::string_view table, uint64_t entity)
      : engine_(mix64(seed ^ mix64(name_hash(table) + entity)), mix64(entity ^ name_hash(table)) ^ seed) {}

  uint32_t next() { return engine_(); }
  // below: uniform in [0, bound), unbiased. REQUIRES: bound > 0.
  uint32_t below(uint32_t bound) { return engine_(bound); }
  // between: uniform in [low, high], inclusive. REQUIRES: low <= high, high - low < 2^32 - 1.
  int64_t between(int64_t low, int64_t high) { return low + below(static_cast<uint32_t>(high - low + 1)); }
  // unit: uniform in [0, 1) with 53 random bits (two draws).
  double unit();
  // uniform: uniform in [low, high).
  double uniform(double low, double high) { return low + (high - low) * unit(); }
  bool chance(double probability) { return unit() < probability; }
  // normal: Box-Muller; always four draws.
  double normal(double mean, double stddev);
  // lognormal: exp(normal) scaled so that the median is `median`.
  double lognormal(double median, double sigma);
  // poisson: a Poisson count with the given mean (>= 0). Inversion below a mean of 30 (at most ~80
  // draws), a rounded normal with continuity correction above, so the cost stays bounded.
  int64_t poisson(double mean);
  // weighted: an index drawn with probability proportional to weights[i]. REQUIRES: some weight > 0.
  size_t weighted(std::span<const double> weights);
  // hex: fills `out` with `digits` lower-case hex digits.
  void hex(char* out, size_t digits);

 private:
  pcg32 engine_;
};

// weighted_index: the index of `weights` that a uniform `draw` in [0, 1) falls on, each index taking a
// share of [0, 1) proportional to its weight (the last index if rounding leaves the draw past the end).
// For draws taken up front, so that a branch never shifts a stream.
size_t weighted_index(std::span<const double> weights, double draw);

}  // namespace seedgen

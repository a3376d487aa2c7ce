// rng_test.cc: seedgen's streams give fixed, known draws. Every expected value below was printed by
// gen/rng/rng_reference.py, an independent Python implementation of pcg32, splitmix64 and FNV-1a, so a
// change of generator, seeding or distribution (which would silently change every fleet) fails here.
#include "rng/rng.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace seedgen {
namespace {

TEST(Rng, KeyedStreamGivesTheReferenceDraws) {
  Rng rng(42, "instances", 7);
  for (uint32_t expected : {857395317U, 1781922606U, 893231350U, 2638400947U, 3171867211U}) {
    EXPECT_EQ(rng.next(), expected);
  }
}

TEST(Rng, UnitUsesTwoDrawsForFiftyThreeBits) {
  Rng rng(42, "instances", 7);
  EXPECT_DOUBLE_EQ(rng.unit(), 0.19962790172462297);
  EXPECT_DOUBLE_EQ(rng.unit(), 0.20797162960693671);
}

TEST(Rng, BelowIsPcgsUnbiasedBoundedDraw) {
  Rng rng(7, "volumes", 123456789);
  for (uint32_t expected : {3U, 0U, 2U, 8U, 3U, 7U}) EXPECT_EQ(rng.below(10), expected);
}

TEST(Rng, HexTakesEightDigitsPerDrawLowNibbleFirst) {
  Rng rng(7, "volumes", 123456789);
  std::string digits(17, '?');
  rng.hex(digits.data(), digits.size());
  EXPECT_EQ(digits, "36f4f271807739dd4");
}

TEST(Rng, NormalIsBoxMullerOverTwoUnits) {
  Rng rng(1, "t", 0);
  EXPECT_NEAR(rng.normal(10, 2), 13.509370733131783, 1e-12);
}

TEST(Rng, PoissonByInversionBelowThirtyAndNormalAbove) {
  Rng small(3, "births", 11);
  for (int64_t expected : {2, 2, 0, 1, 5, 3}) EXPECT_EQ(small.poisson(2.5), expected);
  Rng large(3, "births", 11);
  for (int64_t expected : {111, 121, 110}) EXPECT_EQ(large.poisson(120.0), expected);
  Rng zero(3, "births", 11);
  EXPECT_EQ(zero.poisson(0.0), 0);
}

TEST(Rng, PoissonHasItsMeanAndVariance) {
  Rng rng(9, "births", 1);
  double sum = 0, squares = 0;
  constexpr int kDraws = 20000;
  for (int draw = 0; draw < kDraws; ++draw) {
    const double value = static_cast<double>(rng.poisson(4.0));
    sum += value;
    squares += value * value;
  }
  const double mean = sum / kDraws;
  EXPECT_NEAR(mean, 4.0, 0.06);                        // sd of the mean: sqrt(4/20000) = 0.014
  EXPECT_NEAR(squares / kDraws - mean * mean, 4.0, 0.25);
}

TEST(Rng, KeysAndHashesMatchTheReference) {
  EXPECT_EQ(name_hash("instances"), 16167899996693752595ULL);
  EXPECT_EQ(mix64(1), 10451216379200822465ULL);
  EXPECT_EQ(entity_key(3, "instance", 5), 10529967313692581481ULL);
}

TEST(Rng, DifferentTablesOrEntitiesGiveDifferentStreams) {
  Rng base(42, "instances", 7), other_table(42, "volumes", 7), other_entity(42, "instances", 8), other_seed(43, "instances", 7);
  const uint32_t first = base.next();
  EXPECT_NE(first, other_table.next());
  EXPECT_NE(first, other_entity.next());
  EXPECT_NE(first, other_seed.next());
}

TEST(Rng, WeightedNeverPicksAZeroWeight) {
  Rng rng(5, "weights", 1);
  const double weights[] = {0.0, 3.0, 0.0, 1.0};
  int counts[4] = {};
  for (int draw = 0; draw < 4000; ++draw) ++counts[rng.weighted(weights)];
  EXPECT_EQ(counts[0], 0);
  EXPECT_EQ(counts[2], 0);
  EXPECT_NEAR(counts[1] / 4000.0, 0.75, 0.03);   // binomial sd ~0.007: 4 sd
}

}  // namespace
}  // namespace seedgen

// threshold_bands.h: the density of a measured value in four ±10 % bands around a rule's threshold, for
// tests that prove a threshold leaves no cliff (issue 9: an empty band on one side and a spike on the
// other let an agent read the key off one histogram). A smooth density has about the same ratio between
// the two bands that meet at the threshold as between the bands beside them.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace seedgen::testing {

struct ThresholdBands {
  int far_below = 0, below = 0, above = 0, far_above = 0;   // [0.8t,0.9t) [0.9t,t) [t,1.1t) [1.1t,1.2t)

  std::string describe() const { return fmt::format("{} | {} || {} | {}", far_below, below, above, far_above); }
};

inline ThresholdBands threshold_bands(const std::vector<double>& values, double threshold) {
  ThresholdBands bands;
  for (double value : values) {
    const double relative = value / threshold;
    if (relative >= 0.8 && relative < 0.9) ++bands.far_below;
    else if (relative >= 0.9 && relative < 1.0) ++bands.below;
    else if (relative >= 1.0 && relative < 1.1) ++bands.above;
    else if (relative >= 1.1 && relative < 1.2) ++bands.far_above;
  }
  return bands;
}

// smooth_at_threshold: both bands at the threshold are populated, and the share of `below` among
// below + above is what the neighbouring ratios predict (the geometric mean of far_below/below and
// above/far_above) within `max_z` binomial standard deviations, so small samples are judged by their own
// sampling error rather than by a fixed factor.
inline bool smooth_at_threshold(const ThresholdBands& bands, double max_z = 3.5) {
  if (bands.below == 0 || bands.above == 0) return false;
  const double left = (bands.far_below + 0.5) / (bands.below + 0.5);
  const double right = (bands.above + 0.5) / (bands.far_above + 0.5);
  const double expected_ratio = std::sqrt(left * right);          // expected below / above
  const double share = expected_ratio / (1 + expected_ratio);     // expected below / (below + above)
  const double n = bands.below + bands.above;
  const double z = (bands.below - n * share) / std::sqrt(n * share * (1 - share));
  return std::fabs(z) <= max_z;
}

}  // namespace seedgen::testing

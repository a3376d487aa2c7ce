// phase_options.h: the flags of seedbench's optional phases (many clients, the capacity search, the writer,
// the index advisor, cold caches, the baseline), kept apart from the core flags of bench_options.cc.
#pragma once

#include <cxxopts.hpp>

#include "bench/cli/bench_options.h"

namespace seedgen::bench {

// add_phase_flags: defines the phase flags on `flags`.
void add_phase_flags(cxxopts::Options& flags);

// add_regression_flags / read_regression_rule: --max-regression, --min-change-ms and
// --regression-percentile, shared by --baseline and `seedbench compare`. Throws Error(kUsage) when out of range.
void add_regression_flags(cxxopts::Options& flags, const std::string& group);
RegressionRule read_regression_rule(const cxxopts::ParseResult& arguments);

// read_phase_options: fills the phase parts of `options` from `arguments`. Throws Error(kUsage) with a
// one-line reason for a value out of range or flags that contradict each other.
void read_phase_options(const cxxopts::ParseResult& arguments, BenchOptions& options);

}  // namespace seedgen::bench

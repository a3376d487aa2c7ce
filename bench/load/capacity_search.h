// capacity_search.h: the capacity figure of seedbench --find-capacity, as TPC results have one: the highest
// fixed arrival rate of the documented mix at which every question's p95 (its account classes merged)
// stays within the target. Each step is an open-loop run (coordinated omission accounted for: latencies
// run from the intended arrival), and a step that leaves arrivals unfinished fails whatever its p95.
// The search grows the rate by a factor until a step fails, halves it until one passes, then bisects until
// the bracket is narrower than the resolution or the steps run out; the capacity is the highest passing
// rate seen. Pure: the runs are the caller's StepRunner.
#pragma once

#include <functional>

#include "bench/model/load_report.h"

namespace seedgen::bench {

// judge_step: one step's verdict from its run: the worst question by p95 and whether all are within target.
CapacityStep judge_step(const LoadRun& run, double target_ms);

struct SearchOptions {
  double start_qps = 10;       // the first rate tried
  int max_steps = 8;
  double growth = 1.5;         // while every step passes
  double resolution = 0.05;    // stop when (failing - passing) / failing is at most this
};

using StepRunner = std::function<CapacityStep(double rate_qps)>;

// search_capacity: the steps run, in order, and the highest passing rate (0 when none passed). Rates are
// rounded to 0.1 queries/s and never below 0.1.
CapacityReport search_capacity(const StepRunner& run_step, const SearchOptions& options);

}  // namespace seedgen::bench

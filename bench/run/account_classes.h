// account_classes.h: which accounts a query is timed for, picked deterministically from the fleet's
// account sizes: the largest (the worst case), the median and a small one (the 10th percentile, so not a
// degenerate empty account). Equal sizes are ordered by account id, so the same fleet gives the same picks.
#pragma once

#include <vector>

#include "bench/model/bench_report.h"
#include "bench/db/fleet_probe.h"

namespace seedgen::bench {

// pick_account_classes: "largest", "median", "small" from `sizes` (ascending by size, then id). Throws
// Error(kTarget) when there are no accounts.
std::vector<AccountClass> pick_account_classes(const std::vector<AccountSize>& sizes);

// global_class: the pseudo-class of a question that takes no account.
AccountClass global_class();

}  // namespace seedgen::bench

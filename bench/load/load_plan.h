// load_plan.h: the LoadPlan of a concurrent run: every selected question bound for each fixed account class
// (largest, median, small; or the global class) and for every account of the fleet (the "any" class),
// with the accounts' subjects. Pure: the accounts and their subjects are read beforehand.
#pragma once

#include <string>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/load/load_loop.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

// build_load_plan: `classes` are the largest, median and small classes, in that order; `pool` is every
// account of the fleet (with subjects).
LoadPlan build_load_plan(const std::vector<CatalogQuery>& queries, const std::vector<AccountClass>& classes,
                         const std::vector<AccountClass>& pool, const std::string& as_of);

}  // namespace seedgen::bench

// html_comparison.h: the A/B view of two seedbench runs in HTML: the A/B chart (overview_chart.h), the
// verdict against --max-regression, and the per query and class table of p50/p95/p99 old, new and change.
// Used at the top of a run's report when it has a --baseline, and as the whole page of
// `seedbench compare A.json B.json --report FILE`.
#pragma once

#include <string>

#include "bench/compare/run_comparison.h"

namespace seedgen::bench {

// render_ab_section: <section class="card" id="ab"> with the chart and the regressions (and, when
// `full_table`, every compared row).
std::string render_ab_section(const Comparison& comparison, bool full_table);

// render_comparison_page: a self-contained page holding render_ab_section(comparison, true).
std::string render_comparison_page(const Comparison& comparison);

}  // namespace seedgen::bench

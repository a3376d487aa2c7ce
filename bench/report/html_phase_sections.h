// html_phase_sections.h: the HTML report's sections for seedbench's optional phases: many clients
// (quiet and under writes side by side, with each run's throughput and tail), the capacity search, the
// index advisor's recommendations and the cold-cache figures. Each returns an HTML fragment (empty when
// the phase did not run) with every piece of report text escaped.
#pragma once

#include <string>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

std::string render_concurrency_section(const BenchReport& report);
std::string render_capacity_section(const BenchReport& report);
std::string render_advisor_section(const BenchReport& report);
std::string render_cold_section(const BenchReport& report);

}  // namespace seedgen::bench

// html_sections.h: the body sections of the HTML report: one per query (latency chart, before/after and
// plan tables), the index table, the server settings and the dataset's tables. Each returns an HTML
// fragment with every piece of report text escaped; the page around them is html_report.cc's.
#pragma once

#include <string>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// query_anchor: the element id of `query`'s section, "q-" plus its name with anything outside
// [A-Za-z0-9_-] replaced by '-'.
std::string query_anchor(const std::string& query);

// render_query_sections: one <section class="query"> per query named by a timing or an analysis, in order
// of first appearance, each with its chart (if timed), before/after table (if any before_ms >= 0) and
// plan table (if analysed).
std::string render_query_sections(const BenchReport& report);

// render_index_section: the verdict counts, the low-selectivity call-out and one table row per index.
std::string render_index_section(const BenchReport& report);

// render_settings_section: the server version and its settings, one row each.
std::string render_settings_section(const BenchReport& report);

// render_dataset_section: row counts and checksums per table, folded away in a <details>.
std::string render_dataset_section(const BenchReport& report);

}  // namespace seedgen::bench

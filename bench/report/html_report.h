// html_report.h: seedbench's human-readable report, one self-contained HTML page per run.
// Promises: no external resources (inline <style> and inline <svg> only, no scripts, no links to other
// files), every piece of report text HTML-escaped, an overview chart of all queries at the top and one
// latency chart per timed query; laid out for 1280 px.
#pragma once

#include <string>

#include "bench/compare/run_comparison.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

// render_html_report: the whole page: the dataset fingerprint, the gate banner (p95 against target_ms,
// naming each failing query/class and concurrent figure), the overview chart, the A/B view against
// `baseline` (when not null), the concurrent phases and capacity, a section per query (latency chart,
// before/after and plan tables), the index advisor, cold caches, the index table, the server settings and
// the dataset's row counts and checksums. Sections of phases that did not run are left out.
std::string render_html_report(const BenchReport& report, const Comparison* baseline = nullptr);

// write_html_report: render_html_report(report, baseline) into the file at `path`.
// Throws Error(ErrorKind::kIo, "cannot write <path>: <reason>") on failure.
void write_html_report(const BenchReport& report, const std::string& path, const Comparison* baseline = nullptr);

// html_page: a self-contained page of the report's style around `body` (already escaped HTML).
std::string html_page(const std::string& title, const std::string& body);

}  // namespace seedgen::bench

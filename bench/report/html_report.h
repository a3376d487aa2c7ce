// html_report.h: seedbench's human-readable report, one self-contained HTML page per run.
// Promises: no external resources (inline <style> and inline <svg> only, no scripts, no links), every
// piece of report text HTML-escaped, and one latency chart per timed query; laid out for 1280 px.
#pragma once

#include <string>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// render_html_report: the whole page: the dataset fingerprint, the gate banner (p95 against target_ms,
// naming each failing query/class), a section per query (latency chart, before/after and plan tables),
// the index table, the server settings and the dataset's row counts and checksums.
std::string render_html_report(const BenchReport& report);

// write_html_report: render_html_report(report) into the file at `path`.
// Throws Error(ErrorKind::kIo, "cannot write <path>: <reason>") on failure.
void write_html_report(const BenchReport& report, const std::string& path);

}  // namespace seedgen::bench

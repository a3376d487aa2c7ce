// report_format.h: how the seedbench report writers spell numbers and text: milliseconds, speedups,
// sizes, counts and percentages, and HTML escaping. Every function is pure and thread-safe; the same value
// reads the same in the HTML page and the Markdown summary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// html_escape: `text` with & < > " ' replaced by entities, safe inside element text and quoted attributes.
std::string html_escape(std::string_view text);

// html_breakable: html_escape(name) with a line-break opportunity (<wbr>) after each '.' and '_', so that
// long identifiers wrap at their parts instead of overflowing or breaking mid-word.
std::string html_breakable(std::string_view name);

// truncate_label: `label` cut to at most `max_chars` characters (UTF-8 aware), ending in "…" when cut.
// REQUIRES: max_chars >= 1.
std::string truncate_label(std::string_view label, size_t max_chars);

// format_ms: a duration in milliseconds with precision that suits its size: "0.042", "0.42", "4.20",
// "12.3", "1234". No unit.
std::string format_ms(double ms);

// format_ratio: a speedup factor such as "12.3×" or "250×"; "n/a" when not finite or not positive.
std::string format_ratio(double ratio);

// format_speedup: an index's speedup, "12.3×", or "≥ 40.0× (timed out)" when the hidden run timed out
// (without_ms is then a lower bound). "n/a" when with_ms is not positive.
std::string format_speedup(const IndexSpeedup& speedup);

// format_bytes: a size in 1024-based units: "512 B", "8.0 kB", "12 MB", "1.5 GB".
std::string format_bytes(int64_t bytes);

// format_count: a row count with thousands separators below a million ("12,345") and compact above
// ("1.23M", "4.5B"). Fractional counts are rounded.
std::string format_count(double count);

// format_percent: a share in [0, 1] as a percentage: "42%", "4.2%", "0.42%", "<0.01%".
std::string format_percent(double share);

// format_seconds: a duration in seconds: "0.24 s", "12.5 s", "130 s"; "—" when negative (unknown).
std::string format_seconds(double seconds);

}  // namespace seedgen::bench

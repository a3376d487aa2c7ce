// report_format.cc: number and text formatting shared by the HTML and Markdown writers.
#include "bench/report/report_format.h"

#include <cmath>
#include <iterator>

#include <fmt/format.h>

namespace seedgen::bench {

std::string html_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char character : text) {
    switch (character) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      default: escaped += character;
    }
  }
  return escaped;
}

std::string html_breakable(std::string_view name) {
  std::string html;
  for (size_t at = 0; at < name.size(); ++at) {
    html += html_escape(name.substr(at, 1));
    if (name[at] == '.' || name[at] == '_') html += "<wbr>";
  }
  return html;
}

std::string truncate_label(std::string_view label, size_t max_chars) {
  auto is_continuation = [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; };
  size_t chars = 0;
  for (size_t at = 0; at < label.size(); ++at) {
    if (is_continuation(label[at])) continue;
    if (chars == max_chars - 1) {
      size_t rest = 0;   // characters from here to the end
      for (size_t tail = at; tail < label.size(); ++tail) rest += is_continuation(label[tail]) ? 0 : 1;
      if (rest <= 1) return std::string(label);
      return std::string(label.substr(0, at)) + "…";
    }
    ++chars;
  }
  return std::string(label);
}

std::string format_ms(double ms) {
  if (!std::isfinite(ms)) return "n/a";
  double magnitude = std::fabs(ms);
  if (magnitude == 0) return "0";
  if (magnitude < 0.1) return fmt::format("{:.3f}", ms);
  if (magnitude < 10) return fmt::format("{:.2f}", ms);
  if (magnitude < 100) return fmt::format("{:.1f}", ms);
  return fmt::format("{:.0f}", ms);
}

std::string format_ratio(double ratio) {
  if (!std::isfinite(ratio) || ratio <= 0) return "n/a";
  if (ratio < 100) return fmt::format("{:.1f}×", ratio);
  return fmt::format("{:.0f}×", ratio);
}

std::string format_speedup(const IndexSpeedup& speedup) {
  if (speedup.with_ms <= 0) return "n/a";
  std::string ratio = format_ratio(speedup.without_ms / speedup.with_ms);
  return speedup.timed_out ? "≥ " + ratio + " (timed out)" : ratio;
}

std::string format_bytes(int64_t bytes) {
  static constexpr const char* kUnits[] = {"kB", "MB", "GB", "TB", "PB"};
  if (bytes < 1024) return fmt::format("{} B", bytes);
  double value = static_cast<double>(bytes);
  int unit = -1;
  while (value >= 1024 && unit + 1 < static_cast<int>(std::size(kUnits))) {
    value /= 1024;
    ++unit;
  }
  return value < 10 ? fmt::format("{:.1f} {}", value, kUnits[unit]) : fmt::format("{:.0f} {}", value, kUnits[unit]);
}

std::string format_count(double count) {
  if (!std::isfinite(count)) return "n/a";
  double magnitude = std::fabs(count);
  if (magnitude >= 1e9) return fmt::format("{:.3g}B", count / 1e9);
  if (magnitude >= 1e6) return fmt::format("{:.3g}M", count / 1e6);
  std::string digits = fmt::format("{:.0f}", magnitude);
  std::string grouped;
  for (size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0) grouped += ',';
    grouped += digits[index];
  }
  return count < 0 && digits != "0" ? "-" + grouped : grouped;
}

std::string format_percent(double share) {
  if (!std::isfinite(share) || share < 0) return "n/a";
  double percent = share * 100;
  if (percent == 0) return "0%";
  if (percent < 0.01) return "<0.01%";
  if (percent < 1) return fmt::format("{:.2f}%", percent);
  if (percent < 10) return fmt::format("{:.1f}%", percent);
  return fmt::format("{:.0f}%", percent);
}

std::string format_seconds(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "—";
  if (seconds < 10) return fmt::format("{:.2f} s", seconds);
  if (seconds < 100) return fmt::format("{:.1f} s", seconds);
  return fmt::format("{:.0f} s", seconds);
}

}  // namespace seedgen::bench

#include "cli/progress_line.h"

#include <unistd.h>

#include <fmt/format.h>

namespace seedgen {

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::draw(const std::string& text) {
  fmt::print(stderr, "\r\033[K{}", text);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::phase(const std::string& name) {
  phase_ = name;
  phase_started_ = std::chrono::steady_clock::now();
  if (enabled_) draw(fmt::format("{:<14} ...", name));
}

void ProgressLine::update(const GenerationProgress& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double elapsed = std::max(1e-3, std::chrono::duration<double>(now - phase_started_).count());
  const double done = progress.resources_total > 0
                          ? static_cast<double>(progress.resources_done) / static_cast<double>(progress.resources_total)
                          : 0.0;
  const std::string eta = done > 0.01 ? fmt::format("{:.0f}s", elapsed * (1 - done) / done) : "?";
  draw(fmt::format("{:<14} {:>12L} rows  {:>9.0f} rows/s  {:>6.1f} MB/s  {:>5.1f}%  ETA {}", phase_, progress.rows,
                   static_cast<double>(progress.rows) / elapsed,
                   static_cast<double>(progress.bytes) / elapsed / 1e6, done * 100, eta));
}

void ProgressLine::finish() {
  if (enabled_ && drawn_) fmt::print(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace seedgen

#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

namespace seedgen {
namespace {

constexpr double kRedrawSeconds = 0.2;

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double fraction_done(const GenerationProgress& progress) {
  if (progress.resources_total <= 0) return 0.0;
  return std::min(1.0, static_cast<double>(progress.resources_done) / static_cast<double>(progress.resources_total));
}

}  // namespace

Progress::Progress(Mode mode, std::FILE* out, Clock clock)
    : mode_(mode), out_(out), clock_(clock ? std::move(clock) : Clock(steady_seconds)) {
  started_ = phase_started_ = clock_();
}

Progress::~Progress() { finish(); }

Progress::Mode Progress::mode_for(bool quiet) {
  if (quiet) return Mode::kSilent;
  return isatty(STDERR_FILENO) == 1 ? Mode::kTerminal : Mode::kLog;
}

// write: progress is best effort: a closed or full stream must not fail the run it reports on, so this
// never throws (fmt::print would).
void Progress::write(const std::string& text) {
  std::fputs(text.c_str(), out_);
  std::fflush(out_);
}

void Progress::draw(const std::string& text) {
  write("\r\033[K" + text);
  drawn_ = true;
}

void Progress::log(const std::string& text) { write(fmt::format("seedgen: [{:7.1f} s] {}\n", elapsed(), text)); }

void Progress::phase(const std::string& name) {
  std::lock_guard lock(mutex_);
  phase_ = name;
  phase_started_ = clock_();
  last_draw_ = -1;
  if (mode_ == Mode::kTerminal) draw(fmt::format("{:<14} ...", name));
  if (mode_ == Mode::kLog) log(name);
}

void Progress::rows(const GenerationProgress& progress) {
  std::lock_guard lock(mutex_);
  const double done = fraction_done(progress);
  if (mode_ == Mode::kLog) {
    const int tenths = static_cast<int>(done * 10 + 1e-9);
    if (tenths <= logged_tenths_) return;
    logged_tenths_ = tenths;
    log(fmt::format("{} {:3d} %: {} of {} resources, {} rows, {:.1f} MB", phase_, tenths * 10, progress.resources_done,
                    progress.resources_total, progress.rows, static_cast<double>(progress.bytes) / 1e6));
    return;
  }
  if (mode_ != Mode::kTerminal) return;
  const double now = clock_();
  if (last_draw_ >= 0 && now - last_draw_ < kRedrawSeconds) return;
  last_draw_ = now;
  const double seconds = std::max(1e-3, now - phase_started_);
  const std::string eta = done > 0.01 ? fmt::format("{:.0f}s", seconds * (1 - done) / done) : "?";
  draw(fmt::format("{:<14} {:>12L} rows  {:>9.0f} rows/s  {:>6.1f} MB/s  {:>5.1f}%  ETA {}", phase_, progress.rows,
                   static_cast<double>(progress.rows) / seconds, static_cast<double>(progress.bytes) / seconds / 1e6,
                   done * 100, eta));
}

void Progress::step(const std::string& phase, int64_t done, int64_t total, const std::string& item) {
  std::lock_guard lock(mutex_);
  if (mode_ != Mode::kTerminal) return;
  const double now = clock_();
  if (done < total && last_draw_ >= 0 && now - last_draw_ < kRedrawSeconds) return;
  last_draw_ = now;
  draw(fmt::format("{:<14} {:>5}/{:<5} {:>7.1f} s  {}", phase, done, total, now - phase_started_, item));
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (mode_ == Mode::kTerminal && drawn_) write("\r\033[K");
  drawn_ = false;
}

}  // namespace seedgen

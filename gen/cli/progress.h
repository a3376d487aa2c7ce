// progress.h: what seedgen shows while it works, from the three callbacks a run offers: a phase starts
// (LoadOptions::on_phase), rows were generated (GenerationOptions::on_progress), a key, index, foreign
// key or view was built (on_step: phase, done, total, item). Three modes:
//   terminal  stderr is a TTY: one line redrawn in place (at most five times a second): the phase, rows,
//             rows/s, MB/s, percent and ETA while generating; n/m, the item and elapsed time while
//             building; cleared before the summary.
//   log       otherwise (CI logs, pipes): plain lines, one when a phase starts and one each time another
//             10 % of the resources are generated, each with the time since the run started.
//   silent    --quiet.
// Thread-safe: on_step may come from the loader's worker threads.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>

#include "pipeline/pipeline.h"

namespace seedgen {

class Progress {
 public:
  enum class Mode { kTerminal, kLog, kSilent };
  using Clock = std::function<double()>;   // seconds since some fixed point

  // Progress: writes to `out` (stderr for the terminal line; log lines go where the caller says).
  // `clock` defaults to the steady clock; tests pass their own.
  Progress(Mode mode, std::FILE* out, Clock clock = {});
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // mode_for: kSilent when quiet, kTerminal when stderr is a terminal, else kLog.
  static Mode mode_for(bool quiet);

  void phase(const std::string& name);
  void rows(const GenerationProgress& progress);
  void step(const std::string& phase, int64_t done, int64_t total, const std::string& item);
  // finish: clears the terminal line so that the summary starts on a clean one.
  void finish();

 private:
  void write(const std::string& text);
  void draw(const std::string& text);
  void log(const std::string& text);
  double elapsed() const { return clock_() - started_; }

  const Mode mode_;
  std::FILE* const out_;
  const Clock clock_;
  std::mutex mutex_;
  double started_ = 0;           // guarded by mutex_ (set once in the constructor)
  double phase_started_ = 0;     // guarded by mutex_
  double last_draw_ = -1;        // guarded by mutex_
  int logged_tenths_ = 0;        // guarded by mutex_: 10 % steps of the resources already logged
  std::string phase_;            // guarded by mutex_
  bool drawn_ = false;           // guarded by mutex_
};

}  // namespace seedgen

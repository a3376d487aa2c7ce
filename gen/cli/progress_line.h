// progress_line.h: the live progress line on a terminal: phase, rows, rows/s, MB/s and ETA, redrawn at
// most five times a second on stderr. Silent when stderr is not a TTY or --quiet was given.
#pragma once

#include <chrono>
#include <string>

#include "pipeline/pipeline.h"

namespace seedgen {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void phase(const std::string& name);
  void update(const GenerationProgress& progress);
  // finish: clears the line so that the summary starts on a clean one.
  void finish();

 private:
  void draw(const std::string& text);

  bool enabled_;
  bool drawn_ = false;
  std::string phase_;
  std::chrono::steady_clock::time_point phase_started_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace seedgen

#include "cli/progress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

namespace seedgen {
namespace {

// Captured: a Progress writing into a temporary file, with a clock the test moves by hand.
// (The file outlives the Progress, which clears its terminal line when destroyed.)
struct Captured {
  explicit Captured(Progress::Mode mode)
      : file(std::tmpfile(), &std::fclose), progress(mode, file.get(), [this] { return now; }) {}
  std::string text() {
    std::fflush(file.get());
    std::string content;
    std::rewind(file.get());
    for (int character; (character = std::fgetc(file.get())) != EOF;) content += static_cast<char>(character);
    return content;
  }
  double now = 100.0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file;
  Progress progress;
};

GenerationProgress resources(int64_t done, int64_t total) {
  GenerationProgress progress;
  progress.resources_done = done;
  progress.resources_total = total;
  progress.rows = static_cast<uint64_t>(done) * 10;
  progress.bytes = static_cast<uint64_t>(done) * 1000;
  return progress;
}

TEST(Progress, LogModeWritesOneLinePerPhaseWithElapsedTime) {
  Captured captured(Progress::Mode::kLog);
  captured.now = 100.5;
  captured.progress.phase("migrate");
  captured.now = 102.4;
  captured.progress.phase("prepare");
  EXPECT_EQ(captured.text(), "seedgen: [    0.5 s] migrate\nseedgen: [    2.4 s] prepare\n");
}

TEST(Progress, LogModeWritesALineEachTimeAnother10PercentIsDone) {
  Captured captured(Progress::Mode::kLog);
  captured.progress.phase("generate+copy");
  for (int64_t done : {5, 9, 10, 12, 19, 20, 35, 99, 100}) captured.progress.rows(resources(done, 100));
  const std::string text = captured.text();
  // 10 %, 20 %, 30 % (at 35), 90 % (at 99) and 100 %: one line each, never twice for the same step.
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6) << text;
  for (const char* line : {"generate+copy  10 %: 10 of 100 resources, 100 rows, 0.0 MB",
                           "generate+copy  30 %: 35 of 100 resources", "generate+copy  90 %: 99 of 100",
                           "generate+copy 100 %: 100 of 100 resources, 1000 rows, 0.1 MB"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
  }
}

TEST(Progress, LogModeIgnoresStepsAndTerminalModeShowsThemAsNOfM) {
  Captured log(Progress::Mode::kLog);
  log.progress.step("indexes", 3, 40, "idx_instances_state");
  EXPECT_EQ(log.text(), "");

  Captured terminal(Progress::Mode::kTerminal);
  terminal.progress.phase("indexes");
  terminal.now += 3.5;
  terminal.progress.step("indexes", 12, 40, "idx_instances_state");
  const std::string text = terminal.text();
  EXPECT_NE(text.find("12/40"), std::string::npos) << text;
  EXPECT_NE(text.find("3.5 s"), std::string::npos) << text;
  EXPECT_NE(text.find("idx_instances_state"), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), std::string::npos) << "the terminal line is redrawn in place";
}

TEST(Progress, TerminalModeRedrawsAtMostFiveTimesASecondButAlwaysShowsTheLastStep) {
  Captured captured(Progress::Mode::kTerminal);
  captured.progress.phase("indexes");
  for (int done = 1; done <= 10; ++done) captured.progress.step("indexes", done, 10, "i" + std::to_string(done));
  const std::string text = captured.text();
  EXPECT_NE(text.find(" 1/10"), std::string::npos) << text;
  EXPECT_EQ(text.find(" 5/10"), std::string::npos) << "no redraw within 0.2 s";
  EXPECT_NE(text.find("10/10"), std::string::npos) << text;
}

TEST(Progress, SilentModeWritesNothing) {
  Captured captured(Progress::Mode::kSilent);
  captured.progress.phase("migrate");
  captured.progress.rows(resources(100, 100));
  captured.progress.step("indexes", 1, 1, "x");
  captured.progress.finish();
  EXPECT_EQ(captured.text(), "");
}

}  // namespace
}  // namespace seedgen

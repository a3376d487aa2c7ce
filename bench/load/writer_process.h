// writer_process.h: the writer seedbench runs alongside a concurrent phase (seedbench --with-drift):
// by default `seedgen drift --follow --day-seconds S --db URL`, the drift engine trickling one simulated
// day of writes over S seconds in small transactions; any shell command with --drift-command.
// The writer runs in its own process group (stop() signals the whole group), with its output in a log
// file, and is told to die with seedbench (PR_SET_PDEATHSIG), so it does not outlive the benchmark even if
// seedbench is killed. (A --drift-command runs under /bin/sh -c: if seedbench is killed with SIGKILL, the
// shell dies but processes it started may not.) The constructor forks: create it before any client thread
// starts. One thread uses a WriterProcess.
#pragma once

#include <string>
#include <vector>

#include <sys/types.h>

namespace seedgen::bench {

class WriterProcess {
 public:
  // WriterProcess: executes `argv` (argv[0] a path), appending its stdout and stderr to `log_path`.
  // Throws Error(kIo) when the log cannot be opened, Error(kUsage) when the process cannot be started.
  // REQUIRES: argv is not empty.
  WriterProcess(const std::vector<std::string>& argv, const std::string& log_path);
  ~WriterProcess();   // stops it if still running
  WriterProcess(const WriterProcess&) = delete;
  WriterProcess& operator=(const WriterProcess&) = delete;

  // running: whether the writer has not exited yet.
  bool running();

  // stop: SIGTERM to its process group, SIGKILL after `grace_s`; returns how it ended ("exited with 0",
  // "stopped by SIGTERM", ...). Idempotent.
  std::string stop(double grace_s = 10);

  // ended_on_its_own: how it ended, if it exited before stop(); empty while it runs.
  const std::string& ended_on_its_own() const { return early_exit_; }

 private:
  bool reap(int options);

  pid_t pid_ = -1;
  std::string ending_;
  std::string early_exit_;
};

// default_drift_argv: SEEDGEN drift --follow --day-seconds S --db URL.
std::vector<std::string> default_drift_argv(const std::string& seedgen, double day_seconds, const std::string& url);

// shell_argv: /bin/sh -c COMMAND, for a --drift-command.
std::vector<std::string> shell_argv(const std::string& command);

// command_line_text: `argv` as one shell-quoted line, for the report.
std::string command_line_text(const std::vector<std::string>& argv);

// drift_engine_available: whether `SEEDGEN drift --help` names --follow, i.e. this seedgen's drift engine
// has the trickle mode the writer runs.
bool drift_engine_available(const std::string& seedgen);

// sibling_binary: the path of `name` beside the running executable (/proc/self/exe), e.g. seedgen beside
// seedbench.
std::string sibling_binary(const std::string& name);

}  // namespace seedgen::bench

// writer_process.cc: fork/exec of the writer, its process group and its end.
#include "bench/load/writer_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "core/error.h"

namespace seedgen::bench {
namespace {

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char character : text) quoted += character == '\'' ? std::string("'\\''") : std::string(1, character);
  return quoted + "'";
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return fmt::format("exited with {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const char* name = sigabbrev_np(WTERMSIG(status));
    return name ? fmt::format("stopped by SIG{}", name) : fmt::format("stopped by signal {}", WTERMSIG(status));
  }
  return "ended";
}

// exec_in_child: what the forked child does; only async-signal-safe calls.
[[noreturn]] void exec_in_child(char* const* argv, int log, pid_t parent) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) _exit(127);   // seedbench died between fork and prctl
  dup2(log, STDOUT_FILENO);
  dup2(log, STDERR_FILENO);
  const int null = open("/dev/null", O_RDONLY);
  if (null >= 0) dup2(null, STDIN_FILENO);
  execv(argv[0], argv);
  _exit(127);
}

}  // namespace

WriterProcess::WriterProcess(const std::vector<std::string>& argv, const std::string& log_path) {
  const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log < 0) throw Error(ErrorKind::kIo, fmt::format("cannot write {}: {}", log_path, std::strerror(errno)));
  std::vector<std::string> arguments = argv;   // execv wants char*; built before fork, nothing allocated after
  std::vector<char*> pointers;
  for (auto& argument : arguments) pointers.push_back(argument.data());
  pointers.push_back(nullptr);
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ == 0) exec_in_child(pointers.data(), log, parent);
  close(log);
  if (pid_ < 0) throw Error(ErrorKind::kUsage, fmt::format("cannot start the writer: {}", std::strerror(errno)));
  setpgid(pid_, pid_);   // also here, so the group exists before any kill below
}

WriterProcess::~WriterProcess() { stop(); }

bool WriterProcess::reap(int options) {
  int status = 0;
  const pid_t done = waitpid(pid_, &status, options);
  if (done != pid_) return false;
  ending_ = describe_status(status);
  pid_ = -1;
  return true;
}

bool WriterProcess::running() {
  if (pid_ < 0) return false;
  if (reap(WNOHANG)) early_exit_ = ending_;
  return pid_ >= 0;
}

std::string WriterProcess::stop(double grace_s) {
  if (!running()) return ending_;
  kill(-pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_s);
  while (std::chrono::steady_clock::now() < deadline) {
    if (reap(WNOHANG)) return ending_;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid_, SIGKILL);
  reap(0);
  return ending_;
}

std::vector<std::string> default_drift_argv(const std::string& seedgen, double day_seconds, const std::string& url) {
  return {seedgen, "drift", "--follow", "--day-seconds", fmt::format("{}", day_seconds), "--db", url};
}

std::vector<std::string> shell_argv(const std::string& command) { return {"/bin/sh", "-c", command}; }

std::string command_line_text(const std::vector<std::string>& argv) {
  std::string text;
  for (const auto& argument : argv) {
    const bool plain = !argument.empty() && argument.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,@") == std::string::npos;
    text += (text.empty() ? "" : " ") + (plain ? argument : shell_quote(argument));
  }
  return text;
}

bool drift_engine_available(const std::string& seedgen) {
  // The writer runs `drift --follow` (the trickle mode): a seedgen whose drift lacks it cannot write alongside.
  const std::string probe = fmt::format("{} drift --help 2>/dev/null | grep -q -- --follow", shell_quote(seedgen));
  const int status = std::system(probe.c_str());
  return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string sibling_binary(const std::string& name) {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? name : (self.parent_path() / name).string();
}

}  // namespace seedgen::bench

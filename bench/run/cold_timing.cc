// cold_timing.cc: restart, drop caches, first and second execution.
#include "bench/run/cold_timing.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "bench/db/query_session.h"
#include "bench/run/timing_runner.h"
#include "core/error.h"
#include "util/data_home.h"

namespace seedgen::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// drop_os_cache: "dropped", or "kept: <why>" when the kernel does not let us.
std::string drop_os_cache() {
  sync();
  std::ofstream control("/proc/sys/vm/drop_caches");
  if (!control) return fmt::format("kept: cannot write /proc/sys/vm/drop_caches ({})", std::strerror(errno));
  control << "3\n";
  control.flush();
  return control ? "dropped" : fmt::format("kept: writing /proc/sys/vm/drop_caches failed ({})", std::strerror(errno));
}

void restart(const std::string& command) {
  const int status = std::system(command.c_str());
  if (status == 0) return;
  const int code = status > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : status;
  throw Error(ErrorKind::kTarget, fmt::format("the restart command failed (exit status {}): {}", code, command));
}

// reconnect: a new session, retried while the server is still starting.
std::unique_ptr<QuerySession> reconnect(const std::string& url, const std::string& plan_cache_mode) {
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  for (;;) {
    try {
      return std::make_unique<QuerySession>(url, plan_cache_mode);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::kConnection || Clock::now() > deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
}

}  // namespace

std::string default_restart_command() {
  const std::string script = (data_home() / "scripts" / "pg").string();
  return fmt::format("'{0}' stop && '{0}' start", script);
}

ColdReport time_cold(const std::string& url, const std::vector<CatalogQuery>& catalog,
                     const std::vector<AccountClass>& classes, const std::string& as_of, const ColdSettings& settings) {
  ColdReport report;
  report.ran = true;
  report.restart_command = settings.restart_command;
  report.os_cache = settings.drop_os_cache ? "" : "kept: --cold-keep-os-cache";
  for (const auto& query : catalog) {
    for (const auto& account : classes_for(query, classes)) {
      restart(settings.restart_command);
      if (settings.drop_os_cache) {
        const std::string outcome = drop_os_cache();
        if (report.os_cache.empty() || outcome != "dropped") report.os_cache = outcome;
      }
      auto session = reconnect(url, settings.plan_cache_mode);
      const auto parameters = bind_parameters(query, account.account_id, as_of, account.subjects);
      ColdTiming timing{query.name, account.name, 0, 0};
      const auto first = Clock::now();
      session->prepare(query.name, query.sql);
      session->execute(query.name, parameters);
      timing.first_ms = ms_since(first);
      const auto second = Clock::now();
      session->execute(query.name, parameters);
      timing.second_ms = ms_since(second);
      report.timings.push_back(timing);
    }
  }
  return report;
}

}  // namespace seedgen::bench

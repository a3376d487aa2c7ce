#include "db/lock_wait.h"

#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <pqxx/pqxx>

#include "core/error.h"

namespace seedgen {
namespace {

constexpr auto kPauseBetweenAttempts = std::chrono::milliseconds(300);

bool interrupted(const std::atomic<bool>* cancel) { return cancel != nullptr && cancel->load(); }

}  // namespace

int lock_timeout_ms(const LockPolicy& policy) { return policy.wait ? 0 : policy.timeout_ms; }

bool is_lock_timeout(const std::exception& error) {
  const auto* sql_error = dynamic_cast<const pqxx::sql_error*>(&error);
  return sql_error != nullptr && sql_error->sqlstate() == "55P03";
}

std::string lock_timeout_message(const LockPolicy& policy, const std::string& what, const std::string& holder) {
  return fmt::format("cannot get {} within {:g} s: {}; retry later, raise --lock-timeout or pass --wait", what,
                     policy.timeout_ms / 1000.0, holder.empty() ? "the session that held them is gone" : holder);
}

void retry_on_lock_timeout(const LockPolicy& policy, const std::string& what, const std::function<bool()>& attempt,
                           const std::function<std::string()>& holder, const std::atomic<bool>* cancel) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(policy.timeout_ms);
  for (;;) {
    if (interrupted(cancel)) throw Error(ErrorKind::kInterrupted, "interrupted; the live fleet is unchanged");
    try {
      if (attempt()) return;
    } catch (const std::exception& error) {
      if (!is_lock_timeout(error)) throw;
    }
    if (!policy.wait && std::chrono::steady_clock::now() >= deadline) {
      throw Error(ErrorKind::kLockTimeout, lock_timeout_message(policy, what, holder()));
    }
    std::this_thread::sleep_for(kPauseBetweenAttempts);
  }
}

std::string describe_holder(int pid, const std::string& application, const std::string& state, long seconds,
                            const std::string& what_it_holds) {
  return fmt::format("session {} (application_name '{}', state '{}', {} s in its transaction) holds {}", pid,
                     application, state, seconds, what_it_holds);
}

}  // namespace seedgen

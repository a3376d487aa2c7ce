// lock_wait.h: how seedgen waits for locks other sessions hold. Where waiting would make readers queue
// behind seedgen (the swap's ACCESS EXCLUSIVE request blocks every later reader while it waits), each attempt
// waits at most a short slice and gives way between attempts; elsewhere one wait covers the whole timeout.
// When the time is up the error names the session in the way, in one line (Error kLockTimeout, exit 10).
#pragma once

#include <atomic>
#include <functional>
#include <string>

namespace seedgen {

struct LockPolicy {
  int timeout_ms = 30000;   // --lock-timeout: how long to keep trying in total
  bool wait = false;        // --wait: keep trying for as long as it takes
};

// kLockSliceMs: the longest one attempt of the swap waits in the lock queue, i.e. the longest a reader that
// arrives meanwhile waits behind it. Below the server's deadlock_timeout (1 s), so a reader that holds one
// fleet table and asks for another never meets a deadlock check: the attempt gives up first.
constexpr int kLockSliceMs = 200;

// lock_timeout_ms: the lock_timeout for a session that waits once: the policy's timeout, or 0 (forever).
int lock_timeout_ms(const LockPolicy& policy);

// is_lock_timeout: whether `error` is the server's lock_not_available (SQLSTATE 55P03).
bool is_lock_timeout(const std::exception& error);

// retry_on_lock_timeout: runs `attempt` until it returns true or throws something other than a lock
// timeout. An attempt returns false (or throws a lock timeout) when the locks were not free; the next one
// starts after a pause. When the policy's time is up, throws Error(kLockTimeout, "cannot get <what> within
// N s: <holder()>; ..."). Stops with Error(kInterrupted) when *cancel becomes true.
void retry_on_lock_timeout(const LockPolicy& policy, const std::string& what, const std::function<bool()>& attempt,
                           const std::function<std::string()>& holder, const std::atomic<bool>* cancel);

// lock_timeout_message: the message of the Error(kLockTimeout) above, also for a single wait that timed out.
std::string lock_timeout_message(const LockPolicy& policy, const std::string& what, const std::string& holder);

// describe_holder: "session 123 (application_name 'psql', state 'idle in transaction', 42 s in its
// transaction) holds AccessShareLock on public.instances", from the columns of sql/loader/lock_holder.sql.
std::string describe_holder(int pid, const std::string& application, const std::string& state, long seconds,
                            const std::string& what_it_holds);

}  // namespace seedgen

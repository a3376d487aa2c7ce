// canceller.h: cancels the statement a connection is running, from any thread. Made on the connection's own
// thread (libpq's PQgetCancel reads the connection), used from another (PQcancel is safe there), so a stop
// or a signal can end a long CREATE INDEX or COPY at once instead of when it finishes.
#pragma once

struct pg_cancel;

namespace seedgen {

class Connection;

class Canceller {
 public:
  // Canceller: REQUIRES: called on the thread that uses `connection`, while it is connected.
  explicit Canceller(Connection& connection);
  ~Canceller();
  Canceller(const Canceller&) = delete;
  Canceller& operator=(const Canceller&) = delete;

  // cancel: asks the server to cancel the running statement, if any. Thread-safe; errors are ignored (the
  // statement may just have finished, or the server may be gone).
  void cancel() const;

 private:
  pg_cancel* handle_;
};

}  // namespace seedgen

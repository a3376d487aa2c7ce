// connection.h: one PostgreSQL session, the only place seedgen opens one.
// It wraps a libpqxx connection and also exposes the raw PGconn* (captured through a connection policy,
// since libpqxx 6.4 hides it) so that COPY can stream with PQputCopyData. Destroying a Connection closes
// its server session. Not thread-safe: one thread per Connection. Failures are translated into
// seedgen::Error.
#pragma once

#include <memory>
#include <string>

#include <pqxx/pqxx>

struct pg_conn;

namespace seedgen {

class Connection {
 public:
  // Connection: opens a session to `url` (a libpq URL or conninfo; empty means libpq's PG* environment).
  // Throws Error(kConnection) with the server's or libpq's one-line reason.
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  pqxx::connection_base& session();
  // raw: the libpq handle of session(); valid while the Connection lives.
  pg_conn* raw();

  // announce: sets application_name to "seedgen: <what>", so pg_stat_activity shows what seedgen is doing.
  // Works inside an open transaction (the setting then rolls back with it). Errors are ignored.
  void announce(const std::string& what);

 private:
  // Session: the libpqxx connection of the capturing policy (connection.cc). Held by its own type, never
  // through pqxx::connection_base, whose destructor is not virtual: deleting through the base skipped
  // the close() and leaked the server session.
  class Session;

  std::unique_ptr<pg_conn*> handle_slot_;
  std::unique_ptr<Session> session_;
};

// describe_sql_error: "ERROR text (SQLSTATE xxxxx)" on one line.
std::string describe_sql_error(const pqxx::sql_error& error);

// first_line: the text up to the first newline, without trailing spaces.
std::string first_line(const std::string& text);

}  // namespace seedgen

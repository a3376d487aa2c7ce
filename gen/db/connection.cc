#include "db/connection.h"

#include <libpq-fe.h>

#include "core/error.h"
#include "embedded_sql/session.h"

namespace seedgen {
namespace {

// Where the next CapturingPolicy built on this thread stores its handle. basic_connection constructs its
// policy from the options string alone, so the slot is handed over through this thread-local.
thread_local pg_conn** next_capture_slot = nullptr;

class CapturingPolicy : public pqxx::connect_direct {
 public:
  explicit CapturingPolicy(const std::string& options) : pqxx::connect_direct(options), slot_(next_capture_slot) {}

  handle do_completeconnect(handle original) override {
    handle connected = pqxx::connect_direct::do_completeconnect(original);
    if (slot_ != nullptr) *slot_ = connected;
    return connected;
  }

  handle do_disconnect(handle original) noexcept override {
    if (slot_ != nullptr) *slot_ = nullptr;
    return pqxx::connect_direct::do_disconnect(original);
  }

 private:
  pg_conn** slot_;
};

}  // namespace

class Connection::Session : public pqxx::basic_connection_base<CapturingPolicy> {
 public:
  using pqxx::basic_connection_base<CapturingPolicy>::basic_connection_base;
};

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
  return line;
}

std::string describe_sql_error(const pqxx::sql_error& error) {
  std::string message = first_line(error.what());
  if (!error.sqlstate().empty()) message += " (SQLSTATE " + error.sqlstate() + ")";
  return message;
}

Connection::Connection(const std::string& url) : handle_slot_(std::make_unique<pg_conn*>(nullptr)) {
  next_capture_slot = handle_slot_.get();
  try {
    session_ = std::make_unique<Session>(url);
  } catch (const std::exception& error) {
    next_capture_slot = nullptr;
    throw Error(ErrorKind::kConnection, "cannot connect to the database: " + first_line(error.what()));
  }
  next_capture_slot = nullptr;
}

Connection::~Connection() = default;

pqxx::connection_base& Connection::session() { return *session_; }

pg_conn* Connection::raw() {
  if (*handle_slot_ == nullptr) throw Error(ErrorKind::kConnection, "the database connection was lost");
  return *handle_slot_;
}

void Connection::announce(const std::string& what) {
  pg_conn* handle = *handle_slot_;
  if (handle == nullptr) return;
  const std::string name = "seedgen: " + what;
  const char* values[] = {name.c_str()};
  const std::string statement(sql::session::announce);
  PQclear(PQexecParams(handle, statement.c_str(), 1, nullptr, values, nullptr, nullptr, 0));
}

}  // namespace seedgen

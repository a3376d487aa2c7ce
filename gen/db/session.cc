#include "db/session.h"

#include "db/connection.h"
#include "embedded_sql/loader.h"

namespace seedgen {

std::string text_array(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (size_t index = 0; index < values.size(); ++index) {
    if (index > 0) literal += ',';
    literal += '"';
    for (char character : values[index]) {
      if (character == '"' || character == '\\') literal += '\\';
      literal += character;
    }
    literal += '"';
  }
  return literal + "}";
}

void run_generated(pqxx::transaction_base& transaction, const pqxx::result& statements) {
  for (const auto& row : statements) transaction.exec(row[0].as<std::string>());
}

void set_setting(pqxx::transaction_base& transaction, const std::string& name, const std::string& value, bool local) {
  run_sql(transaction, sql::loader::set_setting, name, value, local);
}

void prepare_session(Connection& connection, const SessionSettings& settings) {
  pqxx::nontransaction session(connection.session());
  session.exec(std::string(sql::loader::session_setup));
  if (!settings.search_path.empty()) set_setting(session, "search_path", settings.search_path, false);
  set_setting(session, "lock_timeout", std::to_string(settings.lock_timeout_ms), false);
}

void set_lock_timeout(Connection& connection, int milliseconds) {
  pqxx::nontransaction session(connection.session());
  set_setting(session, "lock_timeout", std::to_string(milliseconds), false);
}

}  // namespace seedgen

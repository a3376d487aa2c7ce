// session.h: what every loader session shares: running a compiled-in SQL file (sql/loader/*.sql) with
// parameters, running the statements such a file generates, and the session's settings. The loader's SQL
// never lives in C++ string literals; these helpers are the only way it reaches the server.
// Not thread-safe: one thread per Connection, as for Connection itself.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>

namespace seedgen {

class Connection;

// text_array: a PostgreSQL array literal of `values` (e.g. {"public.instances","seedgen.x"}), to bind as a
// text parameter and cast ($1::regclass[], $1::text[]).
std::string text_array(const std::vector<std::string>& values);

// run_sql: runs one compiled-in SQL file (a single statement) with parameters, in `transaction`.
template <typename... Args>
pqxx::result run_sql(pqxx::transaction_base& transaction, std::string_view sql, Args&&... args) {
  return transaction.exec_params(std::string(sql), std::forward<Args>(args)...);
}

// run_generated: runs the statements in the first column of `statements`, in order.
void run_generated(pqxx::transaction_base& transaction, const pqxx::result& statements);

// set_setting: pg_catalog.set_config(name, value, is_local) (sql/loader/set_setting.sql).
void set_setting(pqxx::transaction_base& transaction, const std::string& name, const std::string& value, bool local);

// SessionSettings: how a loader session is set up once it connects.
struct SessionSettings {
  std::string search_path;     // e.g. "seedgen_stage_12, public, seedgen"; empty: the server's
  int lock_timeout_ms = 0;     // 0: wait forever
};

// prepare_session: checks the client's socket while statements run (a killed loader's backend stops within
// a second: sql/loader/session_setup.sql) and applies `settings`.
void prepare_session(Connection& connection, const SessionSettings& settings);

// set_lock_timeout: lock_timeout for the rest of the session (0: wait forever).
void set_lock_timeout(Connection& connection, int milliseconds);

}  // namespace seedgen

#include "db/copy_sink.h"

#include <libpq-fe.h>

#include <string>

#include "core/error.h"
#include "db/connection.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

// copy_failure: the server's or libpq's reason, on one line, naming the table.
Error copy_failure(pg_conn* handle, const TableSpec& table, const char* what) {
  return Error(ErrorKind::kLoad, std::string(what) + " " + table.qualified_name() + " failed: " +
                                     first_line(PQerrorMessage(handle)));
}

// finish_result: consumes the results of a statement; throws with the server's message and SQLSTATE.
void finish_result(pg_conn* handle, const TableSpec& table, ExecStatusType expected) {
  bool ok = true;
  std::string message;
  while (PGresult* result = PQgetResult(handle)) {
    if (PQresultStatus(result) != expected) {
      ok = false;
      const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
      message = first_line(PQresultErrorMessage(result)) + (state ? std::string(" (SQLSTATE ") + state + ")" : "");
    }
    PQclear(result);
    if (expected == PGRES_COPY_IN && ok) return;   // the COPY is now open: leave it for PQputCopyData
  }
  if (!ok) throw Error(ErrorKind::kLoad, "COPY " + table.qualified_name() + " failed: " + message);
}

}  // namespace

void CopySink::begin_table(const TableSpec& table) {
  pg_conn* handle = connection_.raw();
  const std::string sql = "COPY " + table.qualified_name() + " (" + table.columns + ") FROM STDIN" +
                          (freeze_ ? " (FREEZE)" : "");
  if (PQsendQuery(handle, sql.c_str()) != 1) throw copy_failure(handle, table, "COPY");
  finish_result(handle, table, PGRES_COPY_IN);
}

void CopySink::write(const TableSpec& table, std::string_view bytes) {
  pg_conn* handle = connection_.raw();
  if (PQputCopyData(handle, bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw copy_failure(handle, table, "COPY");
  }
}

void CopySink::end_table(const TableSpec& table) {
  pg_conn* handle = connection_.raw();
  if (PQputCopyEnd(handle, nullptr) != 1) throw copy_failure(handle, table, "COPY");
  finish_result(handle, table, PGRES_COMMAND_OK);
}

}  // namespace seedgen

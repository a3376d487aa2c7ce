#include "db/copy_sink.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <string>

#include "core/error.h"
#include "db/connection.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

// copy_failure: the server's or libpq's reason, on one line, naming the table.
Error copy_failure(pg_conn* handle, const TableSpec& table) {
  return Error(ErrorKind::kLoad, "COPY " + table.qualified_name() + " failed: " + first_line(PQerrorMessage(handle)));
}

// finish_result: consumes the results of a statement; throws with the server's message and SQLSTATE.
// Returns the rows a finished COPY reports.
uint64_t finish_result(pg_conn* handle, const TableSpec& table, ExecStatusType expected) {
  bool ok = true;
  std::string message;
  uint64_t rows = 0;
  while (PGresult* result = PQgetResult(handle)) {
    if (PQresultStatus(result) != expected) {
      ok = false;
      const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
      message = first_line(PQresultErrorMessage(result)) + (state ? std::string(" (SQLSTATE ") + state + ")" : "");
    } else if (expected == PGRES_COMMAND_OK) {
      rows = std::strtoull(PQcmdTuples(result), nullptr, 10);
    }
    PQclear(result);
    if (expected == PGRES_COPY_IN && ok) return 0;   // the COPY is now open: leave it for PQputCopyData
  }
  if (!ok) throw Error(ErrorKind::kLoad, "COPY " + table.qualified_name() + " failed: " + message);
  return rows;
}

}  // namespace

void CopySink::begin_table(const TableSpec& table) {
  if (open_ == &table) return;
  end_open();
  pg_conn* handle = connection_.raw();
  const auto statement = statements_.find(table.qualified_name());
  if (statement == statements_.end()) {
    throw Error(ErrorKind::kLoad, "internal error: no COPY statement for " + table.qualified_name());
  }
  if (PQsendQuery(handle, statement->second.c_str()) != 1) throw copy_failure(handle, table);
  finish_result(handle, table, PGRES_COPY_IN);
  open_ = &table;
}

void CopySink::write(const TableSpec& table, std::string_view bytes) {
  pg_conn* handle = connection_.raw();
  if (PQputCopyData(handle, bytes.data(), static_cast<int>(bytes.size())) != 1) throw copy_failure(handle, table);
}

void CopySink::end_open() {
  if (open_ == nullptr) return;
  const TableSpec& table = *open_;
  open_ = nullptr;
  pg_conn* handle = connection_.raw();
  if (PQputCopyEnd(handle, nullptr) != 1) throw copy_failure(handle, table);
  rows_[table.qualified_name()] += finish_result(handle, table, PGRES_COMMAND_OK);
}

void CopySink::finish() { end_open(); }

uint64_t CopySink::rows_copied(const std::string& table) const {
  const auto found = rows_.find(table);
  return found == rows_.end() ? 0 : found->second;
}

}  // namespace seedgen

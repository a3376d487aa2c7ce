// copy_sink.h: streams rows into PostgreSQL with COPY ... FROM STDIN, through raw libpq (PQputCopyData) on
// the session of a Connection. A COPY stays open across runs of the same table (begin_table of the table
// that is already open continues it), so a table the pipeline sends account after account, alone, costs one
// statement; switching tables ends one COPY and starts the next. finish() ends the last one: call it before
// the transaction commits. Each table's statement comes from the caller (sql/loader/copy_statement.sql).
#pragma once

#include <map>
#include <string>

#include "pipeline/table_sink.h"

namespace seedgen {

class Connection;

class CopySink : public TableSink {
 public:
  // CopySink: `statements` maps a table's qualified name to its COPY ... FROM STDIN statement.
  CopySink(Connection& connection, std::map<std::string, std::string> statements)
      : connection_(connection), statements_(std::move(statements)) {}

  void begin_table(const TableSpec& table) override;
  void write(const TableSpec& table, std::string_view bytes) override;
  void end_table(const TableSpec&) override {}
  // finish: ends the open COPY, if any. Throws Error(kLoad) with the server's reason.
  void finish();
  // rows_copied: rows the server reported for `table` (qualified), over all its COPY statements.
  uint64_t rows_copied(const std::string& table) const;

 private:
  void end_open();

  Connection& connection_;
  std::map<std::string, std::string> statements_;
  const TableSpec* open_ = nullptr;
  std::map<std::string, uint64_t> rows_;
};

}  // namespace seedgen

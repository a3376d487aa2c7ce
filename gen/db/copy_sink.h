// copy_sink.h: streams generated rows into PostgreSQL with COPY ... FROM STDIN (FREEZE), through raw
// libpq (PQputCopyData) on the session of a Connection whose transaction truncated the tables. Every
// begin_table starts one COPY statement and end_table finishes it, so one table may be copied in several
// runs (one per account); FREEZE holds for all of them inside the truncating transaction.
#pragma once

#include "pipeline/table_sink.h"

namespace seedgen {

class Connection;

class CopySink : public TableSink {
 public:
  // CopySink: `freeze` requires every table to have been truncated in the current transaction.
  CopySink(Connection& connection, bool freeze) : connection_(connection), freeze_(freeze) {}

  void begin_table(const TableSpec& table) override;
  void write(const TableSpec& table, std::string_view bytes) override;
  void end_table(const TableSpec& table) override;

 private:
  Connection& connection_;
  bool freeze_;
};

}  // namespace seedgen

// copy_sink.h: streams rows into PostgreSQL with COPY ... FROM STDIN, through raw libpq (PQputCopyData) on
// the session of a Connection. One COPY is open at a time; it stays open while the rows keep going to the
// same table (a table the pipeline sends account after account, alone, costs one statement) and the next
// target ends it. A partitioned table's rows are routed by their date to the partition that holds it
// (PartitionRoute), so that each fresh partition is filled by COPY ... FREEZE of its own: the rows of one
// table run (begin_table to end_table) are gathered per partition and sent when the run ends or a
// partition's share passes a megabyte. finish() ends the last COPY: call it before the transaction commits.
// A table of `account_tables` gets one more field at the end of every row, the id of the account the
// pipeline names (begin_account): a layout that adds account_id to tables the generator keys by their
// parent (the citus layout, whose distribution column it is). The statements come from the caller
// (sql/loader/copy_statement.sql). Not thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/table_sink.h"

namespace seedgen {

class Connection;

// PartitionRoute: where a partitioned table's rows go.
struct PartitionRoute {
  struct Span {
    std::string from, to;      // YYYY-MM-DD, [from, to)
    std::string statement;     // its partition's COPY statement
  };
  size_t date_field = 0;       // the date's field in a row (0-based, in COPY column order)
  std::vector<Span> spans;     // in date order, not overlapping
  std::string other_statement; // COPY into the default partition, for a day no span holds ("" : none)
};

class CopySink : public TableSink {
 public:
  // CopySink: `statements` maps a plain table's qualified name to its COPY statement, `routes` a partitioned
  // table's to its route.
  CopySink(Connection& connection, std::map<std::string, std::string> statements,
           std::map<std::string, PartitionRoute> routes = {}, std::set<std::string> account_tables = {})
      : connection_(connection), statements_(std::move(statements)), routes_(std::move(routes)),
        account_tables_(std::move(account_tables)) {}

  void begin_account(std::string_view account_id) override { account_id_ = account_id; }
  void begin_table(const TableSpec& table) override;
  void write(const TableSpec& table, std::string_view bytes) override;
  void end_table(const TableSpec& table) override;
  // finish: ends the open COPY, if any. Throws Error(kLoad) with the server's reason, naming the statement's
  // table.
  void finish();

 private:
  void send(const std::string& statement, std::string_view bytes);
  void end_open();
  void route(const PartitionRoute& route, std::string_view rows);
  void flush(size_t partition);
  std::string_view with_account(std::string_view rows);

  Connection& connection_;
  std::map<std::string, std::string> statements_;
  std::map<std::string, PartitionRoute> routes_;
  std::set<std::string> account_tables_;   // qualified names
  std::string account_id_;                 // the account begin_account named; "" before the first
  bool adding_account_ = false;            // the open table is one of account_tables_
  std::string widened_;                    // rows with their account appended
  std::string open_;                       // the statement of the open COPY; "" when none
  const PartitionRoute* routing_ = nullptr;
  std::vector<std::string> pending_;       // per span, then one for the default partition
};

}  // namespace seedgen

// table_sink.h: where generated rows go: COPY into PostgreSQL, files on disk, or nowhere.
// The pipeline calls a sink from one thread only, account by account: for each account it names the
// account (begin_account), then begins a table, writes its bytes in chunks, ends it, then moves to the next
// table of the same account. The bytes of one table, concatenated over all its begin/end runs, are that
// table's COPY text.
#pragma once

#include <string_view>

namespace seedgen {

struct TableSpec;

class TableSink {
 public:
  virtual ~TableSink() = default;
  // begin_account: the rows that follow, until the next call, are those of the account with this id (its
  // 36-character uuid). A bundle's rows come without it: a sink that needs it must refuse them.
  virtual void begin_account(std::string_view /*account_id*/) {}
  virtual void begin_table(const TableSpec& table) = 0;
  virtual void write(const TableSpec& table, std::string_view bytes) = 0;
  virtual void end_table(const TableSpec& table) = 0;
};

// DiscardSink: generation alone (benchmarks, --count-only).
class DiscardSink : public TableSink {
 public:
  void begin_table(const TableSpec&) override {}
  void write(const TableSpec&, std::string_view) override {}
  void end_table(const TableSpec&) override {}
};

}  // namespace seedgen

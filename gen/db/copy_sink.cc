#include "db/copy_sink.h"

#include <libpq-fe.h>

#include <algorithm>

#include "core/error.h"
#include "db/connection.h"
#include "tables/table_registry.h"

namespace seedgen {
namespace {

constexpr size_t kPartitionFlushBytes = 1 << 20;

// target: the table a COPY statement names, for messages ("copy x (a, b) from stdin" gives "x").
std::string target(const std::string& statement) {
  const size_t start = statement.find(' ') + 1;
  return statement.substr(start, statement.find(' ', start) - start);
}

Error copy_failure(pg_conn* handle, const std::string& statement) {
  return Error(ErrorKind::kLoad, "COPY " + target(statement) + " failed: " + first_line(PQerrorMessage(handle)));
}

// finish_result: consumes the results of a statement; throws with the server's message and SQLSTATE.
void finish_result(pg_conn* handle, const std::string& statement, ExecStatusType expected) {
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
  if (!ok) throw Error(ErrorKind::kLoad, "COPY " + target(statement) + " failed: " + message);
}

// field: the `index`-th tab-separated field of `row`.
std::string_view field(std::string_view row, size_t index) {
  size_t start = 0;
  for (size_t skipped = 0; skipped < index; ++skipped) start = row.find('\t', start) + 1;
  const size_t end = row.find('\t', start);
  return row.substr(start, end == std::string_view::npos ? row.size() - start : end - start);
}

}  // namespace

void CopySink::send(const std::string& statement, std::string_view bytes) {
  if (bytes.empty()) return;
  pg_conn* handle = connection_.raw();
  if (statement != open_) {
    end_open();
    if (PQsendQuery(handle, statement.c_str()) != 1) throw copy_failure(handle, statement);
    finish_result(handle, statement, PGRES_COPY_IN);
    open_ = statement;
  }
  if (PQputCopyData(handle, bytes.data(), static_cast<int>(bytes.size())) != 1) throw copy_failure(handle, statement);
}

void CopySink::end_open() {
  if (open_.empty()) return;
  const std::string statement = std::move(open_);
  open_.clear();
  pg_conn* handle = connection_.raw();
  if (PQputCopyEnd(handle, nullptr) != 1) throw copy_failure(handle, statement);
  finish_result(handle, statement, PGRES_COMMAND_OK);
}

void CopySink::begin_table(const TableSpec& table) {
  adding_account_ = account_tables_.count(table.qualified_name()) != 0;
  if (adding_account_ && account_id_.empty()) {
    throw Error(ErrorKind::kLoad, "this database's " + table.qualified_name() + " has an account_id column that a "
                                  "bundle's rows lack (the citus layout): load a generated fleet into it instead");
  }
  const auto route = routes_.find(table.qualified_name());
  routing_ = route == routes_.end() ? nullptr : &route->second;
  if (routing_ != nullptr) pending_.assign(routing_->spans.size() + 1, std::string());
  if (routing_ == nullptr && statements_.count(table.qualified_name()) == 0) {
    throw Error(ErrorKind::kLoad, "internal error: no COPY statement for " + table.qualified_name());
  }
}

// with_account: `rows` (whole rows, each ending in a newline) with "\t<account id>" before every newline.
std::string_view CopySink::with_account(std::string_view rows) {
  widened_.clear();
  widened_.reserve(rows.size() + rows.size() / 8);
  while (!rows.empty()) {
    const size_t end = rows.find('\n');
    widened_.append(rows.substr(0, end));
    if (end == std::string_view::npos) break;
    widened_.append(1, '\t').append(account_id_).append(1, '\n');
    rows.remove_prefix(end + 1);
  }
  return widened_;
}

void CopySink::write(const TableSpec& table, std::string_view bytes) {
  if (adding_account_) bytes = with_account(bytes);
  if (routing_ != nullptr) return route(*routing_, bytes);
  send(statements_.at(table.qualified_name()), bytes);
}

void CopySink::route(const PartitionRoute& route, std::string_view rows) {
  while (!rows.empty()) {
    const size_t end = rows.find('\n');
    const std::string_view row = rows.substr(0, end == std::string_view::npos ? rows.size() : end + 1);
    rows.remove_prefix(row.size());
    const std::string_view day = field(row, route.date_field);
    // The span whose [from, to) holds the day: the last one starting on or before it (ISO dates sort as text).
    const auto after = std::upper_bound(route.spans.begin(), route.spans.end(), day,
                                        [](std::string_view value, const PartitionRoute::Span& span) { return value < span.from; });
    size_t partition = route.spans.size();
    if (after != route.spans.begin() && day < std::prev(after)->to) partition = static_cast<size_t>(after - route.spans.begin()) - 1;
    pending_[partition].append(row);
    if (pending_[partition].size() >= kPartitionFlushBytes) flush(partition);
  }
}

void CopySink::flush(size_t partition) {
  const bool other = partition == routing_->spans.size();
  const std::string& statement = other ? routing_->other_statement : routing_->spans[partition].statement;
  if (statement.empty() && !pending_[partition].empty()) {
    throw Error(ErrorKind::kLoad, "a row's day is in no partition of its table, and the table has no default partition");
  }
  send(statement, pending_[partition]);
  pending_[partition].clear();
}

void CopySink::end_table(const TableSpec&) {
  if (routing_ == nullptr) return;
  for (size_t partition = 0; partition < pending_.size(); ++partition) flush(partition);
  routing_ = nullptr;
}

void CopySink::finish() { end_open(); }

}  // namespace seedgen

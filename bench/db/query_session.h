// query_session.h: runs catalog queries the way an agent's driver would — prepared once, then executed
// with bound parameters in autocommit — and explains them, optionally with chosen indexes hidden inside
// a transaction that is always rolled back, so the catalog is never changed.
// One session per thread; failures become Error(kConnection / kTarget) with the server's one-line reason.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace seedgen {

class Connection;

struct ExplainRequest {
  std::string sql;                          // with $1..$n
  std::vector<std::string> parameters;      // text values for $1..$n
  std::vector<std::string> hidden_indexes;  // public index names to drop for this one run
  bool disable_index_scans = false;         // enable_indexscan / indexonlyscan / bitmapscan off
  int timeout_ms = 0;                       // statement_timeout for the run; 0 = none
};

struct ExplainOutcome {
  std::string plan_json;   // EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) text; empty when timed out
  bool timed_out = false;
};

class QuerySession {
 public:
  // QuerySession: `plan_cache_mode`, when not empty, overrides the server's setting for this session
  // (auto, force_custom_plan or force_generic_plan).
  explicit QuerySession(const std::string& url, const std::string& plan_cache_mode = "");
  ~QuerySession();
  QuerySession(const QuerySession&) = delete;
  QuerySession& operator=(const QuerySession&) = delete;

  // prepare: a server-side prepared statement `name`. Throws Error(kTarget) if the SQL does not prepare.
  void prepare(const std::string& name, const std::string& sql);

  // execute: runs `name` with `parameters` in autocommit and returns the rows it fetched.
  int64_t execute(const std::string& name, const std::vector<std::string>& parameters);

  // flush_statistics: makes this session's pending counters (index scans) visible to other sessions now.
  void flush_statistics();

  // explain: EXPLAIN ANALYZE of the request in a transaction that is rolled back.
  ExplainOutcome explain(const ExplainRequest& request);

 private:
  std::unique_ptr<Connection> connection_;
};

}  // namespace seedgen

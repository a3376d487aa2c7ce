// advisor_session.h: the index advisor's database work, always inside transactions that are rolled back,
// so the catalog never changes: plan costs with hypothetical indexes (hypopg, created in the advisor's own
// transaction), and real index builds measured with EXPLAIN ANALYZE before and after. A real build takes
// CREATE INDEX's SHARE lock on its table until the rollback: readers go on, writers wait. One thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "bench/db/query_session.h"

namespace seedgen {

class Connection;

// HypotheticalPlan: the plan of a query with some hypothetical indexes in place.
struct HypotheticalPlan {
  bool ok = false;
  std::string error;                 // one line when !ok (hypopg missing, a statement refused, ...)
  std::string plan_json;             // EXPLAIN (VERBOSE, FORMAT JSON)
  std::vector<std::string> index_names;   // hypopg's names of the indexes created, in statement order
};

// BuiltIndex: a real build of one index and the query's EXPLAIN ANALYZE runs before and after it.
struct BuiltIndex {
  bool ok = false;
  std::string error;
  std::vector<std::string> before_plans, after_plans;   // EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
  double build_seconds = 0;
  int64_t size_bytes = 0;
};

class AdvisorSession {
 public:
  explicit AdvisorSession(const std::string& url);
  ~AdvisorSession();
  AdvisorSession(const AdvisorSession&) = delete;
  AdvisorSession& operator=(const AdvisorSession&) = delete;

  // plan_with: the query's plan with `statements` created as hypothetical indexes (none: the plan as it
  // is, which also tells whether hypopg can be used at all). Errors are returned, not thrown.
  HypotheticalPlan plan_with(const std::vector<std::string>& statements, const ExplainRequest& query);

  // build_and_measure: `runs` EXPLAIN ANALYZE of the query, the CREATE INDEX `statements` (which name the
  // indexes `index_names`) timed together, their total size, `runs` EXPLAIN ANALYZE again; then rollback.
  // A statement timeout of query.timeout_ms applies to each statement. Errors are returned, not thrown.
  BuiltIndex build_and_measure(const std::vector<std::string>& statements, const std::vector<std::string>& index_names,
                               const ExplainRequest& query, int runs);

 private:
  std::unique_ptr<Connection> connection_;
};

}  // namespace seedgen

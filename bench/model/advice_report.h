// advice_report.h: the index advisor's recommendations and the cold-cache figures of a seedbench run, as
// plain data for the report writers. Nothing here touches a database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace seedgen::bench {

inline constexpr const char* kWouldPay = "would pay";
inline constexpr const char* kWouldNotPay = "would not pay";
inline constexpr const char* kEstimateOnly = "estimate only";
inline constexpr const char* kNoDriftWriteCost = "not measured (no writer ran)";

// IndexRecommendation: one query's best candidate index, in the shape of Supabase's index_advisor()
// (startup and total plan cost before and after, the CREATE INDEX statements), estimated with hypopg's
// hypothetical indexes, then, for the best few, built for real inside a rolled-back transaction and
// measured with EXPLAIN ANALYZE.
struct IndexRecommendation {
  std::string query;
  std::string account_class;
  double startup_cost_before = 0, startup_cost_after = 0;
  double total_cost_before = 0, total_cost_after = 0;
  std::vector<std::string> index_statements;   // CREATE INDEX ...; empty when no candidate lowered the cost
  std::vector<std::string> errors;             // candidates hypopg or the planner refused, one line each
  int candidates_tried = 0;
  bool built = false;                          // built for real and measured
  double before_ms = -1, after_ms = -1;        // EXPLAIN ANALYZE execution, best of a few; <0 not measured
  double build_seconds = -1;
  int64_t size_bytes = -1;
  bool used_after_build = false;               // the real plan used the built index
  std::string write_cost = kNoDriftWriteCost;  // what the index costs the writes of one drift day
  std::string verdict = kEstimateOnly;         // kWouldPay, kWouldNotPay or kEstimateOnly
  std::string reason;                          // one line: why this verdict

  double estimated_gain() const { return total_cost_after > 0 ? total_cost_before / total_cost_after : 0; }
  double measured_speedup() const { return after_ms > 0 && before_ms >= 0 ? before_ms / after_ms : 0; }
};

// AdvisorReport: what the advisor looked at and found.
struct AdvisorReport {
  bool ran = false;
  std::string note;                  // e.g. why hypopg could not be used; empty when it ran normally
  double share_of_target = 0;        // queries whose p95 exceeded this share of the target were advised
  std::vector<IndexRecommendation> recommendations;   // one per advised query, best first
};

// ColdTiming: the first execution of a query on a fresh connection after the server restarted (and,
// where allowed, the OS page cache was dropped), next to the second execution on that connection.
struct ColdTiming {
  std::string query;
  std::string account_class;
  double first_ms = 0;      // prepare + first execution, as an agent's first question sees it
  double second_ms = 0;     // the same statement again: the server's caches are now warm
};

struct ColdReport {
  bool ran = false;
  std::string restart_command;
  std::string os_cache;     // "dropped", or "kept: <why>"
  std::vector<ColdTiming> timings;
};

}  // namespace seedgen::bench

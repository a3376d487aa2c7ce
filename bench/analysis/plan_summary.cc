// plan_summary.cc: one walk over an EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) tree.
#include "bench/analysis/plan_summary.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace seedgen::bench {
namespace {

using nlohmann::json;

// number: the node's numeric field `key`, or 0 when the node has no such number.
double number(const json& node, const char* key) {
  const auto found = node.find(key);
  return found != node.end() && found->is_number() ? found->get<double>() : 0.0;
}

std::string text(const json& node, const char* key) {
  const auto found = node.find(key);
  return found != node.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool is_index_node(const std::string& node_type) {
  return node_type == "Index Scan" || node_type == "Index Only Scan" || node_type == "Bitmap Index Scan";
}

// reads_table_rows: the nodes whose rows come from a table. Bitmap Index Scan is left out on purpose:
// its Bitmap Heap Scan parent reads the same rows again.
bool reads_table_rows(const std::string& node_type) {
  return node_type == "Seq Scan" || node_type == "Index Scan" || node_type == "Index Only Scan" ||
         node_type == "Bitmap Heap Scan";
}

// rows_touched: (actual rows + rows removed by the filter and by the index recheck) x loops.
double rows_touched(const json& node) {
  const double per_loop = number(node, "Actual Rows") + number(node, "Rows Removed by Filter") +
                          number(node, "Rows Removed by Index Recheck");
  return per_loop * number(node, "Actual Loops");
}

// PlanWalker: visits every node depth first, in plan order, and gathers the per-node facts.
class PlanWalker {
 public:
  PlanWalker(const std::map<std::string, int64_t>& table_rows, int64_t seq_scan_min_rows)
      : table_rows_(table_rows), seq_scan_min_rows_(seq_scan_min_rows) {}

  void visit(const json& node, PlanSummary& summary) {
    if (!node.is_object()) throw Error(ErrorKind::kTarget, "EXPLAIN JSON: a plan node is not an object");
    const std::string node_type = text(node, "Node Type");
    if (is_index_node(node_type)) {
      const std::string index = text(node, "Index Name");
      if (!index.empty()) indexes_.insert(index);
    }
    if (reads_table_rows(node_type)) summary.rows_read += rows_touched(node);
    if (node_type == "Seq Scan") record_seq_scan(node, summary);
    const auto distributed = node.find("Distributed Query");
    if (distributed != node.end()) visit_distributed(*distributed, summary);

    const auto children = node.find("Plans");
    if (children == node.end()) return;
    if (!children->is_array()) throw Error(ErrorKind::kTarget, "EXPLAIN JSON: \"Plans\" is not an array");
    for (const json& child : *children) visit(child, summary);
  }

  std::vector<std::string> indexes_used() const { return {indexes_.begin(), indexes_.end()}; }

 private:
  // visit_distributed: a Citus scan's "Distributed Query": its job's task count, and the plans of the tasks
  // EXPLAIN shows (each a worker's own EXPLAIN, whose indexes and rows count like local ones).
  void visit_distributed(const json& distributed, PlanSummary& summary) {
    ++summary.citus_scans;
    const auto job = distributed.find("Job");
    if (job == distributed.end() || !job->is_object()) return;
    summary.citus_max_tasks = std::max(summary.citus_max_tasks, static_cast<int>(number(*job, "Task Count")));
    const auto tasks = job->find("Tasks");
    if (tasks == job->end() || !tasks->is_array()) return;
    for (const json& task : *tasks) {
      const auto remote = task.find("Remote Plan");
      if (remote == task.end()) continue;
      // The worker's EXPLAIN output, as JSON nested in arrays ([[{"Plan": ...}]]).
      const json* plan = &*remote;
      while (plan->is_array() && !plan->empty()) plan = &plan->front();
      if (plan->is_object() && plan->contains("Plan")) visit((*plan)["Plan"], summary);
    }
  }

  void record_seq_scan(const json& node, PlanSummary& summary) const {
    const std::string relation = text(node, "Relation Name");
    const auto rows = table_rows_.find(relation);
    const int64_t table_rows = rows == table_rows_.end() ? 0 : rows->second;
    if (table_rows < seq_scan_min_rows_) return;
    const std::string schema = text(node, "Schema");
    SeqScan scan;
    scan.table = schema.empty() ? relation : schema + "." + relation;
    scan.table_rows = table_rows;
    scan.rows_read = rows_touched(node);
    summary.seq_scans.push_back(std::move(scan));
  }

  const std::map<std::string, int64_t>& table_rows_;
  const int64_t seq_scan_min_rows_;
  std::set<std::string> indexes_;   // std::set: sorted and unique, as PlanSummary promises
};

// explain_object: the one object of the EXPLAIN output, which PostgreSQL wraps in an array.
const json& explain_object(const json& document) {
  const json& explain = document.is_array() && document.size() == 1 ? document.front() : document;
  if (!explain.is_object() || !explain.contains("Plan") || !explain["Plan"].is_object()) {
    throw Error(ErrorKind::kTarget, "EXPLAIN JSON has no \"Plan\" object");
  }
  return explain;
}

}  // namespace

PlanSummary summarize_plan(std::string_view explain_json, const std::map<std::string, int64_t>& table_rows,
                           int64_t seq_scan_min_rows) {
  json document;
  try {
    document = json::parse(explain_json);
  } catch (const json::parse_error& error) {
    throw Error(ErrorKind::kTarget, fmt::format("EXPLAIN output is not valid JSON: {}", error.what()));
  }
  const json& explain = explain_object(document);
  const json& top = explain["Plan"];

  PlanSummary summary;
  PlanWalker walker(table_rows, seq_scan_min_rows);
  walker.visit(top, summary);
  summary.indexes_used = walker.indexes_used();
  summary.rows_returned = number(top, "Actual Rows") * number(top, "Actual Loops");
  summary.shared_hit_blocks = static_cast<int64_t>(number(top, "Shared Hit Blocks"));
  summary.shared_read_blocks = static_cast<int64_t>(number(top, "Shared Read Blocks"));
  summary.planning_ms = number(explain, "Planning Time");
  summary.execution_ms = number(explain, "Execution Time");
  return summary;
}

}  // namespace seedgen::bench

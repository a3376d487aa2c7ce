// plan_summary.h: reads the JSON of one EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) from PostgreSQL 15 into
// a PlanSummary: which indexes the plan used, which large tables it scanned sequentially, how many rows it
// read and returned, its buffers and its times. Pure: no database access; safe to call from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "bench/model/bench_report.h"

namespace seedgen::bench {

// summarize_plan: the PlanSummary of `explain_json`, the text the server returns for EXPLAIN (ANALYZE,
// BUFFERS, FORMAT JSON): an array holding one object with "Plan", "Planning Time" and "Execution Time"
// (a bare object is accepted too). Every node is visited, including InitPlans, SubPlans and CTEs, which
// PostgreSQL lists as ordinary children in "Plans" with a "Parent Relationship".
//
// What is counted:
//  - indexes_used: the "Index Name" of every Index Scan, Index Only Scan and Bitmap Index Scan node,
//    unique and sorted.
//  - seq_scans: one entry per Seq Scan node (Parallel Seq Scan is a Seq Scan node too), in plan order,
//    for tables whose table_rows entry is >= seq_scan_min_rows. table_rows is keyed by the bare relation
//    name ("Relation Name"); a table missing from it counts as 0 rows. SeqScan::table is the bare name,
//    or "schema.name" when the plan carries "Schema" (EXPLAIN VERBOSE only). SeqScan::rows_read is
//    ("Actual Rows" + "Rows Removed by Filter") x "Actual Loops".
//  - rows_read: the sum over the table-reading nodes (Seq Scan, Index Scan, Index Only Scan and Bitmap
//    Heap Scan) of ("Actual Rows" + "Rows Removed by Filter" + "Rows Removed by Index Recheck") x
//    "Actual Loops". Bitmap Index Scan nodes are not added: their row ids are read again, as heap rows,
//    by the Bitmap Heap Scan above them. Nodes that read other nodes' output (CTE Scan, Subquery Scan,
//    Function Scan, joins) add nothing. PostgreSQL reports "Actual Rows" as a rounded per-loop average,
//    so for loops > 1 this is an estimate, exact only when every loop returned the same count.
//  - rows_returned: the top node's "Actual Rows" x "Actual Loops" (1 at the top).
//  - shared_hit_blocks / shared_read_blocks: the top node's, which in PostgreSQL 15 include its children.
//  - planning_ms / execution_ms: "Planning Time" / "Execution Time".
// A number missing from a node (e.g. no "Rows Removed by Filter" because the node has no filter) counts
// as 0. Text that is not JSON, or JSON without a "Plan" object, throws Error(ErrorKind::kTarget): the
// server answered with something seedbench cannot read.
PlanSummary summarize_plan(std::string_view explain_json, const std::map<std::string, int64_t>& table_rows,
                           int64_t seq_scan_min_rows);

}  // namespace seedgen::bench

// candidate_indexes.h: the index advisor's candidates for one query, read from its plan: every column the
// plan compares to a value (equality or range) or to another table's column (a join), per table. Equality
// columns lead a candidate and range columns follow, as a B-tree serves them best. For each table: the
// equality columns together; those followed by each range column; each equality column alone when there are
// several; each range column alone when there is no equality; each join column alone (the inner side of a
// nested loop). A candidate whose columns are already the leading columns of an index of that table (not
// partial) is left out, so is one on a table below `min_table_rows`. Conditions on expressions (casts of
// jsonb fields, functions) give no candidate. Pure: no database access.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bench/db/index_catalog.h"

namespace seedgen::bench {

struct IndexCandidate {
  std::string table;                  // "public.volumes"
  std::vector<std::string> columns;   // in index order
  std::string statement;              // CREATE INDEX ON public.volumes USING btree (account_id, size_gib)
};

// ColumnUse: what a plan does with the columns of one table.
struct ColumnUse {
  std::vector<std::string> equality;  // compared with = (or = ANY) to a value, in order of first appearance
  std::vector<std::string> range;     // compared with <, <=, > or >= to a value
  std::vector<std::string> join;      // compared with = to another column
};

// column_uses: per table ("schema.relname"), the columns the conditions of `plan_json` compare, from
// EXPLAIN (VERBOSE, FORMAT JSON) output (VERBOSE qualifies every column with its relation's alias).
// Throws Error(kTarget) when the text is not such a plan.
std::map<std::string, ColumnUse> column_uses(std::string_view plan_json);

// propose_candidates: the candidates of `uses`, at most `limit`, tables in name order.
std::vector<IndexCandidate> propose_candidates(const std::map<std::string, ColumnUse>& uses,
                                               const std::vector<IndexFacts>& existing,
                                               const std::map<std::string, int64_t>& table_rows,
                                               int64_t min_table_rows, size_t limit);

// split_conjuncts: the top-level AND terms of one condition, outer parentheses removed.
std::vector<std::string> split_conjuncts(std::string_view condition);

}  // namespace seedgen::bench

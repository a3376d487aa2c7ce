// index_catalog.h: the indexes of schema public as the benchmark's index report needs them: definition,
// key columns, predicate, size, the constraint they back, the leading column's statistics, their comment,
// and the scan counters of pg_stat_user_indexes. Read-only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace seedgen {

class Connection;

struct IndexFacts {
  std::string name;
  std::string table;
  std::string definition;             // pg_get_indexdef
  std::vector<std::string> columns;   // key columns or expressions, in order
  std::string predicate;              // empty if the index is not partial
  std::string comment;                // obj_description, empty if none
  bool is_unique = false;
  bool backs_constraint = false;      // primary key, unique or exclusion constraint
  int64_t size_bytes = 0;
  double leading_n_distinct = 0;      // pg_stats.n_distinct of the leading column; 0 unknown
  double table_rows = 0;              // pg_class.reltuples of the table
};

// read_public_indexes: every index on a table of schema public, by table then name.
std::vector<IndexFacts> read_public_indexes(Connection& connection);

// read_index_scans: pg_stat_user_indexes.idx_scan per public index. Counters reach the statistics
// system when a session reports them; call it after the measured sessions have closed.
std::map<std::string, int64_t> read_index_scans(Connection& connection);

}  // namespace seedgen

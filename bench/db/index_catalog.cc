// index_catalog.cc: pg_index, pg_stats and pg_stat_user_indexes reads; the SQL is sql/seedbench/*.sql.
#include "bench/db/index_catalog.h"

#include "db/connection.h"
#include "embedded_sql/seedbench.h"

namespace seedgen {

std::vector<IndexFacts> read_public_indexes(Connection& connection) {
  pqxx::read_transaction transaction(connection.session());
  const auto rows = transaction.exec(std::string(sql::seedbench::public_indexes));
  std::vector<IndexFacts> indexes;
  for (const auto& row : rows) {
    IndexFacts facts;
    facts.name = row[0].as<std::string>();
    facts.table = row[1].as<std::string>();
    facts.definition = row[2].as<std::string>();
    const auto columns = row[3].as<std::string>();
    for (size_t start = 0; start <= columns.size();) {
      const auto end = std::min(columns.find('\x1f', start), columns.size());
      facts.columns.push_back(columns.substr(start, end - start));
      start = end + 1;
    }
    facts.predicate = row[4].as<std::string>();
    facts.comment = row[5].as<std::string>();
    facts.is_unique = row[6].as<bool>();
    facts.backs_constraint = row[7].as<bool>();
    facts.size_bytes = row[8].as<int64_t>();
    facts.leading_n_distinct = row[9].as<double>();
    facts.table_rows = row[10].as<double>();
    indexes.push_back(std::move(facts));
  }
  return indexes;
}

std::map<std::string, int64_t> read_index_scans(Connection& connection) {
  pqxx::nontransaction work(connection.session());
  work.exec(std::string(sql::seedbench::clear_statistics_snapshot));
  std::map<std::string, int64_t> scans;
  for (const auto& row : work.exec(std::string(sql::seedbench::index_scans))) {
    scans[row[0].as<std::string>()] = row[1].as<int64_t>();
  }
  return scans;
}

}  // namespace seedgen

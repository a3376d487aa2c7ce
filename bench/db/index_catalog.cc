// index_catalog.cc: pg_index, pg_stats and pg_stat_user_indexes reads.
#include "bench/db/index_catalog.h"

#include "db/connection.h"

namespace seedgen {

std::vector<IndexFacts> read_public_indexes(Connection& connection) {
  pqxx::read_transaction transaction(connection.session());
  const auto rows = transaction.exec(
      "select i.relname, t.relname, pg_get_indexdef(x.indexrelid), "
      "  array_to_string(array(select pg_get_indexdef(x.indexrelid, k, true) "
      "                        from generate_series(1, x.indnkeyatts) k order by k), e'\\x1f'), "
      "  coalesce(pg_get_expr(x.indpred, x.indrelid, true), ''), coalesce(obj_description(i.oid, 'pg_class'), ''), "
      "  x.indisunique, exists (select 1 from pg_constraint c where c.conindid = x.indexrelid "
      "                         and c.contype in ('p', 'u', 'x')), "
      "  pg_relation_size(i.oid), coalesce(s.n_distinct, 0), greatest(t.reltuples, 0) "
      "from pg_index x "
      "join pg_class i on i.oid = x.indexrelid "
      "join pg_class t on t.oid = x.indrelid "
      "join pg_namespace n on n.oid = t.relnamespace "
      "left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0] and x.indkey[0] <> 0 "
      "left join pg_stats s on s.schemaname = n.nspname and s.tablename = t.relname and s.attname = a.attname "
      "where n.nspname = 'public' and t.relkind in ('r', 'm') "
      "order by t.relname, i.relname");
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
  work.exec("select pg_stat_clear_snapshot()");
  std::map<std::string, int64_t> scans;
  for (const auto& row : work.exec("select indexrelname, idx_scan from pg_stat_user_indexes where schemaname = 'public'")) {
    scans[row[0].as<std::string>()] = row[1].as<int64_t>();
  }
  return scans;
}

}  // namespace seedgen

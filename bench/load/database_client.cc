// database_client.cc: one prepared statement per question, named after it.
#include "bench/load/database_client.h"

namespace seedgen::bench {

DatabaseClient::DatabaseClient(const std::string& url, const std::string& plan_cache_mode,
                               const std::vector<CatalogQuery>& queries)
    : session_(url, plan_cache_mode) {
  for (const auto& query : queries) {
    session_.prepare(query.name, query.sql);
    names_.push_back(query.name);
  }
}

void DatabaseClient::execute(size_t query, const std::vector<std::string>& parameters) {
  session_.execute(names_.at(query), parameters);
}

ClientFactory database_clients(const std::string& url, const std::string& plan_cache_mode,
                               const std::vector<CatalogQuery>& queries) {
  return [url, plan_cache_mode, &queries](int) -> std::unique_ptr<LoadClient> {
    return std::make_unique<DatabaseClient>(url, plan_cache_mode, queries);
  };
}

}  // namespace seedgen::bench

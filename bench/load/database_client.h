// database_client.h: the LoadClient of a real run: one QuerySession (its own connection) that prepares every
// selected question once, under its name, and executes them in autocommit with rows fetched, as the
// single-client timings do. One per client thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/db/query_session.h"
#include "bench/load/load_loop.h"

namespace seedgen::bench {

class DatabaseClient : public LoadClient {
 public:
  // DatabaseClient: connects to `url` and prepares `queries`. Throws Error(kConnection / kTarget).
  DatabaseClient(const std::string& url, const std::string& plan_cache_mode, const std::vector<CatalogQuery>& queries);
  void execute(size_t query, const std::vector<std::string>& parameters) override;

 private:
  QuerySession session_;
  std::vector<std::string> names_;   // statement of each query index
};

// database_clients: a ClientFactory of DatabaseClients. `queries` must outlive the factory's use.
ClientFactory database_clients(const std::string& url, const std::string& plan_cache_mode,
                               const std::vector<CatalogQuery>& queries);

}  // namespace seedgen::bench

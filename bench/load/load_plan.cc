// load_plan.cc: binds every question once per class and once per account of the pool.
#include "bench/load/load_plan.h"

namespace seedgen::bench {

LoadPlan build_load_plan(const std::vector<CatalogQuery>& queries, const std::vector<AccountClass>& classes,
                         const std::vector<AccountClass>& pool, const std::string& as_of) {
  LoadPlan plan;
  for (const auto& query : queries) {
    plan.query_names.push_back(query.name);
    std::vector<std::vector<std::string>> fixed;
    std::vector<std::vector<std::string>> any;
    if (!query.account_scoped) {
      fixed.push_back(bind_parameters(query, "", as_of));
    } else {
      for (const auto& account : classes) fixed.push_back(bind_parameters(query, account.account_id, as_of, account.subjects));
      for (const auto& account : pool) any.push_back(bind_parameters(query, account.account_id, as_of, account.subjects));
    }
    plan.fixed.push_back(std::move(fixed));
    plan.pool.push_back(std::move(any));
  }
  return plan;
}

}  // namespace seedgen::bench

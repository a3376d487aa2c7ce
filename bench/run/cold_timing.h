// cold_timing.h: seedbench --cold: each query's first execution on a cold server, next to its warm figures.
// For each query and account class: the restart command runs (by default the private cluster's
// `scripts/pg stop && scripts/pg start`), the OS page cache is dropped where allowed (root, writable
// /proc/sys/vm/drop_caches; "kept" otherwise, with why), a new connection prepares and executes the query
// (timed: the first question an agent asks after a restart), then executes it once more (its caches now
// warm). Restarting disturbs every session of the server, so this runs last. Throws Error(kTarget) when
// the restart command fails, Error(kConnection) when the server does not come back within 60 s.
#pragma once

#include <string>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/model/bench_report.h"

namespace seedgen::bench {

struct ColdSettings {
  std::string restart_command;   // shell command; must return once the server accepts connections again
  bool drop_os_cache = true;
  std::string plan_cache_mode;
};

// default_restart_command: the private cluster's restart (the checkout's scripts/pg).
std::string default_restart_command();

ColdReport time_cold(const std::string& url, const std::vector<CatalogQuery>& catalog,
                     const std::vector<AccountClass>& classes, const std::string& as_of, const ColdSettings& settings);

}  // namespace seedgen::bench

// account_classes.cc: rank-based picks over the sorted account sizes.
#include "bench/run/account_classes.h"

#include "core/error.h"

namespace seedgen::bench {

std::vector<AccountClass> pick_account_classes(const std::vector<AccountSize>& sizes) {
  if (sizes.empty()) throw Error(ErrorKind::kTarget, "the fleet has no accounts to benchmark");
  const size_t last = sizes.size() - 1;
  const auto make = [&](const char* name, size_t rank) {
    return AccountClass{name, sizes[rank].account_id, sizes[rank].resources, {}};
  };
  return {make("largest", last), make("median", last / 2), make("small", last / 10)};
}

AccountClass global_class() { return AccountClass{"global", "", 0, {}}; }

}  // namespace seedgen::bench

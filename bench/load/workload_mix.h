// workload_mix.h: the documented mix a concurrent seedbench run draws from (sql/queries/mix.toml): a weight
// per account class and weights per question by glob. A draw picks a question by weight, then, if the
// question is about one account, a class by weight; "any" picks one of the fleet's accounts uniformly.
// Draws come from seedgen's pcg32 streams (gen/rng), so a seed gives one sequence on any machine.
// Immutable after construction; draw() is safe from many threads, each with its own Rng.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "bench/catalog/query_catalog.h"
#include "bench/model/load_report.h"
#include "rng/rng.h"

namespace seedgen::bench {

inline constexpr const char* kAnyClass = "any";
inline constexpr const char* kGlobalClass = "global";

// MixRules: the mix file as written.
struct MixRules {
  std::string source;
  std::vector<std::pair<std::string, double>> classes;       // "largest", "median", "small", "any" -> weight
  std::vector<std::pair<std::string, double>> query_globs;   // the longest glob that matches wins
};

// read_mix_file: the rules of a mix file. Throws Error(kIo) when it cannot be read, Error(kUsage) naming
// the file and the key for anything else: not TOML, an unknown class, a negative or non-numeric weight,
// or all class weights zero.
MixRules read_mix_file(const std::string& path);

// MixDraw: what to run next: queries[query] for classes[account_class], or for pool[account] when the
// class is "any" (account is unused otherwise); account_class is kGlobalClassIndex for a global question.
struct MixDraw {
  size_t query = 0;
  size_t account_class = 0;
  size_t account = 0;
};

inline constexpr size_t kGlobalClassIndex = static_cast<size_t>(-1);
inline constexpr size_t kAnyClassIndex = 3;   // classes are largest, median, small, any, in that order

class WorkloadMix {
 public:
  // WorkloadMix: the rules applied to `queries` (their weights resolved by glob) over `pool_size`
  // accounts. Throws Error(kUsage) when every selected question weighs 0, or when account questions are
  // selected but every class weighs 0 or the pool is empty.
  WorkloadMix(const MixRules& rules, const std::vector<CatalogQuery>& queries, size_t pool_size);

  MixDraw draw(Rng& rng) const;

  // class_name: "largest", ..., "any", or "global" for kGlobalClassIndex.
  const std::string& class_name(size_t account_class) const;

  // weights: the mix as applied, for the report.
  MixWeights weights() const;

 private:
  std::string source_;
  std::vector<std::string> query_names_;
  std::vector<double> query_weights_;
  std::vector<bool> account_scoped_;
  std::vector<std::string> class_names_;
  std::vector<double> class_weights_;
  size_t pool_size_ = 0;
};

}  // namespace seedgen::bench

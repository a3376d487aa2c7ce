// workload_mix.cc: the mix file (TOML) and weighted draws over pcg32.
#include "bench/load/workload_mix.h"

#include <fnmatch.h>

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/error.h"

namespace seedgen::bench {
namespace {

constexpr const char* kClassNames[] = {"largest", "median", "small", kAnyClass};

double weight_of(const toml::node& node, const std::string& path, const std::string& key) {
  const auto value = node.value<double>();
  if (!value || *value < 0) {
    throw Error(ErrorKind::kUsage, fmt::format("{}: {} must be a number >= 0", path, key));
  }
  return *value;
}

std::vector<std::pair<std::string, double>> read_table(const toml::table& root, const std::string& path,
                                                       const char* name) {
  const toml::table* table = root[name].as_table();
  if (table == nullptr) throw Error(ErrorKind::kUsage, fmt::format("{}: no [{}] table", path, name));
  std::vector<std::pair<std::string, double>> entries;
  for (const auto& [key, node] : *table) {
    const std::string text(key.str());
    entries.emplace_back(text, weight_of(node, path, fmt::format("{}.{}", name, text)));
  }
  return entries;
}

// weight_for: the weight of the longest glob that matches `name` (the most specific rule), else 1.
double weight_for(const MixRules& rules, const std::string& name) {
  double weight = 1;
  size_t longest = 0;
  for (const auto& [glob, glob_weight] : rules.query_globs) {
    if (fnmatch(glob.c_str(), name.c_str(), 0) != 0 || (longest > 0 && glob.size() <= longest)) continue;
    longest = glob.size();
    weight = glob_weight;
  }
  return weight;
}

bool any_positive(const std::vector<double>& weights) {
  return std::any_of(weights.begin(), weights.end(), [](double weight) { return weight > 0; });
}

}  // namespace

MixRules read_mix_file(const std::string& path) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    if (where.line == 0) throw Error(ErrorKind::kIo, fmt::format("cannot read the mix file {}", path));
    throw Error(ErrorKind::kUsage, fmt::format("{}:{}: {}", path, where.line, error.description()));
  }
  MixRules rules;
  rules.source = path;
  rules.classes = read_table(root, path, "classes");
  rules.query_globs = read_table(root, path, "queries");
  for (const auto& [name, weight] : rules.classes) {
    if (std::find(std::begin(kClassNames), std::end(kClassNames), name) == std::end(kClassNames)) {
      throw Error(ErrorKind::kUsage,
                  fmt::format("{}: unknown class '{}' (largest, median, small or any)", path, name));
    }
  }
  return rules;
}

WorkloadMix::WorkloadMix(const MixRules& rules, const std::vector<CatalogQuery>& queries, size_t pool_size)
    : source_(rules.source), pool_size_(pool_size) {
  for (const char* name : kClassNames) {
    const auto found = std::find_if(rules.classes.begin(), rules.classes.end(),
                                    [name](const auto& entry) { return entry.first == name; });
    class_names_.push_back(name);
    class_weights_.push_back(found == rules.classes.end() ? 0.0 : found->second);
  }
  bool any_account_question = false;
  for (const auto& query : queries) {
    query_names_.push_back(query.name);
    query_weights_.push_back(weight_for(rules, query.name));
    account_scoped_.push_back(query.account_scoped);
    any_account_question = any_account_question || (query.account_scoped && query_weights_.back() > 0);
  }
  if (!any_positive(query_weights_)) {
    throw Error(ErrorKind::kUsage, fmt::format("{}: every selected question weighs 0", source_));
  }
  if (any_account_question && (!any_positive(class_weights_) || pool_size_ == 0)) {
    throw Error(ErrorKind::kUsage, fmt::format("{}: account questions are selected but no class can run them", source_));
  }
}

MixDraw WorkloadMix::draw(Rng& rng) const {
  MixDraw draw;
  draw.query = rng.weighted(query_weights_);
  if (!account_scoped_[draw.query]) {
    draw.account_class = kGlobalClassIndex;
    return draw;
  }
  draw.account_class = rng.weighted(class_weights_);
  draw.account = rng.below(static_cast<uint32_t>(pool_size_));   // one draw always, used by "any" only
  return draw;
}

const std::string& WorkloadMix::class_name(size_t account_class) const {
  static const std::string global = kGlobalClass;
  return account_class == kGlobalClassIndex ? global : class_names_.at(account_class);
}

MixWeights WorkloadMix::weights() const {
  MixWeights weights;
  weights.source = source_;
  for (size_t index = 0; index < class_names_.size(); ++index) {
    weights.classes.emplace_back(class_names_[index], class_weights_[index]);
  }
  for (size_t index = 0; index < query_names_.size(); ++index) {
    weights.queries.emplace_back(query_names_[index], query_weights_[index]);
  }
  return weights;
}

}  // namespace seedgen::bench

// index_verdicts.cc: the verdict rules, applied in order, and their one-line reasons.
#include "bench/analysis/index_verdicts.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace seedgen::bench {
namespace {

constexpr size_t kUsersNamedInReason = 3;   // keeps a reason to one short line

// access_method: the word after " USING " in a pg_get_indexdef definition ("btree", "gin", ...); empty
// when the definition does not say.
std::string access_method(const std::string& definition) {
  constexpr std::string_view kUsing = " USING ";
  const size_t start = definition.find(kUsing);
  if (start == std::string::npos) return {};
  const size_t begin = start + kUsing.size();
  const size_t end = definition.find_first_of(" (", begin);
  return definition.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

bool same_access_method(const IndexReport& index, const IndexReport& other) {
  const std::string method = access_method(index.definition);
  const std::string other_method = access_method(other.definition);
  return method.empty() || other_method.empty() || method == other_method;
}

bool enforces_something(const IndexReport& index) { return index.is_unique || index.backs_constraint; }

// BestSpeedup: the largest measured speedup of one index and the query it was measured on.
struct BestSpeedup {
  double ratio = 0;
  std::string query;
  bool timed_out = false;   // the ratio is a lower bound
};

BestSpeedup best_speedup_of(const std::string& index_name, const std::vector<QueryAnalysis>& analyses) {
  BestSpeedup best;
  for (const auto& analysis : analyses) {
    for (const auto& speedup : analysis.index_speedups) {
      if (speedup.index != index_name || speedup.with_ms <= 0 || speedup.without_ms < 0) continue;
      const double ratio = speedup.without_ms / speedup.with_ms;
      if (ratio > best.ratio) best = {ratio, analysis.query, speedup.timed_out};
    }
  }
  return best;
}

std::vector<std::string> users_of(const std::string& index_name, const std::vector<QueryAnalysis>& analyses) {
  std::set<std::string> users;
  for (const auto& analysis : analyses) {
    const auto& used = analysis.plan.indexes_used;
    if (std::find(used.begin(), used.end(), index_name) != used.end()) users.insert(analysis.query);
  }
  return {users.begin(), users.end()};
}

// covering_index: the index that makes indexes[position] redundant, the first by name; nullptr if none.
const IndexReport* covering_index(const std::vector<IndexReport>& indexes, size_t position) {
  const IndexReport* covering = nullptr;
  for (size_t other = 0; other < indexes.size(); ++other) {
    if (other == position || !is_prefix_duplicate(indexes[position], indexes[other])) continue;
    if (covering == nullptr || indexes[other].name < covering->name) covering = &indexes[other];
  }
  return covering;
}

std::string column_list(const std::vector<std::string>& columns) { return fmt::format("{}", fmt::join(columns, ", ")); }

// user_list: "a, b, c and 2 more".
std::string user_list(const std::vector<std::string>& users) {
  if (users.size() <= kUsersNamedInReason) return fmt::format("{}", fmt::join(users, ", "));
  return fmt::format("{} and {} more", fmt::join(users.begin(), users.begin() + kUsersNamedInReason, ", "),
                     users.size() - kUsersNamedInReason);
}

std::string redundant_reason(const IndexReport& index, const IndexReport& covering) {
  if (index.columns == covering.columns) {
    return fmt::format("same columns ({}) as {}", column_list(index.columns), covering.name);
  }
  return fmt::format("({}) is a leading prefix of {} ({})", column_list(index.columns), covering.name,
                     column_list(covering.columns));
}

std::string speedup_reason(const BestSpeedup& best) {
  if (best.timed_out) return fmt::format("{} is at least {:.1f}x slower without it (timed out)", best.query, best.ratio);
  return fmt::format("{} is {:.1f}x slower without it", best.query, best.ratio);
}

std::string constraint_reason(const IndexReport& index) {
  constexpr std::string_view kEnforces = "enforces a primary key/unique constraint";
  if (index.used_by.empty()) return fmt::format("{}; not used by the catalog", kEnforces);
  if (index.best_speedup <= 0) return fmt::format("{}; used by {}, speedup not measured", kEnforces, user_list(index.used_by));
  return fmt::format("{}; best catalog speedup {:.1f}x", kEnforces, index.best_speedup);
}

std::string unused_reason(const IndexReport& index) {
  return fmt::format("no catalog query used it; {} scans during the run", index.scans_gained);
}

std::string helpful_reason(const IndexReport& index) {
  if (index.used_by.empty()) return unused_reason(index);
  std::string reason = fmt::format("used by {}", user_list(index.used_by));
  if (index.best_speedup > 0) reason += fmt::format(", best speedup {:.1f}x", index.best_speedup);
  if (index.scans_gained > 0) reason += fmt::format("; {} scans during the run", index.scans_gained);
  return reason;
}

void judge_one(std::vector<IndexReport>& indexes, size_t position, const BestSpeedup& best, const VerdictRules& rules) {
  IndexReport& index = indexes[position];
  if (const IndexReport* covering = covering_index(indexes, position)) {
    index.verdict = IndexVerdict::kRedundant;
    index.reason = redundant_reason(index, *covering);
  } else if (best.ratio > 0 && best.ratio >= rules.essential_speedup) {
    index.verdict = IndexVerdict::kEssential;
    index.reason = speedup_reason(best);
  } else if (index.backs_constraint) {
    index.verdict = IndexVerdict::kEssential;
    index.reason = constraint_reason(index);
  } else if (!index.used_by.empty() || index.scans_gained > 0) {
    index.verdict = IndexVerdict::kHelpful;
    index.reason = helpful_reason(index);
  } else {
    index.verdict = IndexVerdict::kUnused;
    index.reason = unused_reason(index);
  }
}

}  // namespace

double share_per_value(double n_distinct, double reltuples) {
  if (std::isnan(n_distinct) || n_distinct == 0) return -1;
  double distinct_values = n_distinct;
  if (n_distinct < 0) {
    if (!(reltuples > 0)) return -1;
    distinct_values = -n_distinct * reltuples;
  }
  return std::clamp(1.0 / distinct_values, 0.0, 1.0);
}

bool is_prefix_duplicate(const IndexReport& index, const IndexReport& other) {
  if (index.name == other.name || enforces_something(index)) return false;
  if (index.table != other.table || index.predicate != other.predicate || !same_access_method(index, other)) return false;
  if (index.columns.empty() || index.columns.size() > other.columns.size()) return false;
  if (!std::equal(index.columns.begin(), index.columns.end(), other.columns.begin())) return false;
  const bool interchangeable = index.columns.size() == other.columns.size() && !enforces_something(other);
  return !interchangeable || index.name > other.name;
}

void judge_indexes(std::vector<IndexReport>& indexes, const std::vector<QueryAnalysis>& analyses,
                   const VerdictRules& rules) {
  for (size_t position = 0; position < indexes.size(); ++position) {
    IndexReport& index = indexes[position];
    const BestSpeedup best = best_speedup_of(index.name, analyses);
    index.used_by = users_of(index.name, analyses);
    index.best_speedup = best.ratio;
    index.low_selectivity = !index.is_unique && index.leading_selectivity > rules.low_selectivity_share;
    judge_one(indexes, position, best, rules);
  }
}

}  // namespace seedgen::bench

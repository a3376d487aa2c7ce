#include "score/scorecard.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "config/waste_patterns.h"

namespace seedgen::score {
namespace {

double ratio(int64_t numerator, int64_t denominator) {
  return denominator == 0 ? 1.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

// empty_tallies: one Tally per catalog pattern, keyed (and so sorted) by id.
std::map<std::string, Tally> empty_tallies() {
  std::map<std::string, Tally> tallies;
  for (Pattern pattern : all_patterns()) tallies[std::string(pattern_id(pattern))];
  return tallies;
}

}  // namespace

double Tally::precision() const { return ratio(true_positives, true_positives + false_positives); }
double Tally::recall() const { return ratio(true_positives, true_positives + false_negatives); }

double Tally::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

void Tally::add(const Tally& other) {
  true_positives += other.true_positives;
  false_positives += other.false_positives;
  false_negatives += other.false_negatives;
  savings_found += other.savings_found;
  savings_available += other.savings_available;
  savings_claimed += other.savings_claimed;
}

Scorecard score_findings(const std::vector<Finding>& findings, const std::vector<Finding>& key) {
  std::unordered_map<std::string, Money> key_savings;
  auto tallies = empty_tallies();
  for (const Finding& row : key) {
    key_savings.emplace(row.key(), row.monthly_savings);
    Tally& tally = tallies[row.pattern];
    ++tally.false_negatives;   // until a finding names it
    tally.savings_available += row.monthly_savings;
  }
  Scorecard card;
  std::unordered_set<std::string> seen;
  for (const Finding& finding : findings) {
    ++card.findings_read;
    std::string identity = finding.key();
    if (!seen.insert(identity).second) {
      ++card.duplicates;
      continue;
    }
    Tally& tally = tallies[finding.pattern];
    tally.savings_claimed += finding.monthly_savings;
    const auto found = key_savings.find(identity);
    if (found == key_savings.end()) {
      ++tally.false_positives;
      continue;
    }
    ++tally.true_positives;
    --tally.false_negatives;
    tally.savings_found += found->second;
  }
  for (auto& [pattern, tally] : tallies) {
    card.overall.add(tally);
    card.patterns.push_back({pattern, tally});
  }
  return card;
}

double rounded_ratio(double value) { return std::round(value * 10000.0) / 10000.0; }

std::vector<const PatternScore*> worst_patterns(const Scorecard& card, size_t limit) {
  std::vector<const PatternScore*> worst;
  for (const auto& score : card.patterns) {
    if (rounded_ratio(score.tally.f1()) < 1.0) worst.push_back(&score);
  }
  std::stable_sort(worst.begin(), worst.end(), [](const PatternScore* a, const PatternScore* b) {
    return rounded_ratio(a->tally.f1()) < rounded_ratio(b->tally.f1());
  });
  if (worst.size() > limit) worst.resize(limit);
  return worst;
}

}  // namespace seedgen::score

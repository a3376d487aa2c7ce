// scorecard.h: grading an agent's findings against the answer key, per pattern and overall.
// Contract:
//  - A finding is a true positive when the key holds its (account, resource_type, resource_id, pattern);
//    otherwise a false positive. A key row no finding names is a false negative. Findings with the same
//    identity count once (the first one's estimate is kept), whatever their savings.
//  - precision = TP / (TP + FP), 1 when nothing was reported; recall = TP / (TP + FN), 1 when the key has
//    nothing; F1 = 2PR / (P + R), 0 when P + R = 0. So a pattern with neither key rows nor findings scores
//    1, and one with key rows but no findings scores recall 0 and F1 0.
//  - Overall is micro-averaged: the counts and savings of every pattern summed, then the same formulas.
//  - Savings found: the key's savings of the true positives; available: the key's savings in total.
//    Claimed: the agent's own estimates over its unique findings (true or false).
//  - Patterns are every pattern of the catalog (also those without key rows or findings), sorted by id.
// Pure: no I/O, no clock; the same inputs give the same Scorecard.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "score/finding.h"

namespace seedgen::score {

struct Tally {
  int64_t true_positives = 0;
  int64_t false_positives = 0;
  int64_t false_negatives = 0;
  Money savings_found = 0;
  Money savings_available = 0;
  Money savings_claimed = 0;

  double precision() const;
  double recall() const;
  double f1() const;
  void add(const Tally& other);
};

struct PatternScore {
  std::string pattern;
  Tally tally;
};

struct Scorecard {
  std::vector<PatternScore> patterns;   // every catalog pattern, sorted by id
  Tally overall;
  int64_t findings_read = 0;            // as given, duplicates included
  int64_t duplicates = 0;               // findings_read minus the unique findings
};

// score_findings: grades `findings` (validated) against `key` (the answer key's rows).
Scorecard score_findings(const std::vector<Finding>& findings, const std::vector<Finding>& key);

// rounded_ratio: `value` rounded to 4 decimals, as the reports show it and the gate compares it.
double rounded_ratio(double value);

// worst_patterns: up to `limit` patterns with F1 below 1, lowest first (ties by id).
std::vector<const PatternScore*> worst_patterns(const Scorecard& card, size_t limit);

}  // namespace seedgen::score
